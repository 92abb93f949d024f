/**
 * Team import: every source validated and reported, groups by framework version never mixed,
 * duplicates refused, people keyed by normalised name, self and manager kept apart, history ordered.
 * Also the team storage ('banso:team').
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content/check.ts';
import { readContentFiles } from '../../src/lib/content/load.ts';
import { clientData } from '../../src/lib/assessment/skill-island-props.ts';
import { emptyAssessment } from '../../src/lib/assessment/storage.ts';
import { serialiseAssessment } from '../../src/lib/assessment/file-output.ts';
import { toShareHash } from '../../src/lib/assessment/share-link.ts';
import { importBatch, normaliseName, type TeamSource } from '../../src/lib/team/import-batch.ts';
import { buildTeam, currentLevels, kindFor } from '../../src/lib/team/members.ts';
import { forgetTeam, loadTeam, saveTeam, TEAM_STORAGE_KEY } from '../../src/lib/team/storage.ts';
import type { StorageLike } from '../../src/lib/assessment/storage.ts';
import { dotted, inEnglish, inJapanese } from '../helpers/problems.ts';

const data = clientData(checkContent(readContentFiles('.')).content, 'en');
const frameworks = data.frameworks;
const cs = frameworks.find((f) => f.id === 'cs-skills')!;
const NOW = new Date('2026-11-24T09:00:00.000Z');
const DIR = 'test/fixtures/team/';
const fixtureSources = (): TeamSource[] =>
  readdirSync(DIR)
    .sort()
    .map((name) => ({ name, origin: 'file', text: readFileSync(DIR + name, 'utf8') }));

function person(
  name: string,
  kind: 'self' | 'manager',
  levels: Record<string, number>,
  updatedAt: string,
  extra: { role?: string; targetRole?: string } = {},
) {
  const a = emptyAssessment(cs, { name, ...extra }, kind, { now: new Date(updatedAt) });
  a.ratings = Object.fromEntries(Object.entries(levels).map(([k, v]) => [k, { level: v }]));
  return a;
}
const src = (name: string, text: string, origin: 'file' | 'link' = 'file'): TeamSource => ({ name, origin, text });
/** Imports the assessments as files (file name → assessment, in that order) into `existing`. */
const importFiles = (
  files: Record<string, ReturnType<typeof person>>,
  existing: Parameters<typeof importBatch>[0] = [],
) =>
  importBatch(
    existing,
    Object.entries(files).map(([name, a]) => src(name, serialiseAssessment(a))),
    frameworks,
    NOW,
  );

