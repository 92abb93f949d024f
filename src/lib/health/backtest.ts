/**
 * Backtest of a health model (README, "How the numbers are computed"): do the scores accounts had before their
 * renewal separate those that churned from those that renewed? Churn rate per band, ROC curve and
 * AUC, precision/recall of the lowest band, lift in the riskiest decile. Pure.
 */
import type { HealthModel } from '../../schemas/health.ts';
import type { InputValue, Issue, ScoreResult } from './score.ts';
import { foldForMatch } from '../text/fold.ts';

const CHURNED = new Set([
  'churned',
  'churn',
  'yes',
  'y',
  'true',
  '1',
  'lost',
  'cancelled',
  'canceled',
  '解約',
  '解約済',
  '解約済み',
  'チャーン',
  'はい',
]);
const RENEWED = new Set([
  'renewed',
  'renew',
  'no',
  'n',
  'false',
  '0',
  'retained',
  '更新',
  '更新済',
  '更新済み',
  '継続',
  'いいえ',
]);

/** Reads a renewal outcome: true = churned, false = renewed (not churned). */
export function parseOutcome(raw: InputValue): { ok: true; churned: boolean } | { ok: false; error: Issue } {
  if (typeof raw === 'boolean') return { ok: true, churned: raw };
  if (raw === 1 || raw === 0) return { ok: true, churned: raw === 1 };
  const s = raw === null || raw === undefined ? '' : foldForMatch(String(raw));
  if (s === '') return { ok: false, error: { code: 'missing-outcome', params: { value: '' } } };
  if (CHURNED.has(s)) return { ok: true, churned: true };
  if (RENEWED.has(s)) return { ok: true, churned: false };
  return { ok: false, error: { code: 'unknown-outcome', params: { value: String(raw) } } };
}

export interface Sample {
  score: number;
  churned: boolean;
}

export interface RocPoint {
  /** Accounts with score ≤ threshold are predicted to churn; null for the starting point (none predicted). */
  threshold: number | null;
  /** The same cut as risk (100 − score): risk ≥ this. */
  risk: number | null;
  fpr: number;
  tpr: number;
}

/** Scores of the churned and of the renewed accounts, each sorted ascending (what the curve and the lift need). */
export interface SortedScores {
  churned: Float64Array;
  renewed: Float64Array;
}

export function sortedScores(samples: Sample[]): SortedScores {
  const churned = Float64Array.from(
    samples.filter((s) => s.churned),
    (s) => s.score,
  ).sort();
  const renewed = Float64Array.from(
    samples.filter((s) => !s.churned),
    (s) => s.score,
  ).sort();
  return { churned, renewed };
}

/** ROC curve over all score thresholds, riskiest (lowest score) first. Tied scores enter together (a diagonal step). */
export function rocCurve(samples: Sample[] | SortedScores): RocPoint[] {
  const { churned: c, renewed: r } = Array.isArray(samples) ? sortedScores(samples) : samples;
  const pos = c.length;
  const neg = r.length;
  const pts: RocPoint[] = [{ threshold: null, risk: null, fpr: 0, tpr: 0 }];
  if (pos === 0 || neg === 0) return pts;
  let tp = 0;
  let fp = 0;
  while (tp < pos || fp < neg) {
    const t = Math.min(tp < pos ? c[tp] : Infinity, fp < neg ? r[fp] : Infinity);
    while (tp < pos && c[tp] === t) tp++;
    while (fp < neg && r[fp] === t) fp++;
    pts.push({ threshold: t, risk: 100 - t, fpr: fp / neg, tpr: tp / pos });
  }
  return pts;
}

/** Area under the ROC curve (trapezoid) = P(a churned account scores lower than a renewed one) + ½ P(tie). Null without both outcomes. */
export function auc(samples: Sample[] | SortedScores): number | null {
  return aucOf(rocCurve(samples));
}

function aucOf(pts: RocPoint[]): number | null {
  if (pts.length < 2) return null;
  let a = 0;
  for (let i = 1; i < pts.length; i++) a += (pts[i].fpr - pts[i - 1].fpr) * ((pts[i].tpr + pts[i - 1].tpr) / 2);
  return a;
}

