import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { Framework } from '../../src/schemas/framework.ts';
import { Assessment } from '../../src/schemas/assessment.ts';
import { MAX_SNAPSHOTS } from '../../src/schemas/assessment-constants.ts';
import { frameworkHash } from '../../src/lib/assessment/framework-hash.ts';
import {
  addSnapshot,
  assessmentStorageKey,
  emptyAssessment,
  isQuotaError,
  readSaved,
  save,
  type StorageLike,
} from '../../src/lib/assessment/storage.ts';
import { loadSaved, parseSaved } from '../../src/lib/assessment/file-format.ts';

const cs = {
  id: 'cs-skills',
  ...Framework.parse(
    parseYaml(readFileSync(new URL('../../content/frameworks/cs-skills.yaml', import.meta.url), 'utf8')),
  ),
};
const NOW = new Date('2026-11-24T09:00:00.000Z');

class FakeStorage implements StorageLike {
  data = new Map<string, string>();
  removed: string[] = [];
  setError: unknown = null;
  getError: unknown = null;
  getItem(key: string) {
    if (this.getError) throw this.getError;
    return this.data.has(key) ? (this.data.get(key) as string) : null;
  }
  setItem(key: string, value: string) {
    if (this.setError) throw this.setError;
    this.data.set(key, value);
  }
  removeItem(key: string) {
    this.removed.push(key);
    this.data.delete(key);
  }
}

function rated() {
  const a = emptyAssessment(cs, { name: '山田花子', role: 'csm', targetRole: 'senior-csm' }, 'self', { now: NOW });
  a.ratings['customer-360-view'] = { level: 2, evidence: 'ACME 360 view' };
  a.ratings['risk-escalation'] = { level: 3 };
  return a;
}

describe('emptyAssessment', () => {
  it('is a valid assessment tied to the framework by id, version and hash', () => {
    const a = emptyAssessment(cs, { name: 'Taro', role: '', targetRole: 'csm' }, 'manager', {
      assessor: 'Manager M',
      now: NOW,
    });
    expect(Assessment.parse(a)).toEqual(a);
    expect(a).toEqual({
      format: 'banso-assessment',
      version: 1,
      person: { name: 'Taro', targetRole: 'csm' },
      kind: 'manager',
      assessor: 'Manager M',
      framework: { id: 'cs-skills', version: '2026.1', hash: frameworkHash(cs) },
      ratings: {},
      snapshots: [],
      updatedAt: '2026-11-24T09:00:00.000Z',
    });
  });
});

describe('save / loadSaved', () => {
  it('round-trips under banso:assessment:<frameworkId>', () => {
    const s = new FakeStorage();
    const a = rated();
    expect(save(s, a)).toEqual({ ok: true });
    expect([...s.data.keys()]).toEqual(['banso:assessment:cs-skills']);
    expect(assessmentStorageKey('product-domain')).toBe('banso:assessment:product-domain');
    expect(loadSaved(s, 'cs-skills')).toEqual({ status: 'ok', assessment: a });
    expect(loadSaved(s, 'product-domain')).toEqual({ status: 'empty' });
  });

  it('keeps corrupt JSON raw and never deletes it', () => {
    const s = new FakeStorage();
    const raw = '{"format":"banso-assessment","version":1,"person":{"na';
    s.data.set('banso:assessment:cs-skills', raw);
    const res = loadSaved(s, 'cs-skills');
    expect(res.status).toBe('corrupt');
    if (res.status !== 'corrupt') throw new Error('unreachable');
    expect(res.raw).toBe(raw);
    expect(res.error.code).toBe('not-json');
    expect(s.removed).toEqual([]);
    expect(s.data.get('banso:assessment:cs-skills')).toBe(raw);
  });

  it('valid JSON that is not a valid assessment is corrupt too, with the reason', () => {
    const s = new FakeStorage();
    const bad = { ...rated(), ratings: { 'customer-360-view': { level: -2 } } };
    s.data.set('banso:assessment:cs-skills', JSON.stringify(bad));
    const res = loadSaved(s, 'cs-skills');
    expect(res.status === 'corrupt' && res.error).toMatchObject({
      code: 'invalid',
      problems: [{ code: 'number-too-small', path: ['ratings', 'customer-360-view', 'level'] }],
    });
    s.data.set('banso:assessment:cs-skills', JSON.stringify({ ...rated(), version: 3 }));
    expect(loadSaved(s, 'cs-skills')).toMatchObject({ status: 'corrupt', error: { code: 'unknown-version' } });
    expect(s.removed).toEqual([]);
  });

  it('an assessment stored under another framework key is reported, not used', () => {
    const s = new FakeStorage();
    s.data.set('banso:assessment:product-domain', JSON.stringify(rated()));
    expect(loadSaved(s, 'product-domain')).toMatchObject({ status: 'corrupt', error: { code: 'invalid' } });
  });

  it('a full storage (QuotaExceededError, DOMException-like) → quota', () => {
    const s = new FakeStorage();
    s.setError = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError', code: 22 });
    expect(save(s, rated())).toEqual({ ok: false, reason: 'quota' });
    s.setError = new DOMException('full', 'QuotaExceededError');
    expect(save(s, rated())).toEqual({ ok: false, reason: 'quota' });
    s.setError = { name: 'NS_ERROR_DOM_QUOTA_REACHED', code: 1014 };
    expect(save(s, rated())).toEqual({ ok: false, reason: 'quota' });
    s.setError = { code: 22 };
    expect(save(s, rated())).toEqual({ ok: false, reason: 'quota' });
    expect(s.data.size).toBe(0);
  });

  it('any other failure → unavailable; nothing throws', () => {
    const s = new FakeStorage();
    s.setError = new DOMException('denied', 'SecurityError');
    expect(save(s, rated())).toEqual({ ok: false, reason: 'unavailable' });
    s.setError = 'a string';
    expect(save(s, rated())).toEqual({ ok: false, reason: 'unavailable' });
    expect(save(null, rated())).toEqual({ ok: false, reason: 'unavailable' });
    s.getError = new DOMException('denied', 'SecurityError');
    expect(loadSaved(s, 'cs-skills')).toEqual({ status: 'empty', unavailable: true });
    expect(loadSaved(undefined, 'cs-skills')).toEqual({ status: 'empty', unavailable: true });
    expect(isQuotaError(null)).toBe(false);
    expect(isQuotaError(new Error('QuotaExceededError'))).toBe(false);
  });
});

