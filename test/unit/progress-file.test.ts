import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyProgress, collectProgress, mergeAssessments, parseProgressFile } from '../../src/lib/progress-file.ts';
import type { Assessment } from '../../src/schemas/assessment.ts';

/** A Storage with the browser's surface, optionally failing on the n-th write (quota). */
function memoryStorage(init: Record<string, string> = {}, failOnWrite?: number) {
  const m = new Map(Object.entries(init));
  let writes = 0;
  return {
    map: m,
    get length() {
      return m.size;
    },
    key: (i: number) => [...m.keys()][i] ?? null,
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => {
      if (++writes === failOnWrite) throw Object.assign(new Error('full'), { name: 'QuotaExceededError' });
      m.set(k, v);
    },
    removeItem: (k: string) => {
      m.delete(k);
    },
  };
}
const cs = JSON.parse(readFileSync('test/fixtures/team/sato-aiko-self-2026-09.json', 'utf8')) as Assessment;
const domain = JSON.parse(readFileSync('test/fixtures/team/watanabe-ren-domain.json', 'utf8')) as Assessment;

describe('progress file', () => {
  const phone = () =>
    memoryStorage({
      'banso:assessment:cs-skills': JSON.stringify(cs),
      'banso:assessment:product-domain': JSON.stringify(domain),
      'banso:assessment:broken': '{"format":"banso-assessment",',
      'banso:onboarding:new-csm': '{"format":1,"done":["read-churn","get-tool-access"],"start":"2026-11-28"}',
      'banso:plane-position': '{"format":1,"cells":["onboarding/process"]}',
      'banso:prefs': '{"reveal":true,"view":"bars"}',
      'banso:plan:cs-skills':
        '{"format":1,"focus":[{"element":"customer-health","action":"Lead two triage meetings","date":"2027-01-31"}]}',
      'other-site-key': 'x',
    });

  it('collects everything kept for a person and round-trips through its own validation', () => {
    const { file, unreadable } = collectProgress(phone(), new Date('2026-12-01T10:00:00Z'));
    expect(file.assessments.map((a) => a.framework.id)).toEqual(['cs-skills', 'product-domain']);
    expect(file.onboarding).toEqual({ 'new-csm': { done: ['get-tool-access', 'read-churn'], start: '2026-11-28' } });
    expect(file.plane).toEqual(['onboarding/process']);
    expect(file.prefs).toEqual({ reveal: true, view: 'bars' });
    expect(file.plans).toEqual({
      'cs-skills': [{ element: 'customer-health', action: 'Lead two triage meetings', date: '2027-01-31' }],
    });
    expect(unreadable).toEqual(['banso:assessment:broken']);
    const back = parseProgressFile(JSON.stringify(file));
    expect(back).toEqual({ ok: true, file });

    const laptop = memoryStorage();
    const report = applyProgress(laptop, file);
    expect(report).toEqual({
      assessmentsFromFile: ['cs-skills', 'product-domain'],
      assessmentsKept: [],
      onboarding: ['new-csm'],
      plane: true,
      prefs: true,
      plans: ['cs-skills'],
    });
    expect(collectProgress(laptop, new Date('2026-12-01T10:00:00Z')).file).toEqual(file);
  });

  it('rejects bad files with a reason and writes nothing', () => {
    const good = JSON.stringify(collectProgress(phone(), new Date()).file);
    const bad: [string, string][] = [
      [good.slice(0, good.length / 2), 'not-json'],
      [JSON.stringify(cs), 'wrong-format'],
      [good.replace('"start":"2026-11-28"', '"start":"2026-02-30"'), 'invalid'],
      [good.replace('"onboarding/process"', '"nowhere/at-all"'), 'invalid'],
      [good.replace('"level":3', '"level":-1'), 'invalid'],
      [good.replace('"version":1', '"version":2'), 'invalid'],
    ];
    for (const [text, code] of bad) {
      const r = parseProgressFile(text);
      expect(r.ok, text.slice(0, 60)).toBe(false);
      if (!r.ok) {
        expect(r.code).toBe(code);
        expect(r.details.length).toBeGreaterThan(0);
      }
    }
    expect((parseProgressFile(JSON.stringify(cs)) as { details: string[] }).details[0]).toMatch(/assessment file/);
  });

  it('merges without losing either side: newer ratings, snapshots of both, ticked items united, start date kept', () => {
    const older = {
      ...cs,
      updatedAt: '2026-01-01T00:00:00Z',
      snapshots: [{ date: '2026-01-01', ratings: { 'customer-health': 1 } }],
    } as Assessment;
    const newer = {
      ...cs,
      updatedAt: '2026-12-01T00:00:00Z',
      snapshots: [{ date: '2026-06-01', ratings: { 'customer-health': 2 } }],
    } as Assessment;
    const m = mergeAssessments(older, newer);
    expect(m.fromFile).toBe(true);
    expect(m.merged.snapshots.map((s) => s.date)).toEqual(['2026-01-01', '2026-06-01']);
    expect(mergeAssessments(newer, older).fromFile).toBe(false);

    const here = memoryStorage({
      'banso:onboarding:new-csm': '{"format":1,"done":["a"],"start":"2026-11-01"}',
      'banso:assessment:cs-skills': JSON.stringify(newer),
    });
    const file = collectProgress(phone(), new Date()).file;
    file.assessments[0] = older;
    const r = applyProgress(here, file);
    expect(r.assessmentsKept).toEqual(['cs-skills']);
    expect(JSON.parse(here.getItem('banso:onboarding:new-csm')!)).toEqual({
      format: 1,
      done: ['a', 'get-tool-access', 'read-churn'],
      start: '2026-11-01',
    });
    expect(JSON.parse(here.getItem('banso:assessment:cs-skills')!).updatedAt).toBe('2026-12-01T00:00:00Z');
  });

  it('never overwrites unreadable saved data, and puts everything back when a write fails', () => {
    const file = collectProgress(phone(), new Date()).file;
    const corrupt = memoryStorage({ 'banso:assessment:cs-skills': 'garbage' });
    expect(applyProgress(corrupt, file).assessmentsKept).toContain('cs-skills');
    expect(corrupt.getItem('banso:assessment:cs-skills')).toBe('garbage');

    const init = { 'banso:onboarding:new-csm': '{"format":1,"done":["x"]}' };
    const full = memoryStorage(init, 3);
    expect(() => applyProgress(full, file)).toThrow('full');
    expect(Object.fromEntries(full.map)).toEqual(init);
  });
});
