/**
 * Health score calculation (README, "How the numbers are computed"). Pure and framework-free: no DOM, no I/O, so the same
 * code runs in the Astro build, in tests, on the page and in a Web Worker.
 *
 * Reasons and errors are structured ({ code, params }) rather than English sentences so the UI can
 * word them in English and Japanese.
 */
import type { HealthModel, Measure } from '../../schemas/health.ts';
import { weightShares } from './model-shares.ts';
import { foldForMatch } from '../text/fold.ts';

/** A raw input value. null, undefined and '' mean "no data". */
export type InputValue = number | string | boolean | null | undefined;

export type Sentiment = 'red' | 'yellow' | 'green';
export type YesNo = 'yes' | 'no';
/** A value after validation: numbers for numeric inputs, 'yes'/'no' for booleans, a colour for sentiment, the label for a category. */
export type TypedValue = number | YesNo | Sentiment | (string & {});

export type Param = string | number | boolean | null;
export interface Issue {
  code: string;
  params: Record<string, Param>;
}

export type ValueParseResult = { ok: true; value: TypedValue | null } | { ok: false; error: Issue };

export interface BandRef {
  id: string;
  /** Position in model.bands (0 = lowest). */
  index: number;
}

export interface MeasureResult {
  id: string;
  group: string;
  value: TypedValue | null;
  /** 0–100, or null when the measure has no data. */
  points: number | null;
  hasData: boolean;
  stale: boolean;
  /** Days since the last update, when opts.updated gives a date for the measure. */
  ageDays: number | null;
  /** Nominal share of the total score (all measures with data). */
  weight: number;
  /** Share of the score after missing data was handled (redistributed or counted as 0). */
  effectiveWeight: number;
  /** points × effectiveWeight; the contributions add up to the score. */
  contribution: number;
}

export interface GroupResult {
  id: string;
  /** Weighted average of the group's measures (0–100, 1 decimal); null when the group has no data. */
  score: number | null;
  hasData: boolean;
  /** Nominal share of the group in the total score. */
  weight: number;
  effectiveWeight: number;
  /** Share of the group's own weight that has data (0–1). */
  coverage: number;
}

export interface OverrideHit {
  id: string;
  measure: string;
  forceBand: string;
  reason: HealthModel['overrides'][number]['reason'];
  /** False when the account's band was already at or below forceBand (the override is active but changed nothing). */
  changedBand: boolean;
}

export interface ScoreResult {
  status: 'ok' | 'insufficient-data';
  /** 0–100 rounded to 1 decimal; null when coverage is below missingData.minCoverage. */
  score: number | null;
  /** The score before rounding (null as score). */
  exactScore: number | null;
  /** Band after overrides; null with insufficient data. */
  band: BandRef | null;
  /** Band from the score alone, before overrides. */
  rawBand: BandRef | null;
  measures: MeasureResult[];
  groups: GroupResult[];
  /** Share of the nominal weight that has data (0–1). */
  coverage: number;
  /** Overrides whose condition holds (also reported with insufficient data, where no band is given). */
  overridesApplied: OverrideHit[];
  reasons: Issue[];
}

export interface ScoreOptions {
  /** Date (YYYY-MM-DD or ISO) the staleness is judged at. Defaults to today. */
  asOf?: string;
  /** Date each measure was last updated, by measure id. */
  updated?: Record<string, string>;
  /** How many "low-measure" reasons to give (default 3). */
  lowMeasures?: number;
}

/** Thrown by scoreAccount when a value cannot be used for its measure (NaN, unknown category…). */
export class HealthInputError extends Error {
  readonly issue: Issue;
  constructor(issue: Issue) {
    super(`${issue.code}: ${JSON.stringify(issue.params)}`);
    this.name = 'HealthInputError';
    this.issue = issue;
  }
}

const NUMERIC_KINDS = new Set(['number', 'percent', 'count', 'days-since', 'nps', 'ces']);
export const isNumericMeasure = (m: Pick<Measure, 'input'>): boolean => NUMERIC_KINDS.has(m.input);

/** The categories of a categorical input ('yes'/'no', the sentiment colours or a category input's mapped labels); [] for numeric inputs. */
export function categoriesOf(m: Pick<Measure, 'input'> & { scoring?: Measure['scoring'] }): TypedValue[] {
  if (m.input === 'boolean') return ['yes', 'no'];
  if (m.input === 'sentiment') return ['red', 'yellow', 'green'];
  if (m.input === 'category' && m.scoring?.kind === 'map') return Object.keys(m.scoring.points);
  return [];
}

