/**
 * Search quality floors over the golden set (test/fixtures/search-golden.json), on the real content's
 * index built exactly as the site build builds it. Ranking is deterministic, so floors can be asserted.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { formatQuality, measure, QUALITY_FLOORS, readGolden, realIndexes } from '../../scripts/search-quality.ts';
import type { LoadedIndex } from '../../src/lib/search/load.ts';

const golden = readGolden();
let indexes: Record<'en' | 'ja', LoadedIndex>;
beforeAll(() => {
  indexes = realIndexes();
}, 180_000);

describe('golden set', () => {
  it('has at least 150 queries covering every kind the portal promises', () => {
    expect(golden.length).toBeGreaterThanOrEqual(150);
    const kinds = new Set(golden.flatMap((g) => g.kinds));
    for (const k of [
      'english',
      'japanese',
      'mixed',
      'cross-language',
      'acronym',
      'expansion',
      'question',
      'ja-synonym',
      'synonym',
      'typo',
      'partial',
      'element',
      'role',
      'journey-stage',
      'intent',
    ])
      expect(kinds, k).toContain(k);
    for (const acronym of ['TTV', 'QBR', 'EBR', 'NRR', 'GRR', 'CES', 'NPS', 'CSAT', 'ARR', 'SLA'])
      expect(
        golden.some((g) => g.query.includes(acronym)),
        acronym,
      ).toBe(true);
    for (const lang of ['en', 'ja'] as const) expect(golden.filter((g) => g.lang === lang).length).toBeGreaterThan(50);
    const keys = golden.map((g) => `${g.lang}:${g.query}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('expects only pages that exist', () => {
    for (const g of golden)
      for (const id of g.expect)
        expect(
          indexes[g.lang].docs.some((d) => d.id === id),
          `${g.lang} "${g.query}" → ${id}`,
        ).toBe(true);
  });

  it(`keeps top-3 ≥ ${QUALITY_FLOORS.top3 * 100} % and MRR ≥ ${QUALITY_FLOORS.mrr}`, () => {
    const q = measure(golden, indexes);
    console.log(formatQuality('[search] golden', q));
    const misses = q.misses
      .filter((m) => m.rank === 0 || m.rank > 3)
      .map((m) => `${m.lang} "${m.query}" → rank ${m.rank || '—'} (got ${m.top.join(', ')})`);
    expect(q.top3, misses.join('\n')).toBeGreaterThanOrEqual(QUALITY_FLOORS.top3);
    expect(q.mrr).toBeGreaterThanOrEqual(QUALITY_FLOORS.mrr);
    // Per language too: a regression in one language cannot hide behind the other.
    for (const lang of ['en', 'ja'] as const) {
      const l = measure(
        golden.filter((g) => g.lang === lang),
        indexes,
      );
      expect(l.top3, lang).toBeGreaterThanOrEqual(QUALITY_FLOORS.top3);
      expect(l.mrr, lang).toBeGreaterThanOrEqual(QUALITY_FLOORS.mrr);
    }
  });

  it('measures what it says: a search that ranks nothing right scores 0, a perfect one 1', () => {
    const sample = golden.slice(0, 20);
    const none = measure(sample, {
      en: { ...indexes.en, docs: indexes.en.docs.map((d) => ({ ...d, id: `x-${d.id}` })) },
      ja: { ...indexes.ja, docs: indexes.ja.docs.map((d) => ({ ...d, id: `x-${d.id}` })) },
    });
    expect([none.top1, none.top3, none.mrr]).toEqual([0, 0, 0]);
    const self = sample.map((g) => ({ ...g, expect: indexes[g.lang].docs.map((d) => d.id) }));
    expect(measure(self, indexes).mrr).toBe(1);
  });
});
