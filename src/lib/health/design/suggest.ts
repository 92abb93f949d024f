/**
 * Model design, step 2: a suggested scoring for each measure column, from the data. Numbers: tiers
 * at the quartiles or a linear ramp between the 5th and 95th percentiles, with the direction
 * (higher better or worse) taken from the churn rate in the lowest vs the highest quarter of
 * values. Categories: points from each category's churn rate (lowest rate 100 points, highest 0),
 * categories with fewer than a minimum number of accounts pooled as one. Every suggestion carries
 * the numbers that explain it. Pure; `rows` (indices) restricts a suggestion to a training fold.
 */
import type { CategoryColumn, NumericColumn } from './columns.ts';

export type Direction = 'higher' | 'lower';
export type NumericMethod = 'quantile-tiers' | 'linear';

export type DesignScoring =
  | { kind: 'tiers'; tiers: { at: number; points: number }[]; otherwise: number }
  | { kind: 'linear'; zeroAt: number; fullAt: number }
  | { kind: 'map'; points: Record<string, number> };

/** Why a numeric measure got its direction: churn in the lowest and highest quarter of values. */
export interface DirectionEvidence {
  q25: number;
  q75: number;
  /** Churn rate among accounts with a value ≤ q25 / ≥ q75 (null when none have an outcome). */
  lowRate: number | null;
  highRate: number | null;
  lowCount: number;
  highCount: number;
  /** The two rates differ by less than 2 points (or one is unknown): the direction is a default, not a finding. */
  unclear: boolean;
}

export interface NumericSuggestion {
  method: NumericMethod;
  direction: Direction;
  scoring: DesignScoring;
  evidence: DirectionEvidence;
  /** Percentiles used: quartiles for tiers, 5th/95th for a ramp. */
  cuts: number[];
  min: number;
  max: number;
}

export interface CategorySuggestion {
  scoring: { kind: 'map'; points: Record<string, number> };
  /** Per category (after pooling): accounts with an outcome, churned, rate, points. */
  categories: { label: string; count: number; churned: number; rate: number | null; points: number; pooled: boolean }[];
  /** Categories with fewer than minCount accounts, scored together. */
  pooled: string[];
  minCount: number;
}

/** Categories with fewer accounts than this (with an outcome) are pooled. */
export const MIN_CATEGORY_COUNT = 30;

/** Quantile (type 7, as R and NumPy by default) of sorted values. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** A threshold written for people: 3 significant digits (integers stay integers). */
export function roundNice(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  if (Number.isInteger(x)) return x;
  const digits = Math.max(0, 2 - Math.floor(Math.log10(Math.abs(x))));
  return Number(x.toFixed(Math.min(digits, 6)));
}

/** The values present (not NaN) among `rows` (all rows when null). */
function present(col: NumericColumn, rows: ArrayLike<number> | null): Float64Array {
  const n = rows ? rows.length : col.values.length;
  const v = new Float64Array(n);
  let m = 0;
  for (let k = 0; k < n; k++) {
    const x = col.values[rows ? rows[k] : k];
    if (!Number.isNaN(x)) v[m++] = x; // not NaN
  }
  return v.subarray(0, m);
}

/** Churn rate in the lowest vs highest quarter of values: the evidence for the direction. */
export function directionEvidence(
  col: NumericColumn,
  outcome: Int8Array,
  rows: ArrayLike<number> | null = null,
  quartiles?: [number, number],
): DirectionEvidence {
  let q25: number, q75: number;
  if (quartiles) [q25, q75] = quartiles;
  else {
    const sorted = present(col, rows).sort();
    q25 = quantileSorted(sorted, 0.25);
    q75 = quantileSorted(sorted, 0.75);
  }
  // One pass over the rows (cross-validation reads this on every fold); NaN (no value) is in neither quarter.
  let lc = 0,
    lch = 0,
    hc = 0,
    hch = 0;
  const n = rows ? rows.length : col.values.length;
  for (let k = 0; k < n; k++) {
    const i = rows ? rows[k] : k;
    const o = outcome[i];
    if (o < 0) continue;
    const v = col.values[i];
    if (v <= q25) {
      lc++;
      lch += o;
    }
    if (v >= q75) {
      hc++;
      hch += o;
    }
  }
  const lowRate = lc ? lch / lc : null;
  const highRate = hc ? hch / hc : null;
  const unclear = lowRate === null || highRate === null || Math.abs(lowRate - highRate) < 0.02 || q25 === q75;
  return { q25, q75, lowRate, highRate, lowCount: lc, highCount: hc, unclear };
}