const YES = new Set(['yes', 'y', 'true', 't', '1', 'はい', '有', 'あり', '有り']);
const NO = new Set(['no', 'n', 'false', 'f', '0', 'いいえ', '無', 'なし', '無し']);
const SENTIMENT_WORDS: Record<string, Sentiment> = {
  red: 'red',
  r: 'red',
  赤: 'red',
  レッド: 'red',
  yellow: 'yellow',
  y: 'yellow',
  黄: 'yellow',
  黄色: 'yellow',
  イエロー: 'yellow',
  amber: 'yellow',
  green: 'green',
  g: 'green',
  緑: 'green',
  グリーン: 'green',
};

const NUMBER_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const THOUSANDS_RE = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/**
 * Turns a CSV/text cell into a typed value for the measure. Empty → { ok: true, value: null } (no data).
 * Numbers: "1234", "1,234" (thousands separators), "-8", "−8", "12%" (percent and number inputs),
 * full-width digits. A decimal comma ("1,5") is rejected rather than guessed.
 * Booleans: yes/no, true/false, 1/0, y/n, はい/いいえ, 有/無 (case-insensitive).
 * Sentiment: red/yellow/green, r/y/g, 赤/黄/緑.
 */
export function parseInput(measure: Pick<Measure, 'id' | 'input'>, raw: string): ValueParseResult {
  const s = foldForMatch(raw ?? '');
  if (s === '') return { ok: true, value: null };
  const fail = (code: string): ValueParseResult => ({
    ok: false,
    error: { code, params: { measure: measure.id, value: raw } },
  });
  if (measure.input === 'boolean') {
    if (YES.has(s)) return { ok: true, value: 'yes' };
    if (NO.has(s)) return { ok: true, value: 'no' };
    return fail('invalid-boolean');
  }
  if (measure.input === 'sentiment') {
    const v = SENTIMENT_WORDS[s];
    return v ? { ok: true, value: v } : fail('invalid-sentiment');
  }
  // A category is its label as written (width-folded and trimmed); pointsFor matches it ignoring case.
  if (measure.input === 'category') return { ok: true, value: (raw ?? '').normalize('NFKC').trim() };
  let t = s.replace(/[\u2212\u2012\u2013\ufe63]/g, '-').replace(/\s+/g, '');
  if (t.endsWith('%')) {
    if (measure.input !== 'percent' && measure.input !== 'number') return fail('invalid-number');
    t = t.slice(0, -1);
  }
  if (THOUSANDS_RE.test(t)) t = t.replace(/,/g, '');
  if (!NUMBER_RE.test(t)) return fail('invalid-number');
  const n = Number(t);
  return Number.isFinite(n) ? { ok: true, value: n } : fail('invalid-number');
}

/**
 * Checks a value of any InputValue type against the measure. Booleans accept true/false and the
 * strings parseInput accepts; numeric measures accept finite numbers and numeric strings.
 */
export function coerceValue(measure: Pick<Measure, 'id' | 'input'>, v: InputValue): ValueParseResult {
  if (v === null || v === undefined) return { ok: true, value: null };
  if (typeof v === 'string') return parseInput(measure, v);
  const fail = (code: string): ValueParseResult => ({
    ok: false,
    error: { code, params: { measure: measure.id, value: String(v) } },
  });
  if (measure.input === 'category') return coerceValue(measure, String(v));
  if (typeof v === 'boolean')
    return measure.input === 'boolean'
      ? { ok: true, value: v ? 'yes' : 'no' }
      : fail(isNumericMeasure(measure) ? 'invalid-number' : 'invalid-sentiment');
  // number
  if (isNumericMeasure(measure)) return Number.isFinite(v) ? { ok: true, value: v } : fail('invalid-number');
  if (measure.input === 'boolean' && (v === 1 || v === 0)) return { ok: true, value: v === 1 ? 'yes' : 'no' };
  return fail(measure.input === 'boolean' ? 'invalid-boolean' : 'invalid-sentiment');
}

