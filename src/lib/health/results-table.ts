/**
 * Sorting and paging of the scored rows in the batch page's results table. Pure.
 */
import { collator, type Locale } from '../../i18n/locales.ts';
import { parseInput } from './score.ts';
import type { ScoredRow } from './csv.ts';
import { dirSign, type SortDir, type SortState } from '../table-sort.ts';

/** A column of the results table: a result field, or a CSV column by index. */
export type ResultColumn = 'row' | 'account' | 'score' | 'band' | 'coverage' | 'outcome' | `col:${number}`;

export type Key = { kind: 0; n: number } | { kind: 1; s: string } | null;
const NUM_PROBE = { id: 'sort', input: 'number' as const };

/** A cell as a sort key: a number when parseInput reads one ("1,234", "12%", "−8", full-width), else text; empty → null. */
export function cellKey(raw: string | null | undefined): Key {
  if (raw === null || raw === undefined || raw.trim() === '') return null;
  const p = parseInput(NUM_PROBE, raw);
  if (p.ok && typeof p.value === 'number') return { kind: 0, n: p.value };
  return { kind: 1, s: raw.trim() };
}

/** Numbers before text, numbers by value, text by the locale's collation; empty cells last in either direction. */
export function compareKeys(a: Key, b: Key, coll: Intl.Collator, dir: 1 | -1): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (a.kind !== b.kind) return (a.kind - b.kind) * dir;
  return (a.kind === 0 ? a.n - (b as { n: number }).n : coll.compare(a.s, (b as { s: string }).s)) * dir;
}

/**
 * Sorted copy of the scored rows. Keys: file row, account, score, band (lowest band first, then
 * score), coverage, outcome, or any CSV column (`col:<index>`, cells as in the file). Text sorts by
 * the page language's collation (Japanese: kana order, hiragana = katakana, full-width = half-width);
 * rows without a value go last in both directions; equal keys keep the file order (stable).
 */
export function sortResultRows(
  scored: ScoredRow[],
  rows: string[][],
  sort: SortState<ResultColumn>,
  lang: Locale,
): ScoredRow[] {
  const num = (n: number | null | undefined): Key => (n === null || n === undefined ? null : { kind: 0, n });
  const keyOf = (s: ScoredRow): Key[] => {
    switch (sort.key) {
      case 'row':
        return [num(s.row)];
      case 'account':
        return [cellKey(s.accountId)];
      case 'score':
        return [num(s.result.score)];
      case 'band':
        return [num(s.result.band?.index), num(s.result.score)];
      case 'coverage':
        return [num(s.result.coverage)];
      case 'outcome':
        return [cellKey(s.outcome === null || s.outcome === undefined ? null : String(s.outcome))];
      default:
        return [cellKey(rows[s.index]?.[Number(sort.key.slice(4))])];
    }
  };
  return sortIndices(
    scored.length,
    (i) => keyOf(scored[i]),
    (i) => scored[i].index,
    sort.dir,
    lang,
  ).map((i) => scored[i]);
}

/**
 * Positions 0…n−1 ordered by their keys (compared in turn, as sortResultRows does), ties by `tie` (the
 * file order). Used for the scored rows on the page and for the compact arrays of a streamed batch.
 */
export function sortIndices(
  n: number,
  keyOf: (i: number) => Key[],
  tie: (i: number) => number,
  dir: SortDir,
  lang: Locale,
): number[] {
  const coll = collator(lang);
  const d = dirSign(dir);
  const keys = Array.from({ length: n }, (_, i) => keyOf(i));
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => {
    const ka = keys[a];
    const kb = keys[b];
    for (let i = 0; i < ka.length; i++) {
      const c = compareKeys(ka[i], kb[i], coll, d);
      if (c !== 0) return c;
    }
    return tie(a) - tie(b);
  });
  return order;
}

export const PAGE_SIZE = 100;

/** One page of items (page numbers from 1, clamped to the pages there are). `from`/`to` are 1-based and inclusive for display. */
export function pageOf<T>(
  items: T[],
  page: number,
  size = PAGE_SIZE,
): { items: T[]; page: number; pages: number; from: number; to: number; total: number } {
  const total = items.length;
  const pages = Math.max(1, Math.ceil(total / size));
  const p = Math.min(pages, Math.max(1, Math.floor(page) || 1));
  const start = (p - 1) * size;
  const slice = items.slice(start, start + size);
  return { items: slice, page: p, pages, from: total === 0 ? 0 : start + 1, to: start + slice.length, total };
}