/** Higher values are better when the lowest quarter churned more often than the highest; "higher" when the evidence is unclear. */
export function suggestDirection(e: DirectionEvidence): Direction {
  if (e.unclear || e.lowRate === null || e.highRate === null) return 'higher';
  return e.highRate > e.lowRate ? 'lower' : 'higher';
}

/** Tiers at the distinct rounded quartiles (best first), points spread evenly down to 0; null when fewer than 2 distinct cuts. */
export function quantileTiers(
  sorted: ArrayLike<number>,
  direction: Direction,
): { scoring: DesignScoring; cuts: number[] } | null {
  const qs = [0.75, 0.5, 0.25].map((p) => roundNice(quantileSorted(sorted, p)));
  const distinct = [...new Set(qs)].sort((a, b) => (direction === 'higher' ? b - a : a - b));
  if (distinct.length < 2) return null;
  const steps = distinct.length;
  const tiers = distinct.map((at, i) => ({ at, points: Math.round((100 * (steps - i)) / steps) }));
  return { scoring: { kind: 'tiers', tiers, otherwise: 0 }, cuts: distinct };
}

/** A ramp from the 5th to the 95th percentile (reversed for "lower is better"); null when they are equal. */
export function linearRamp(
  sorted: ArrayLike<number>,
  direction: Direction,
): { scoring: DesignScoring; cuts: number[] } | null {
  const p5 = roundNice(quantileSorted(sorted, 0.05));
  const p95 = roundNice(quantileSorted(sorted, 0.95));
  if (!(p95 > p5)) return null;
  return {
    scoring:
      direction === 'higher'
        ? { kind: 'linear', zeroAt: p5, fullAt: p95 }
        : { kind: 'linear', zeroAt: p95, fullAt: p5 },
    cuts: [p5, p95],
  };
}

/**
 * The suggested scoring of a numeric column. `method` and `direction` may be forced (the user's
 * choice); otherwise quartile tiers, falling back to a ramp when the quartiles coincide. Null when
 * the column has fewer than two distinct values.
 */
export function suggestNumeric(
  col: NumericColumn,
  outcome: Int8Array,
  opts: { method?: NumericMethod; direction?: Direction; rows?: ArrayLike<number> | null } = {},
): NumericSuggestion | null {
  const rows = opts.rows ?? null;
  const values = present(col, rows);
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  if (sorted[0] === sorted[sorted.length - 1]) return null;
  const evidence = directionEvidence(col, outcome, rows, [quantileSorted(sorted, 0.25), quantileSorted(sorted, 0.75)]);
  const direction = opts.direction ?? suggestDirection(evidence);
  let method: NumericMethod = opts.method ?? 'quantile-tiers';
  let s = method === 'quantile-tiers' ? quantileTiers(sorted, direction) : linearRamp(sorted, direction);
  if (!s) {
    method = method === 'quantile-tiers' ? 'linear' : 'quantile-tiers';
    s = method === 'quantile-tiers' ? quantileTiers(sorted, direction) : linearRamp(sorted, direction);
  }
  if (!s) {
    // Heavily tied data (e.g. mostly zeros): a ramp over the whole range.
    const lo = sorted[0];
    const hi = sorted[sorted.length - 1];
    method = 'linear';
    s = {
      scoring:
        direction === 'higher'
          ? { kind: 'linear', zeroAt: lo, fullAt: hi }
          : { kind: 'linear', zeroAt: hi, fullAt: lo },
      cuts: [lo, hi],
    };
  }
  return {
    method,
    direction,
    scoring: s.scoring,
    evidence,
    cuts: s.cuts,
    min: sorted[0],
    max: sorted[sorted.length - 1],
  };
}

