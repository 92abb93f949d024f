/** Translation coverage per collection and team ratings without evidence (npm run content:report). */
import { describe, expect, it } from 'vitest';
import { checkContent, type SourceFile } from '../../src/lib/content/check.ts';
import { readContentFiles } from '../../src/lib/content/load.ts';
import { firstUntranslated, ratingsWithoutEvidence, translationCoverage } from '../../src/lib/content/coverage.ts';

const shipped = readContentFiles('.');

describe('translation coverage', () => {
  it('finds the first localised field without Japanese, ignoring aliases', () => {
    expect(firstUntranslated({ a: { en: 'x', ja: 'エックス' }, b: [{ c: { en: 'y' } }] })).toBe('b[0].c.ja');
    expect(firstUntranslated({ l: { en: ['a', 'b'], ja: ['あ'] } })).toBe('l.ja');
    expect(firstUntranslated({ aliases: { en: ['x'], ja: [] }, t: { en: 'x', ja: 'エ' } })).toBeUndefined();
    // A policy's topic words are chosen per language: two English words may have one Japanese word.
    expect(
      firstUntranslated({ topics: { en: ['renewal', 'renew'], ja: ['更新前'] }, t: { en: 'x', ja: 'エ' } }),
    ).toBeUndefined();
  });
  it('lists every collection with its percentage; a missing translation lowers it', () => {
    const full = translationCoverage(checkContent(shipped).content);
    expect(full.map((r) => r.collection)).toEqual([
      'playbooks',
      'journeys',
      'healthModels',
      'roles',
      'glossary',
      'frameworks',
      'onboarding',
      'policies',
    ]);
    for (const r of full.filter((x) => x.collection !== 'playbooks')) expect(r.percent, r.collection).toBe(100);
    const files: SourceFile[] = shipped.map((f) =>
      f.path === 'content/glossary/churn.yaml'
        ? { path: f.path, text: f.text.replace(/\n {2}ja: チャーン\n/, '\n') }
        : f,
    );
    const g = translationCoverage(checkContent(files).content).find((r) => r.collection === 'glossary')!;
    expect(g.missing).toEqual([{ file: 'content/glossary/churn.yaml', path: 'term.ja' }]);
    expect(g.percent).toBe(Math.floor(((g.entries - 1) / g.entries) * 1000) / 10);
    const pb = translationCoverage(
      checkContent(shipped.filter((f) => f.path !== 'content/playbooks/ja/kickoff.md')).content,
    ).find((r) => r.collection === 'playbooks')!;
    expect(pb.missing).toContainEqual({
      file: 'content/playbooks/en/kickoff.md',
      path: '(no content/playbooks/ja/kickoff.md)',
    });
  });
  it('lists the ratings of the latest review that have no evidence', () => {
    const rows = ratingsWithoutEvidence(checkContent(shipped).content);
    expect(rows.find((r) => r.file === 'content/team/aoi-tanaka.yaml')).toBeUndefined();
    const ken = rows.find((r) => r.file === 'content/team/ken-suzuki.yaml')!;
    expect(ken.date).toBe('2026-10-05');
    expect(ken.elements).toContain('renewal-management');
    expect(ken.elements).not.toContain('onboarding-time-to-value');
  });
});
