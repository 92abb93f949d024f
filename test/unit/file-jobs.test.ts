/**
 * The jobs the file-reading worker runs (src/lib/file-jobs.ts): the same answers as the parsers they
 * wrap, from bytes (UTF-8 or UTF-16), in a form that can be posted between threads.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content/check.ts';
import { readContentFiles } from '../../src/lib/content/load.ts';
import { clientData } from '../../src/lib/assessment/skill-island-props.ts';
import { jobFrameworks, runFileJob } from '../../src/lib/file-jobs.ts';
import { parseAssessmentFile } from '../../src/lib/assessment/file-format.ts';
import { importBatch } from '../../src/lib/team/import-batch.ts';
import { parseStoredTeam } from '../../src/lib/team/storage.ts';
import { save } from '../../src/lib/assessment/storage.ts';
import { MapStorage } from '../helpers/map-storage.ts';
import { readReviewInput } from '../../src/lib/review/validate.ts';

const data = clientData(checkContent(readContentFiles('.')).content, 'en');
const frameworks = jobFrameworks(data.frameworks);
const FILE = 'test/fixtures/team/ito-mika-manager.json';
const text = readFileSync(FILE, 'utf8');
const utf16le = (s: string) => {
  const b = Buffer.from(`\ufeff${s}`, 'utf16le');
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.length) as ArrayBuffer;
};
const utf8 = (s: string) => {
  const b = Buffer.from(s, 'utf8');
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.length) as ArrayBuffer;
};

describe('file jobs', () => {
  it('keeps only what the checks use of a framework, and survives a structured clone', () => {
    expect(Object.keys(frameworks[0]).sort()).toEqual(['elements', 'hash', 'id', 'levels', 'version']);
    expect(structuredClone(frameworks)).toEqual(frameworks);
  });

  it('reads a file from its bytes, UTF-8 or UTF-16, as parseAssessmentFile does, with the text to save', () => {
    const expected = parseAssessmentFile(text, { frameworks });
    expect(expected.ok).toBe(true);
    for (const bytes of [utf8(text), utf16le(text)]) {
      const r = runFileJob({ type: 'file', content: { bytes }, frameworks });
      expect(r.ok && r.assessment).toEqual(expected.ok && expected.assessment);
      expect(r.ok && r.text).toBe(JSON.stringify(expected.ok && expected.assessment));
      expect(structuredClone(r)).toEqual(r);
    }
    const bad = runFileJob({ type: 'file', content: { text: '' }, frameworks });
    expect(bad).toEqual(parseAssessmentFile('', { frameworks }));
  });

  it('imports a team batch from bytes as importBatch does, and gives the text to store', () => {
    const now = new Date('2026-11-24T09:00:00Z');
    const r = runFileJob({
      type: 'team-import',
      existing: [],
      sources: [
        { name: 'a.json', origin: 'file', text: '', bytes: utf16le(text) },
        { name: 'b.json', origin: 'file', text: null, size: 6 * 1024 * 1024 },
      ],
      frameworks,
      now: now.toISOString(),
    });
    const direct = importBatch(
      [],
      [
        { name: 'a.json', origin: 'file', text },
        { name: 'b.json', origin: 'file', text: null, size: 6 * 1024 * 1024 },
      ],
      frameworks,
      now,
    );
    expect(r.report).toEqual(direct.report);
    expect(r.newEntries).toEqual(direct.entries);
    const stored = parseStoredTeam(r.stored!);
    expect(stored.ok && stored.value.entries).toEqual(direct.entries);
    // Nothing added: nothing to store.
    const again = runFileJob({
      type: 'team-import',
      existing: direct.entries,
      sources: [{ name: 'c.json', origin: 'file', text }],
      frameworks,
      now: now.toISOString(),
    });
    expect(again.added).toBe(0);
    expect(again.stored).toBeNull();
    expect(again.report[0].status).toBe('duplicate');
  });

  it('saves the text given with an assessment', () => {
    const r = parseAssessmentFile(text, { frameworks });
    const storage = new MapStorage();
    expect(save(storage, r.ok ? r.assessment : (null as never), 'given text')).toEqual({ ok: true });
    expect([...storage.data.values()]).toContain('given text');
  });

  it('reads what a manager opens on the review page as readReviewInput does, in a form that can be posted', () => {
    const now = '2026-11-24T09:00:00.000Z';
    const cases = [
      { opened: [] as string[] },
      { opened: ['伊藤 美香'] },
      { opened: ['伊藤 美香'], open: { name: '佐藤 健' } },
    ];
    for (const c of cases) {
      const expected = readReviewInput(text, frameworks, { ...c, now: new Date(now) });
      const r = runFileJob({ type: 'review', text, frameworks, ...c, now });
      expect(r).toEqual(expected);
      expect(structuredClone(r)).toEqual(r);
    }
    // A manager's file for a member not opened here is refused, naming the member.
    const refused = runFileJob({ type: 'review', text, frameworks, opened: [], now });
    expect(refused.ok).toBe(false);
    const garbage = runFileJob({ type: 'review', text: '{"nope', frameworks, opened: [], now });
    expect(garbage).toMatchObject({ ok: false, problem: { code: 'parse' } });
  });
});