describe('addSnapshot', () => {
  it('appends the current levels as a snapshot without touching the input', () => {
    const a = rated();
    const before = structuredClone(a);
    const b = addSnapshot(a, '2026-11-24');
    expect(a).toEqual(before);
    expect(b).not.toBe(a);
    expect(b.snapshots).toEqual([{ date: '2026-11-24', ratings: { 'customer-360-view': 2, 'risk-escalation': 3 } }]);
    expect(b.ratings).toEqual(a.ratings);
    expect(Assessment.safeParse(b).success).toBe(true);
  });

  it('replaces a snapshot of the same date in place, keeping its note', () => {
    let a = addSnapshot(rated(), '2026-10-01', 'first 1:1');
    a = addSnapshot(a, '2026-11-24', 'second');
    a.ratings['risk-escalation'] = { level: 4 };
    const b = addSnapshot(a, '2026-10-01');
    expect(b.snapshots.map((s) => [s.date, s.note, s.ratings['risk-escalation']])).toEqual([
      ['2026-10-01', 'first 1:1', 4],
      ['2026-11-24', 'second', 3],
    ]);
    expect(a.snapshots[0].ratings['risk-escalation']).toBe(3);
    expect(addSnapshot(a, '2026-10-01', 'new note').snapshots[0].note).toBe('new note');
  });

  it(`stays within ${MAX_SNAPSHOTS} snapshots by dropping the oldest`, () => {
    let a = rated();
    a = {
      ...a,
      snapshots: Array.from({ length: MAX_SNAPSHOTS }, (_, i) => ({
        date: new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10),
        ratings: {},
      })),
    };
    const b = addSnapshot(a, '2026-11-24');
    expect(b.snapshots).toHaveLength(MAX_SNAPSHOTS);
    expect(b.snapshots[0].date).toBe('2020-01-02');
    expect(b.snapshots.at(-1)?.date).toBe('2026-11-24');
    expect(Assessment.safeParse(b).success).toBe(true);
  });

  it('saved with snapshots and loaded back unchanged', () => {
    const s = new FakeStorage();
    const a = addSnapshot(addSnapshot(rated(), '2026-10-01', 'メモ 😀'), '2026-11-24');
    expect(save(s, a)).toEqual({ ok: true });
    expect(loadSaved(s, 'cs-skills')).toEqual({ status: 'ok', assessment: a });
  });
});

describe('readSaved / parseSaved (reading split from validating)', () => {
  it('readSaved hands back the raw entry without validating it; parseSaved validates it like loadSaved', () => {
    const s = new FakeStorage();
    expect(readSaved(s, 'cs-skills')).toEqual({ status: 'empty' });
    expect(readSaved(null, 'cs-skills')).toEqual({ status: 'empty', unavailable: true });
    s.data.set('banso:assessment:cs-skills', 'not json at all');
    expect(readSaved(s, 'cs-skills')).toEqual({ status: 'found', raw: 'not json at all' });
    expect(parseSaved('not json at all', 'cs-skills')).toMatchObject({
      status: 'corrupt',
      raw: 'not json at all',
      error: { code: 'not-json' },
    });
    const a = rated();
    save(s, a);
    const entry = readSaved(s, 'cs-skills');
    expect(entry.status).toBe('found');
    if (entry.status !== 'found') throw new Error('unreachable');
    expect(parseSaved(entry.raw, 'cs-skills')).toEqual({ status: 'ok', assessment: a });
    expect(parseSaved(entry.raw, 'product-domain')).toMatchObject({ status: 'corrupt', error: { code: 'invalid' } });
  });
});