/** Points (0–100) a typed value earns for the measure. */
export function pointsFor(measure: Measure, value: TypedValue): number {
  const s = measure.scoring;
  if (s.kind === 'map') {
    const key = String(value);
    let p = s.points[key];
    if (p === undefined && measure.input === 'category') {
      const k = foldForMatch(key);
      const hit = Object.keys(s.points).find((x) => foldForMatch(x) === k);
      if (hit !== undefined) p = s.points[hit];
    }
    if (p === undefined)
      throw new HealthInputError({ code: 'unknown-category', params: { measure: measure.id, value: key } });
    return p;
  }
  if (typeof value !== 'number')
    throw new HealthInputError({ code: 'invalid-number', params: { measure: measure.id, value: String(value) } });
  if (s.kind === 'linear') {
    const t = (value - s.zeroAt) / (s.fullAt - s.zeroAt);
    return Math.min(1, Math.max(0, t)) * 100;
  }
  const lower = measure.direction === 'lower';
  for (const tier of s.tiers) if (lower ? value <= tier.at : value >= tier.at) return tier.points;
  return s.otherwise ?? 0;
}

/** Index of the last band whose min ≤ score. */
export function bandIndexFor(model: Pick<HealthModel, 'bands'>, score: number): number {
  let idx = 0;
  model.bands.forEach((b, i) => {
    if (b.min <= score) idx = i;
  });
  return idx;
}

const EPS = 1e-9;
export const round1 = (x: number): number => Math.round(x * 10 + EPS) / 10;