describe('importBatch with the fixture folder', () => {
  const r = importBatch([], fixtureSources(), frameworks, NOW);
  const by = (name: string) => r.report.find((x) => x.source === name)!;

  it('reports every source, in order, once', () => {
    expect(r.report.map((x) => x.source)).toEqual(readdirSync(DIR).sort());
  });
  it('names the reason of each broken file', () => {
    expect(by('broken-not-json.json')).toMatchObject({ status: 'error', error: { code: 'not-json' } });
    expect(by('broken-wrong-format.json')).toMatchObject({ status: 'error', error: { code: 'wrong-format' } });
    expect(by('broken-invalid-level.json')).toMatchObject({ status: 'error', error: { code: 'invalid' } });
    expect(dotted(by('broken-invalid-level.json').error!.problems).join('\n')).toMatch(
      /ratings\.customer-health\.level/,
    );
    expect(by('broken-unknown-framework.json')).toMatchObject({
      status: 'error',
      error: { code: 'unknown-framework' },
      framework: { id: 'sales-skills' },
    });
  });
  it('detects duplicates by content; same person, kind and save time with other content keeps both and says so', () => {
    expect(by('sato-aiko-self-2026-03_copy.json')).toMatchObject({
      status: 'duplicate',
      duplicateOf: 'sato-aiko-self-2026-03.json',
      duplicateReason: 'identical',
    });
    // Full-width space in the name and the same instant written in UTC, but another level and no snapshot:
    // the content differs, so nothing is dropped; the report names the other file.
    expect(by('watanabe-ren-self_resaved.json')).toMatchObject({ status: 'ok', sameTimeAs: 'watanabe-ren-self.json' });
  });
  it('keeps another framework version apart with its own status', () => {
    expect(by('kobayashi-old-version.json')).toMatchObject({
      status: 'other-version',
      framework: { id: 'cs-skills', version: '2025.2' },
    });
    expect(by('watanabe-ren-domain.json')).toMatchObject({ status: 'ok', framework: { id: 'product-domain' } });
  });
  it('takes the valid files and nothing else', () => {
    expect(r.added).toBe(10);
    expect(r.entries.map((e) => e.source)).toEqual([
      'ito-mika-manager.json',
      'kobayashi-old-version.json',
      'sato-aiko-manager-2026-09.json',
      'sato-aiko-self-2026-03.json',
      'sato-aiko-self-2026-09.json',
      'script-in-name.json',
      'watanabe-ren-domain.json',
      'watanabe-ren-manager.json',
      'watanabe-ren-self.json',
      'watanabe-ren-self_resaved.json',
    ]);
  });

  it('groups by framework version: current first, other versions after, never mixed', () => {
    const groups = buildTeam(r.entries, frameworks);
    expect(groups.map((g) => [g.key, g.status, g.members.length])).toEqual([
      ['cs-skills@2026.1#dfe20d61', 'current', 4],
      ['cs-skills@2025.2#0badc0de', 'other-version', 1],
      ['product-domain@2026.1#b1828196', 'current', 1],
    ]);
    const current = groups[0];
    expect(current.members.some((m) => m.name === '小林 翔')).toBe(false);
  });

  it('keeps self and manager apart and builds the history from files and snapshots', () => {
    const current = buildTeam(r.entries, frameworks)[0];
    const aiko = current.members.find((m) => m.name.startsWith('佐藤'))!;
    expect(aiko.self!.entries.map((e) => e.source)).toEqual([
      'sato-aiko-self-2026-03.json',
      'sato-aiko-self-2026-09.json',
    ]);
    expect(aiko.manager!.entries.map((e) => e.source)).toEqual(['sato-aiko-manager-2026-09.json']);
    expect(aiko.self!.history.map((p) => [p.date, p.snapshot])).toEqual([
      ['2026-01-15', true],
      ['2026-03-10', true],
      ['2026-06-20', true],
      ['2026-09-12', false],
    ]);
    // The later file's snapshot of 2026-03-10 replaces the earlier file's current ratings of that date.
    expect(aiko.self!.history[1].source).toBe('sato-aiko-self-2026-09.json');
    expect(aiko.self!.latest.source).toBe('sato-aiko-self-2026-09.json');
    expect(aiko.manager!.history.map((p) => p.date)).toEqual(['2026-04-01', '2026-09-20']);
    expect(kindFor(aiko, 'preferred')).toBe('manager');
    expect(currentLevels(aiko, 'self')!.levels['customer-health']).toBe(4);
    expect(currentLevels(aiko, 'manager')!.levels['customer-health']).toBe(2);
    const mika = current.members.find((m) => m.name === '伊藤 美香')!;
    expect(kindFor(mika, 'self')).toBeUndefined();
    expect([mika.role, mika.targetRole]).toEqual(['senior-csm', 'cs-lead']);
  });

  it('importing the same folder again adds nothing and reports duplicates', () => {
    const again = importBatch(r.entries, fixtureSources(), frameworks, NOW);
    expect(again.added).toBe(0);
    expect(again.entries).toHaveLength(r.entries.length);
    expect(again.report.filter((x) => x.status === 'duplicate').length).toBe(11);
    expect(again.report.filter((x) => x.status === 'error').length).toBe(4);
  });
});