/**
 * Points per category from its churn rate: the lowest rate gets 100 points, the highest 0, the
 * others in proportion. Categories with fewer than minCount accounts (with an outcome) are pooled
 * and share the pooled rate; when every category is small they are scored as one (50 points).
 * Categories never seen with an outcome count as pooled.
 */
export function suggestCategories(
  col: CategoryColumn,
  outcome: Int8Array,
  opts: { minCount?: number; rows?: ArrayLike<number> | null } = {},
): CategorySuggestion {
  const minCount = opts.minCount ?? MIN_CATEGORY_COUNT;
  const k = col.labels.length;
  const count = new Float64Array(k);
  const churned = new Float64Array(k);
  const rows = opts.rows ?? null;
  const n = rows ? rows.length : col.codes.length;
  for (let j = 0; j < n; j++) {
    const i = rows ? rows[j] : j;
    const c = col.codes[i];
    if (c < 0 || outcome[i] < 0) continue;
    count[c]++;
    churned[c] += outcome[i];
  }
  const small = col.labels.map((_, c) => count[c] < minCount);
  let pc = 0,
    pch = 0;
  for (let c = 0; c < k; c++)
    if (small[c]) {
      pc += count[c];
      pch += churned[c];
    }
  const pooledRate = pc ? pch / pc : null;
  const rateOf = (c: number): number | null => (small[c] ? pooledRate : count[c] ? churned[c] / count[c] : null);
  const rates = col.labels.map((_, c) => rateOf(c)).filter((r): r is number => r !== null);
  const lo = Math.min(...rates);
  const hi = Math.max(...rates);
  const pointsOf = (r: number | null): number =>
    r === null || !(hi > lo) ? 50 : Math.round((100 * (hi - r)) / (hi - lo));
  const points: Record<string, number> = {};
  const categories: CategorySuggestion['categories'] = [];
  for (let c = 0; c < k; c++) {
    const r = rateOf(c);
    points[col.labels[c]] = pointsOf(r);
    if (!small[c])
      categories.push({
        label: col.labels[c],
        count: count[c],
        churned: churned[c],
        rate: r,
        points: pointsOf(r),
        pooled: false,
      });
  }
  const pooled = col.labels.filter((_, c) => small[c]);
  if (pooled.length)
    categories.push({
      label: '',
      count: pc,
      churned: pch,
      rate: pooledRate,
      points: pointsOf(pooledRate),
      pooled: true,
    });
  categories.sort((a, b) => b.points - a.points);
  return { scoring: { kind: 'map', points }, categories, pooled, minCount };
}

/**
 * The scoring of a numeric measure from its cuts (ascending: distinct quartiles for tiers, the 5th
 * and 95th percentile for a ramp) and a direction: what a suggestion gives for the same cuts.
 */
export function scoringFromCuts(method: NumericMethod, cuts: number[], direction: Direction): DesignScoring {
  if (method === 'linear')
    return direction === 'higher'
      ? { kind: 'linear', zeroAt: cuts[0], fullAt: cuts[cuts.length - 1] }
      : { kind: 'linear', zeroAt: cuts[cuts.length - 1], fullAt: cuts[0] };
  const ordered = [...cuts].sort((a, b) => (direction === 'higher' ? b - a : a - b));
  return {
    kind: 'tiers',
    tiers: ordered.map((at, i) => ({ at, points: Math.round((100 * (ordered.length - i)) / ordered.length) })),
    otherwise: 0,
  };
}
