/**
 * Backtest of a health model (README, "How the numbers are computed"): do the scores accounts had before their
 * renewal separate those that churned from those that renewed? Churn rate per band, ROC curve and
 * AUC, precision/recall of the lowest band, lift in the riskiest decile. Pure.
 */
import type { HealthModel } from '../../schemas/health.ts';
import type { InputValue, Issue, ScoreResult } from './score.ts';
import { foldForMatch } from '../text/fold.ts';

const CHURNED = new Set(['churned', 'churn', 'yes', 'y', 'true', '1', 'lost', 'cancelled', 'canceled', '解約', '解約済', '解約済み', 'チャーン', 'はい']);
const RENEWED = new Set(['renewed', 'renew', 'no', 'n', 'false', '0', 'retained', '更新', '更新済', '更新済み', '継続', 'いいえ']);

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

/** ROC curve over all score thresholds, riskiest (lowest score) first. Tied scores enter together (a diagonal step). */
export function rocCurve(samples: Sample[]): RocPoint[] {
  const pos = samples.filter((s) => s.churned).length;
  const neg = samples.length - pos;
  const pts: RocPoint[] = [{ threshold: null, risk: null, fpr: 0, tpr: 0 }];
  if (pos === 0 || neg === 0) return pts;
  const sorted = [...samples].sort((a, b) => a.score - b.score);
  let tp = 0;
  let fp = 0;
  for (let i = 0; i < sorted.length; ) {
    const t = sorted[i].score;
    while (i < sorted.length && sorted[i].score === t) {
      if (sorted[i].churned) tp++;
      else fp++;
      i++;
    }
    pts.push({ threshold: t, risk: 100 - t, fpr: fp / neg, tpr: tp / pos });
  }
  return pts;
}

/** Area under the ROC curve (trapezoid) = P(a churned account scores lower than a renewed one) + ½ P(tie). Null without both outcomes. */
export function auc(samples: Sample[]): number | null {
  const pts = rocCurve(samples);
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

/** Lift in the riskiest decile. Accounts tied at the cut count with their group's average churn, so the order of ties does not matter. */
export function decileLift(samples: Sample[]): LiftResult {
  const n = samples.length;
  if (n === 0) return { size: 0, churned: 0, rate: null, lift: null };
  const k = Math.ceil(n * 0.1 - 1e-9);
  const sorted = [...samples].sort((a, b) => a.score - b.score);
  const cut = sorted[k - 1].score;
  const below = sorted.filter((s) => s.score < cut);
  const tied = sorted.filter((s) => s.score === cut);
  const fromTies = k - below.length;
  const churned = below.filter((s) => s.churned).length + (fromTies * tied.filter((s) => s.churned).length) / tied.length;
  const rate = churned / k;
  const overall = samples.filter((s) => s.churned).length / n;
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
  /** Rows whose outcome could not be read. */
  errors: { row: number | null; accountId: string | null; reason: Issue }[];
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
export function fromScored(rows: { row: number; accountId: string | null; outcome?: InputValue; result: Pick<ScoreResult, 'score' | 'band'> }[]): BacktestAccount[] {
  return rows.map((r) => ({ row: r.row, accountId: r.accountId, score: r.result.score, bandIndex: r.result.band?.index ?? null, outcome: r.outcome }));
}

const MIN_PER_OUTCOME = 10;

export function backtest(model: Pick<HealthModel, 'bands'>, accounts: BacktestAccount[]): BacktestResult {
  const errors: BacktestResult['errors'] = [];
  const used: (Sample & { band: number })[] = [];
  let insufficientData = 0;
  for (const a of accounts) {
    const o = parseOutcome(a.outcome);
    if (!o.ok) {
      errors.push({ row: a.row ?? null, accountId: a.accountId ?? null, reason: { code: o.error.code, params: { ...o.error.params, row: a.row ?? null } } });
      continue;
    }
    if (a.score === null || a.bandIndex === null) {
      insufficientData++;
      continue;
    }
    used.push({ score: a.score, churned: o.churned, band: a.bandIndex });
  }
  const n = used.length;
  const churned = used.filter((s) => s.churned).length;
  const renewed = n - churned;
  const bands = model.bands.map((b, index) => {
    const inBand = used.filter((s) => s.band === index);
    const c = inBand.filter((s) => s.churned).length;
    return { id: b.id, index, count: inBand.length, churned: c, rate: inBand.length ? c / inBand.length : null };
  });
  const low = bands[0];
  const a = auc(used);
  const warnings: Issue[] = [];
  if (churned < MIN_PER_OUTCOME) warnings.push({ code: 'few-churned', params: { count: churned, recommended: MIN_PER_OUTCOME } });
  if (renewed < MIN_PER_OUTCOME) warnings.push({ code: 'few-renewed', params: { count: renewed, recommended: MIN_PER_OUTCOME } });
  return {
    n,
    churned,
    renewed,
    churnRate: n ? churned / n : null,
    insufficientData,
    errors,
    bands,
    roc: rocCurve(used),
    auc: a,
    aucLevel: aucLevel(a),
    lowestBand: {
      id: low.id,
      predicted: low.count,
      truePositives: low.churned,
      precision: low.count ? low.churned / low.count : null,
      recall: churned ? low.churned / churned : null,
    },
    lift: decileLift(used),
    warnings,
  };
}