describe('importBatch rules', () => {
  it('keys people by NFKC, case- and space-insensitive name within a framework', () => {
    expect(normaliseName(' 山田　花子 ')).toBe(normaliseName('山田花子'));
    expect(normaliseName('Hanako YAMADA')).toBe(normaliseName('hanako yamada'));
    expect(normaliseName('ＡＢＣ')).toBe('abc');
    const a = person('Hanako Yamada', 'self', { 'customer-health': 2 }, '2026-01-01T00:00:00Z');
    const b = person('hanako  yamada', 'self', { 'customer-health': 3 }, '2026-02-01T00:00:00Z');
    const r = importFiles({ 'a.json': a, 'b.json': b });
    const g = buildTeam(r.entries, frameworks);
    expect(g[0].members).toHaveLength(1);
    expect(g[0].members[0].name).toBe('hanako  yamada'.trim());
    expect(g[0].members[0].self!.history.map((p) => p.ratings['customer-health'])).toEqual([2, 3]);
  });

  it('orders history by updatedAt instant, not by file order or text', () => {
    // 00:30 in Tokyo on 1 May is 15:30 UTC on 30 April: earlier than 20:00 UTC, though its text sorts later.
    const tokyo = person('Ken', 'self', { 'customer-health': 1 }, '2026-05-01T00:30:00+09:00');
    tokyo.updatedAt = '2026-05-01T00:30:00+09:00';
    const utc = person('Ken', 'self', { 'customer-health': 3 }, '2026-04-30T20:00:00Z');
    const r = importFiles({ 'utc.json': utc, 'tokyo.json': tokyo });
    const m = buildTeam(r.entries, frameworks)[0].members[0];
    expect(m.self!.entries.map((e) => e.source)).toEqual(['tokyo.json', 'utc.json']);
    expect(m.self!.latest.source).toBe('utc.json');
    expect(currentLevels(m, 'self')!.levels['customer-health']).toBe(3);
  });

  it('keeps unnamed files as separate people and says so', () => {
    const a = person('', 'self', { 'customer-health': 1 }, '2026-01-01T00:00:00Z');
    const b = person('  ', 'self', { 'customer-health': 2 }, '2026-01-02T00:00:00Z');
    const r = importFiles({ 'a.json': a, 'b.json': b });
    expect(r.report.map((x) => x.unnamed)).toEqual([true, true]);
    const members = buildTeam(r.entries, frameworks)[0].members;
    expect(members.map((m) => m.unnamedSource)).toEqual(['a.json', 'b.json']);
  });

  it('refuses a file over the size limit without reading it', () => {
    const r = importBatch(
      [],
      [{ name: 'big.json', origin: 'file', text: null, size: 6 * 1024 * 1024 }],
      frameworks,
      NOW,
    );
    expect(r.report[0]).toMatchObject({ status: 'error', error: { code: 'too-large' } });
  });

  it('reports ratings of unknown elements without refusing the file', () => {
    const a = person('X', 'self', { 'customer-health': 3, 'old-element': 2 }, '2026-01-01T00:00:00Z');
    const r = importFiles({ 'x.json': a });
    expect(r.report[0]).toMatchObject({ status: 'ok', unknownElements: ['old-element'] });
  });

  it('refuses levels above the scale before anything is kept, naming the element and the range', () => {
    const a = person('X', 'self', { 'customer-health': 99 }, '2026-01-01T00:00:00Z');
    const r = importFiles({ 'x.json': a });
    expect(r.added).toBe(0);
    expect(r.report[0]).toMatchObject({
      status: 'error',
      error: {
        code: 'invalid',
        problems: [{ code: 'level-out-of-range', path: ['ratings', 'customer-health', 'level'] }],
      },
    });
    const ctx = { elementName: (id: string) => cs.elements.find((e) => e.id === id)?.name, maxLevel: cs.levels.length };
    expect(inEnglish(r.report[0].error!.problems, ctx)).toEqual([
      'rating of “Customer health” › level: must be a whole number from 0 to 5; found 99.',
    ]);
    expect(inJapanese(r.report[0].error!.problems, { ...ctx, elementName: () => 'カスタマーヘルス' })).toEqual([
      '「カスタマーヘルス」の評価 › レベル：0から5までの整数である必要がありますが、99でした。',
    ]);
    // The same in a share link.
    const link = importBatch([], [src('link 1', toShareHash(a), 'link')], frameworks, NOW);
    expect(link.report[0]).toMatchObject({
      status: 'error',
      error: { code: 'link-malformed', problems: [{ code: 'level-out-of-range' }] },
    });
  });

  it('imports share links as self-assessments dated at import; a broken link is named', () => {
    const a = person('山田 花子', 'self', { 'customer-health': 2, 'risk-escalation': 4 }, '2026-01-01T00:00:00Z', {
      role: 'csm',
    });
    const link = `https://banso.example/assess/${toShareHash(a)}`;
    const r = importBatch(
      [],
      [
        src('link 1', link, 'link'),
        src('link 2', '#v=1&fw=cs-skills&r=x.banana', 'link'),
        src('link 3', '#v=9&fw=x', 'link'),
        src('link 4', link, 'link'),
      ],
      frameworks,
      NOW,
    );
    expect(r.report.map((x) => [x.status, x.error?.code])).toEqual([
      ['ok', undefined],
      ['error', 'link-malformed'],
      ['error', 'link-unknown-version'],
      ['duplicate', undefined],
    ]);
    expect(r.entries[0].assessment).toMatchObject({
      kind: 'self',
      updatedAt: NOW.toISOString(),
      person: { name: '山田 花子', role: 'csm' },
    });
    // The same link pasted later is still a duplicate, whatever the import time.
    const later = importBatch(r.entries, [src('link 1', link, 'link')], frameworks, new Date('2026-12-01T00:00:00Z'));
    expect(later.report[0].status).toBe('duplicate');
  });

  it('never changes the existing list it is given', () => {
    const a = person('A', 'self', { 'customer-health': 1 }, '2026-01-01T00:00:00Z');
    const existing = importFiles({ 'a.json': a }).entries;
    const copy = JSON.parse(JSON.stringify(existing));
    importFiles({ 'b.json': person('B', 'self', {}, '2026-01-01T00:00:00Z') }, existing);
    expect(existing).toEqual(copy);
  });
});