export type AucLevel = 'not-enough-data' | 'inverse' | 'weak' | 'fair' | 'good' | 'strong';
/** null → not-enough-data; < 0.5 inverse (low scores renew more often); < 0.6 weak; < 0.7 fair; < 0.8 good; ≥ 0.8 strong. */
export function aucLevel(a: number | null): AucLevel {
  if (a === null) return 'not-enough-data';
  if (a < 0.5) return 'inverse';
  if (a < 0.6) return 'weak';
  if (a < 0.7) return 'fair';
  if (a < 0.8) return 'good';
  return 'strong';
}

export interface LiftResult {
  /** ceil(10 % of n). */
  size: number;
  /** Expected churned accounts among the `size` lowest scores (ties at the cut share their churn rate). */
  churned: number;
  rate: number | null;
  /** rate ÷ overall churn rate; null when nobody churned or n = 0. */
  lift: number | null;
}

/** How many of the sorted values are below `x` (`strict`) or at most `x`. */
function countBelow(a: Float64Array, x: number, strict: boolean): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (strict ? a[mid] < x : a[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The k-th smallest value (1-based) of two sorted arrays together. */
function kthOfTwo(a: Float64Array, b: Float64Array, k: number): number {
  let i = 0;
  let j = 0;
  let v = NaN;
  // Walk at most k steps; k is a tenth of the accounts, so this stays linear.
  for (let n = 0; n < k; n++) v = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++];
  return v;
}

/** Lift in the riskiest decile. Accounts tied at the cut count with their group's average churn, so the order of ties does not matter. */
export function decileLift(samples: Sample[] | SortedScores): LiftResult {
  const { churned: c, renewed: r } = Array.isArray(samples) ? sortedScores(samples) : samples;
  const n = c.length + r.length;
  if (n === 0) return { size: 0, churned: 0, rate: null, lift: null };
  const k = Math.ceil(n * 0.1 - 1e-9);
  const cut = kthOfTwo(c, r, k);
  const belowC = countBelow(c, cut, true);
  const below = belowC + countBelow(r, cut, true);
  const tiedC = countBelow(c, cut, false) - belowC;
  const tied = tiedC + countBelow(r, cut, false) - countBelow(r, cut, true);
  const fromTies = k - below;
  const churned = belowC + (fromTies * tiedC) / tied;
  const rate = churned / k;
  const overall = c.length / n;
  return { size: k, churned, rate, lift: overall > 0 ? rate / overall : null };
}

export interface BacktestAccount {
  /** Line number in the file, for error messages. */
  row?: number;
  accountId?: string | null;
  /** Score (null = insufficient data: left out of the backtest). */
  score: number | null;
  /** Band index after overrides. */
  bandIndex: number | null;
  outcome: InputValue;
}

export interface BandChurn {
  id: string;
  index: number;
  count: number;
  churned: number;
  /** churned ÷ count; null for an empty band. */
  rate: number | null;
}

export interface BacktestResult {
  /** Accounts used (score and outcome known). */
  n: number;
  churned: number;
  renewed: number;
  churnRate: number | null;
  /** Accounts left out because their score reads "insufficient data". */
  insufficientData: number;
  /** Rows whose outcome could not be read (the first ones when the list is capped). */
  errors: { row: number | null; accountId: string | null; reason: Issue }[];
  /** How many rows had an unreadable outcome (more than `errors` holds when it is capped). */
  errorCount: number;
  bands: BandChurn[];
  roc: RocPoint[];
  auc: number | null;
  aucLevel: AucLevel;
  /** The lowest band (e.g. red) used as a churn predictor. */
  lowestBand: { id: string; predicted: number; truePositives: number; precision: number | null; recall: number | null };
  lift: LiftResult;
  /** { code: 'few-churned' | 'few-renewed', params: { count, recommended } } when the sample is too small to trust. */
  warnings: Issue[];
}

/** Turns scored rows (scoreRows' output) into backtest accounts. */
export function fromScored(
  rows: { row: number; accountId: string | null; outcome?: InputValue; result: Pick<ScoreResult, 'score' | 'band'> }[],
): BacktestAccount[] {
  return rows.map((r) => ({
    row: r.row,
    accountId: r.accountId,
    score: r.result.score,
    bandIndex: r.result.band?.index ?? null,
    outcome: r.outcome,
  }));
}

const MIN_PER_OUTCOME = 10;

/** Grows a Float64Array by doubling as values are appended. */
class Floats {
  private a = new Float64Array(1024);
  length = 0;
  push(x: number) {
    if (this.length === this.a.length) {
      const b = new Float64Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.length++] = x;
  }
  sorted(): Float64Array {
    return this.a.slice(0, this.length).sort();
  }
}

/**
 * The backtest fed one account at a time, keeping only the scores of the accounts used (sorted at
 * the end) and at most `maxErrors` unreadable outcomes (`errorCount` counts them all): what the
 * streamed batch uses for a million rows. `backtest` is this over a list.
 */
export class BacktestTally {
  private readonly c = new Floats();
  private readonly r = new Floats();
  private readonly bandCounts: number[];
  private readonly bandChurned: number[];
  private insufficientData = 0;
  private errorCount = 0;
  private readonly errors: BacktestResult['errors'] = [];
  private readonly model: Pick<HealthModel, 'bands'>;
  private readonly maxErrors: number;

  constructor(model: Pick<HealthModel, 'bands'>, maxErrors = Infinity) {
    this.model = model;
    this.maxErrors = maxErrors;
    this.bandCounts = model.bands.map(() => 0);
    this.bandChurned = model.bands.map(() => 0);
  }

  add(a: BacktestAccount): void {
    const o = parseOutcome(a.outcome);
    if (!o.ok) {
      if (this.errorCount++ < this.maxErrors)
        this.errors.push({
          row: a.row ?? null,
          accountId: a.accountId ?? null,
          reason: { code: o.error.code, params: { ...o.error.params, row: a.row ?? null } },
        });
      return;
    }
    if (a.score === null || a.bandIndex === null) {
      this.insufficientData++;
      return;
    }
    (o.churned ? this.c : this.r).push(a.score);
    this.bandCounts[a.bandIndex]++;
    if (o.churned) this.bandChurned[a.bandIndex]++;
  }

  result(): BacktestResult {
    const scores: SortedScores = { churned: this.c.sorted(), renewed: this.r.sorted() };
    const churned = scores.churned.length;
    const renewed = scores.renewed.length;
    const n = churned + renewed;
    const bands = this.model.bands.map((b, index) => {
      const count = this.bandCounts[index];
      const c = this.bandChurned[index];
      return { id: b.id, index, count, churned: c, rate: count ? c / count : null };
    });
    const low = bands[0];
    const roc = rocCurve(scores);
    const a = aucOf(roc);
    const warnings: Issue[] = [];
    if (churned < MIN_PER_OUTCOME)
      warnings.push({ code: 'few-churned', params: { count: churned, recommended: MIN_PER_OUTCOME } });
    if (renewed < MIN_PER_OUTCOME)
      warnings.push({ code: 'few-renewed', params: { count: renewed, recommended: MIN_PER_OUTCOME } });
    return {
      n,
      churned,
      renewed,
      churnRate: n ? churned / n : null,
      insufficientData: this.insufficientData,
      errors: this.errors,
      errorCount: this.errorCount,
      bands,
      roc,
      auc: a,
      aucLevel: aucLevel(a),
      lowestBand: lowestBandOf(low, churned),
      lift: decileLift(scores),
      warnings,
    };
  }
}

/** The lowest band's precision and recall, from its counts and all churned accounts scored. */
export function lowestBandOf(low: BandChurn, churned: number): BacktestResult['lowestBand'] {
  return {
    id: low.id,
    predicted: low.count,
    truePositives: low.churned,
    precision: low.count ? low.churned / low.count : null,
    recall: churned ? low.churned / churned : null,
  };
}

export function backtest(model: Pick<HealthModel, 'bands'>, accounts: BacktestAccount[]): BacktestResult {
  const tally = new BacktestTally(model);
  for (const a of accounts) tally.add(a);
  return tally.result();
}
