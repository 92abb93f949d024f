/**
 * What-if analysis: for each measure, the smallest change of its input that moves the account into
 * another band, upwards and downwards. Every suggestion is found by re-scoring the account with the
 * changed value, so applying it is guaranteed to give `newBand`.
 */
import type { HealthModel, Measure } from '../../schemas/health.ts';
import { categoriesOf, coerceValue, isNumericMeasure, pointsFor, scoreAccount, HealthInputError } from './score.ts';
import type { BandRef, InputValue, ScoreOptions, TypedValue } from './score.ts';

export interface SensitivityItem {
  measure: string;
  direction: 'up' | 'down';
  /** Current value (null = no data). */
  from: TypedValue | null;
  to: TypedValue;
  newBand: BandRef;
  newScore: number;
  /**
   * Size of the change, 0–1: |Δ| ÷ the measure's range for numbers, steps ÷ (categories − 1) for
   * categories ordered by points, and 1 for setting a value where there was no data.
   */
  size: number;
}

/** Range and step the search uses for a numeric measure (the measure's min/max/step, or defaults per input kind). */
export function searchRange(m: Measure, value: number | null): { min: number; max: number; step: number } {
  const v = value ?? 0;
  let lo: number;
  let hi: number;
  switch (m.input) {
    case 'percent':
      lo = 0;
      hi = 100;
      break;
    case 'nps':
      lo = 0;
      hi = 10;
      break;
    case 'ces':
      lo = 1;
      hi = 7;
      break;
    case 'days-since':
      lo = 0;
      hi = 365;
      break;
    case 'count':
      lo = 0;
      hi = Math.max(100, 2 * v);
      break;
    default: {
      const r = Math.max(100, 2 * Math.abs(v));
      lo = -r;
      hi = r;
    }
  }
  const min = m.min ?? lo;
  const max = m.max ?? Math.max(hi, min + 1);
  const step = m.step ?? (m.input === 'ces' ? 0.1 : 1);
  return { min, max, step };
}

const decimalsOf = (x: number): number => {
  const s = String(x);
  const i = s.indexOf('.');
  return i < 0 ? 0 : Math.min(10, s.length - i - 1);
};
const roundTo = (x: number, d: number): number => Number(x.toFixed(d));

/** Candidate values for a numeric measure: the step grid over the range plus every scoring/override threshold and its neighbours. */
function numericCandidates(model: HealthModel, m: Measure, value: number | null): number[] {
  const { min, max } = searchRange(m, value);
  let { step } = searchRange(m, value);
  const d = Math.max(decimalsOf(step), decimalsOf(min));
  // Keep the grid to a few thousand points; thresholds below keep the search exact at the edges.
  const MAX_POINTS = 4000;
  if ((max - min) / step > MAX_POINTS) step = Math.ceil((max - min) / MAX_POINTS / step) * step;
  const out = new Set<number>();
  const n = Math.floor((max - min) / step + 1e-9);
  for (let k = 0; k <= n; k++) out.add(roundTo(min + k * step, d));
  out.add(max);
  const edges: number[] = [];
  const s = m.scoring;
  if (s.kind === 'tiers') edges.push(...s.tiers.map((t) => t.at));
  if (s.kind === 'linear') edges.push(s.zeroAt, s.fullAt);
  for (const o of model.overrides) {
    if (o.measure !== m.id) continue;
    for (const x of [o.below, o.above, typeof o.equals === 'number' ? o.equals : undefined])
      if (x !== undefined) edges.push(x);
  }
  const baseStep = m.step ?? (m.input === 'ces' ? 0.1 : 1);
  for (const e of edges)
    for (const x of [e - baseStep, e, e + baseStep]) {
      const r = roundTo(x, Math.max(d, decimalsOf(e)));
      if (r >= min && r <= max) out.add(r);
    }
  return [...out].filter((x) => x !== value).sort((a, b) => a - b);
}

/**
 * Smallest single-measure changes that move the account into another band, sorted by size (then by
 * the measure's order in the model, up before down). Measures that cannot change the band are
 * omitted. Returns [] when the account has no band (insufficient data). Staleness options are not
 * needed: staleness never changes the band.
 */
export function sensitivity(
  model: HealthModel,
  values: Record<string, InputValue>,
  opts: Pick<ScoreOptions, 'asOf'> = {},
): SensitivityItem[] {
  const steps = sensitivitySteps(model, values, opts);
  let r = steps.next();
  while (!r.done) r = steps.next();
  return r.value;
}

/** Re-scorings between two pauses of `sensitivitySteps` (a few milliseconds on a slow phone). */
export const TRIES_PER_STEP = 24;

/**
 * The same search as `sensitivity`, in small steps: it pauses after each measure and after every
 * TRIES_PER_STEP re-scorings within one, so a page can spread the few thousand re-scorings over short
 * tasks. The generator's return value is the result.
 */