function toDay(s: string): number | null {
  const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00Z` : s);
  return Number.isNaN(t) ? null : t / 86_400_000;
}

/** Whether an override's condition holds for a typed value (never when there is no data). */
export function overrideHolds(
  measure: Measure,
  o: HealthModel['overrides'][number],
  value: TypedValue | null,
): boolean {
  if (value === null) return false;
  if (o.equals !== undefined) {
    const want = coerceValue(measure, o.equals);
    return want.ok && want.value !== null && want.value === value;
  }
  if (typeof value !== 'number') return false;
  if (o.below !== undefined) return value < o.below;
  if (o.above !== undefined) return value > o.above;
  return false;
}

/**
 * Scores one account. Throws HealthInputError for a value its measure cannot take (use parseInput /
 * coerceValue first to collect such errors without throwing). Keys of `values` that are not measures
 * of the model are ignored.
 */
export function scoreAccount(
  model: HealthModel,
  values: Record<string, InputValue>,
  opts: ScoreOptions = {},
): ScoreResult {
  const shares = weightShares(model);
  // Normalise the nominal shares so they sum to 1 even if a group has no measures.
  const shareTotal = [...shares.values()].reduce((a, b) => a + b, 0) || 1;
  const redistribute = model.missingData.rule === 'redistribute';
  const asOfDay = opts.asOf !== undefined ? toDay(opts.asOf) : Math.floor(Date.now() / 86_400_000);
  const reasons: Issue[] = [];

  // 1. Per-measure values and points.
  const typed = new Map<string, TypedValue | null>();
  const measures: MeasureResult[] = model.measures.map((m) => {
    const c = coerceValue(m, values[m.id]);
    if (!c.ok) throw new HealthInputError(c.error);
    const value = c.value;
    typed.set(m.id, value);
    const points = value === null ? null : pointsFor(m, value);
    let stale = false;
    let ageDays: number | null = null;
    const upd = opts.updated?.[m.id];
    if (upd !== undefined && upd !== '' && asOfDay !== null) {
      const d = toDay(upd);
      if (d === null) reasons.push({ code: 'bad-date', params: { measure: m.id, value: upd } });
      else {
        ageDays = Math.floor(asOfDay - d + EPS);
        stale = value !== null && m.staleAfterDays !== undefined && ageDays > m.staleAfterDays;
      }
    }
    return {
      id: m.id,
      group: m.group,
      value,
      points,
      hasData: value !== null,
      stale,
      ageDays,
      weight: (shares.get(m.id) ?? 0) / shareTotal,
      effectiveWeight: 0,
      contribution: 0,
    };
  });
  const byId = new Map(measures.map((r) => [r.id, r]));

  // 2. Groups.
  const usedGroups = model.groups.filter((g) => model.measures.some((m) => m.group === g.id));
  const groupTotal = usedGroups.reduce((s, g) => s + g.weight, 0);
  const groupInfo = usedGroups.map((g) => {
    const ms = model.measures.filter((m) => m.group === g.id);
    const all = ms.reduce((s, m) => s + m.weight, 0);
    const withData = ms.filter((m) => byId.get(m.id)!.hasData);
    const present = withData.reduce((s, m) => s + m.weight, 0);
    const num = withData.reduce((s, m) => s + m.weight * byId.get(m.id)!.points!, 0);
    const hasData = withData.length > 0;
    const score = redistribute ? (hasData ? num / present : null) : num / all;
    return { g, ms, all, present, hasData, score };
  });
  const coverage = measures.reduce((s, r) => s + (r.hasData ? r.weight : 0), 0);
  const activeGroupWeight = redistribute
    ? groupInfo.filter((x) => x.hasData).reduce((s, x) => s + x.g.weight, 0)
    : groupTotal;

  const groups: GroupResult[] = groupInfo.map((x) => {
    const gEff = activeGroupWeight > 0 && (x.hasData || !redistribute) ? x.g.weight / activeGroupWeight : 0;
    for (const m of x.ms) {
      const r = byId.get(m.id)!;
      if (redistribute) r.effectiveWeight = r.hasData ? (gEff * m.weight) / x.present : 0;
      else r.effectiveWeight = (gEff * m.weight) / x.all;
      r.contribution = r.hasData ? r.points! * r.effectiveWeight : 0;
    }
    return {
      id: x.g.id,
      score: x.score === null ? null : round1(x.score),
      hasData: x.hasData,
      weight: x.g.weight / groupTotal,
      effectiveWeight: gEff,
      coverage: x.present / x.all,
    };
  });

  // 3. Overall score and coverage.
  const insufficient = coverage + EPS < model.missingData.minCoverage || (redistribute && activeGroupWeight === 0);
  const exact = insufficient ? null : measures.reduce((s, r) => s + r.contribution, 0);
  const score = exact === null ? null : round1(exact);

  // 4. Bands and overrides.
  const rawIdx = score === null ? null : bandIndexFor(model, score);
  let idx = rawIdx;
  const overridesApplied: OverrideHit[] = [];
  const measureDefs = new Map(model.measures.map((m) => [m.id, m]));
  const bandIndex = new Map(model.bands.map((b, i) => [b.id, i]));
  for (const o of model.overrides) {
    const m = measureDefs.get(o.measure);
    const cap = bandIndex.get(o.forceBand);
    if (!m || cap === undefined) continue;
    if (!overrideHolds(m, o, typed.get(m.id) ?? null)) continue;
    const changed = idx !== null && cap < idx;
    if (changed) idx = cap;
    overridesApplied.push({
      id: o.id,
      measure: o.measure,
      forceBand: o.forceBand,
      reason: o.reason,
      changedBand: changed,
    });
  }
  const ref = (i: number | null): BandRef | null => (i === null ? null : { id: model.bands[i].id, index: i });

  // 5. Reasons, most important first.
  const head: Issue[] = [];
  if (insufficient)
    head.push({ code: 'insufficient-data', params: { coverage, minCoverage: model.missingData.minCoverage } });
  else
    head.push({
      code: 'band',
      params: {
        band: model.bands[idx!].id,
        index: idx!,
        score: score!,
        rawBand: model.bands[rawIdx!].id,
        overridden: idx !== rawIdx,
      },
    });
  for (const h of overridesApplied)
    head.push({
      code: 'override',
      params: {
        override: h.id,
        measure: h.measure,
        forceBand: h.forceBand,
        changedBand: h.changedBand,
        value: String(typed.get(h.measure)),
      },
    });
  if (!insufficient) {
    const low = measures
      .filter((r) => r.hasData && r.points! < 100)
      .map((r) => ({ r, lost: (100 - r.points!) * r.effectiveWeight }))
      .filter((x) => x.lost > EPS)
      .sort((a, b) => b.lost - a.lost)
      .slice(0, opts.lowMeasures ?? 3);
    for (const { r, lost } of low)
      head.push({
        code: 'low-measure',
        params: { measure: r.id, points: round1(r.points!), lostPoints: round1(lost) },
      });
  }
  for (const r of measures)
    if (!r.hasData)
      head.push({
        code: 'missing',
        params: {
          measure: r.id,
          weight: r.weight,
          redistributed: redistribute,
          lostPoints: redistribute ? 0 : round1(100 * r.effectiveWeight),
        },
      });
  for (const r of measures)
    if (r.stale)
      head.push({
        code: 'stale',
        params: { measure: r.id, ageDays: r.ageDays, staleAfterDays: measureDefs.get(r.id)!.staleAfterDays ?? null },
      });

  return {
    status: insufficient ? 'insufficient-data' : 'ok',
    score,
    exactScore: exact,
    band: ref(idx),
    rawBand: ref(rawIdx),
    measures,
    groups,
    coverage,
    overridesApplied,
    reasons: [...head, ...reasons],
  };
}