class FakeStorage implements StorageLike {
  data = new Map<string, string>();
  setError: unknown = null;
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    if (this.setError) throw this.setError;
    this.data.set(k, v);
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
}

describe('team storage', () => {
  const entries = importBatch([], fixtureSources(), frameworks, NOW).entries;

  it('saves under one versioned key and loads the same entries', () => {
    const s = new FakeStorage();
    expect(saveTeam(s, entries, NOW)).toEqual({ ok: true });
    expect([...s.data.keys()]).toEqual([TEAM_STORAGE_KEY]);
    expect(JSON.parse(s.data.get('banso:team')!)).toMatchObject({
      format: 'banso-team',
      version: 1,
      savedAt: NOW.toISOString(),
    });
    const back = loadTeam(s);
    expect(back.status).toBe('ok');
    if (back.status === 'ok') expect(back.entries).toEqual(entries);
  });
  it('reports a full storage as quota, and no storage as unavailable', () => {
    const s = new FakeStorage();
    s.setError = Object.assign(new Error('full'), { name: 'QuotaExceededError' });
    expect(saveTeam(s, entries)).toEqual({ ok: false, reason: 'quota' });
    expect(saveTeam(null, entries)).toEqual({ ok: false, reason: 'unavailable' });
    expect(loadTeam(null)).toEqual({ status: 'empty', unavailable: true });
  });
  it('hands back unreadable data raw and does not delete it', () => {
    const s = new FakeStorage();
    s.data.set(TEAM_STORAGE_KEY, '{"format":"banso-team", broken');
    expect(loadTeam(s)).toMatchObject({ status: 'corrupt', raw: '{"format":"banso-team", broken' });
    s.data.set(TEAM_STORAGE_KEY, JSON.stringify({ format: 'banso-team', version: 2, savedAt: '', entries: [] }));
    expect(loadTeam(s)).toMatchObject({
      status: 'corrupt',
      problems: [{ code: 'store-version', found: { kind: 'number', value: 2 } }],
    });
    s.data.set(
      TEAM_STORAGE_KEY,
      JSON.stringify({
        format: 'banso-team',
        version: 1,
        savedAt: '',
        entries: [{ source: 'x', origin: 'file', assessment: { format: 'nope' } }],
      }),
    );
    const r = loadTeam(s);
    expect(r.status).toBe('corrupt');
    expect(s.data.has(TEAM_STORAGE_KEY)).toBe(true);
  });
  it('forgets the team', () => {
    const s = new FakeStorage();
    saveTeam(s, entries);
    expect(forgetTeam(s)).toBe(true);
    expect(loadTeam(s)).toEqual({ status: 'empty' });
  });
});