export function* sensitivitySteps(
  model: HealthModel,
  values: Record<string, InputValue>,
  opts: Pick<ScoreOptions, 'asOf'> = {},
): Generator<void, SensitivityItem[]> {
  const base = scoreAccount(model, values, opts);
  if (!base.band) return [];
  const baseIdx = base.band.index;
  const items: (SensitivityItem & { order: number })[] = [];
  let tries = 0;

  for (const [order, m] of model.measures.entries()) {
    const c = coerceValue(m, values[m.id]);
    if (!c.ok) throw new HealthInputError(c.error);
    const from = c.value;
    const tryValue = (to: TypedValue) => {
      const r = scoreAccount(model, { ...values, [m.id]: to }, opts);
      return r.band ? { band: r.band, score: r.score! } : null;
    };
    const best: Partial<Record<'up' | 'down', SensitivityItem>> = {};
    const consider = (dir: 'up' | 'down', to: TypedValue, size: number, hit: { band: BandRef; score: number }) => {
      const cur = best[dir];
      if (!cur || size < cur.size - 1e-12)
        best[dir] = { measure: m.id, direction: dir, from, to, newBand: hit.band, newScore: hit.score, size };
    };

    if (isNumericMeasure(m)) {
      const cands = numericCandidates(model, m, typeof from === 'number' ? from : null);
      const { min, max } = searchRange(m, typeof from === 'number' ? from : null);
      const range = max - min || 1;
      if (typeof from === 'number') {
        // Nearest candidates first, on both sides.
        const ordered = cands
          .map((x) => ({ x, dist: Math.abs(x - from) }))
          .sort((a, b) => a.dist - b.dist || a.x - b.x);
        for (const { x, dist } of ordered) {
          if (best.up && best.down) break;
          const hit = tryValue(x);
          if (++tries % TRIES_PER_STEP === 0) yield;
          if (!hit || hit.band.index === baseIdx) continue;
          consider(hit.band.index > baseIdx ? 'up' : 'down', x, dist / range, hit);
        }
      } else {
        // From no data: for "up" the weakest value that still moves the band up, for "down" the
        // strongest value that still moves it down (by points, then nearest to the measure's best value).
        const scored = cands.map((x) => ({ x, p: pointsFor(m, x) }));
        const bestFirst = m.direction === 'lower' ? (a: number, b: number) => a - b : (a: number, b: number) => b - a;
        const worstToBest = [...scored].sort((a, b) => a.p - b.p || -bestFirst(a.x, b.x));
        for (const { x } of worstToBest) {
          const hit = tryValue(x);
          if (++tries % TRIES_PER_STEP === 0) yield;
          if (hit && hit.band.index > baseIdx) {
            consider('up', x, 1, hit);
            break;
          }
        }
        const bestToWorst = [...scored].sort((a, b) => b.p - a.p || bestFirst(a.x, b.x));
        for (const { x } of bestToWorst) {
          const hit = tryValue(x);
          if (++tries % TRIES_PER_STEP === 0) yield;
          if (hit && hit.band.index < baseIdx) {
            consider('down', x, 1, hit);
            break;
          }
        }
      }
    } else {
      const cats = categoriesOf(m)
        .map((k) => ({ k, p: pointsFor(m, k) }))
        .sort((a, b) => a.p - b.p);
      const rank = (k: TypedValue | null) => cats.findIndex((c2) => c2.k === k);
      const span = Math.max(1, cats.length - 1);
      const candidates = from === null ? cats : cats.filter((x) => x.k !== from);
      // No data: try from the weakest category up (for "up") and from the strongest down (for "down").
      const upOrder =
        from === null
          ? candidates
          : [...candidates].sort((a, b) => Math.abs(rank(a.k) - rank(from)) - Math.abs(rank(b.k) - rank(from)));
      for (const { k } of upOrder) {
        const hit = tryValue(k);
        if (++tries % TRIES_PER_STEP === 0) yield;
        if (hit && hit.band.index > baseIdx) {
          consider('up', k, from === null ? 1 : Math.abs(rank(k) - rank(from)) / span, hit);
          break;
        }
      }
      const downOrder = from === null ? [...candidates].reverse() : upOrder;
      for (const { k } of downOrder) {
        const hit = tryValue(k);
        if (++tries % TRIES_PER_STEP === 0) yield;
        if (hit && hit.band.index < baseIdx) {
          consider('down', k, from === null ? 1 : Math.abs(rank(k) - rank(from)) / span, hit);
          break;
        }
      }
    }
    for (const dir of ['up', 'down'] as const) {
      const it = best[dir];
      if (it) items.push({ ...it, order });
    }
    yield;
  }

  return items
    .sort(
      (a, b) =>
        a.size - b.size || a.order - b.order || (a.direction === b.direction ? 0 : a.direction === 'up' ? -1 : 1),
    )
    .map(({ order: _order, ...rest }) => rest);
}
