/**
 * Search quality over the golden set (test/fixtures/search-golden.json): top-1, top-3 and mean
 * reciprocal rank (MRR, over the first 10 results) of the real content's index, per language and
 * overall. Used by `npm run bench` and by test/unit/search-golden.test.ts (which asserts the floors).
 * Usage: node scripts/search-quality.ts [--misses]   (prints the figures; --misses lists every query
 * whose expected page is not first).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkContent, formatProblem } from '../src/lib/content/check.ts';
import { readContentFiles } from '../src/lib/content/load.ts';
import { buildSiteIndex } from '../src/lib/search/site-index.ts';
import { loadIndex, type LoadedIndex } from '../src/lib/search/load.ts';
import { search } from '../src/lib/search/rank.ts';
import type { Locale } from '../src/i18n/locales.ts';

export interface GoldenQuery {
  lang: Locale;
  query: string;
  /** Document ids (`<type>:<id>`) that answer the query; the best-ranked one counts. */
  expect: string[];
  kinds: string[];
}

export interface QualityMiss {
  lang: Locale;
  query: string;
  expect: string[];
  /** 1-based rank of the first expected page in the first 10 results; 0 when not among them. */
  rank: number;
  top: string[];
}

export interface Quality {
  queries: number;
  top1: number;
  top3: number;
  mrr: number;
  /** Queries whose expected page is not first. */
  misses: QualityMiss[];
}

export const QUALITY_FLOORS = { top3: 0.95, mrr: 0.85 } as const;

export function readGolden(root = process.cwd()): GoldenQuery[] {
  const data = JSON.parse(readFileSync(join(root, 'test/fixtures/search-golden.json'), 'utf8')) as {
    queries: GoldenQuery[];
  };
  return data.queries;
}

/** The real content's search index per language, built exactly as the site build does. */
export function realIndexes(root = process.cwd()): Record<Locale, LoadedIndex> {
  const { content, problems } = checkContent(readContentFiles(root));
  if (problems.length) throw new Error(`content has problems:\n${problems.map(formatProblem).join('\n')}`);
  const out = {} as Record<Locale, LoadedIndex>;
  for (const lang of ['en', 'ja'] as const) out[lang] = loadIndex(JSON.stringify(buildSiteIndex(content, lang)));
  return out;
}

export function measure(golden: GoldenQuery[], indexes: Record<Locale, LoadedIndex>): Quality {
  let top1 = 0;
  let top3 = 0;
  let rr = 0;
  const misses: QualityMiss[] = [];
  for (const g of golden) {
    const top = search(indexes[g.lang], g.query, { limit: 10 }).map((r) => r.doc.id);
    const rank = top.findIndex((id) => g.expect.includes(id)) + 1;
    if (rank === 1) top1++;
    if (rank >= 1 && rank <= 3) top3++;
    if (rank >= 1) rr += 1 / rank;
    if (rank !== 1) misses.push({ lang: g.lang, query: g.query, expect: g.expect, rank, top: top.slice(0, 3) });
  }
  const n = golden.length || 1;
  return { queries: golden.length, top1: top1 / n, top3: top3 / n, mrr: rr / n, misses };
}

export function formatQuality(label: string, q: Quality): string {
  return `${label}: ${q.queries} queries, top-1 ${(q.top1 * 100).toFixed(1)} %, top-3 ${(q.top3 * 100).toFixed(1)} %, MRR ${q.mrr.toFixed(3)}`;
}

if (import.meta.main) {
  const golden = readGolden();
  const indexes = realIndexes();
  for (const lang of ['en', 'ja'] as const)
    console.log(
      formatQuality(
        `golden ${lang}`,
        measure(
          golden.filter((g) => g.lang === lang),
          indexes,
        ),
      ),
    );
  const all = measure(golden, indexes);
  console.log(formatQuality('golden all', all));
  if (process.argv.includes('--misses'))
    for (const m of all.misses)
      console.log(
        `  ${m.lang} ${JSON.stringify(m.query)} → rank ${m.rank || '—'} (want ${m.expect.join(' | ')}; got ${m.top.join(', ')})`,
      );
}
