/**
 * "Suggest weights": an L2-regularised logistic regression of churn on the measures' points, and
 * seeded k-fold cross-validation that reports the suggested weights' out-of-sample AUC next to the
 * current weights' AUC on the same folds. On each fold, scorings that are still the data's
 * suggestion are derived again from the training rows only, so no test row shapes its own score.
 * Pure (async only to yield between steps, so a worker can take "cancel" messages).
 */
import type { HealthModel } from '../../../schemas/health.ts';
import { groupAuc, readColumn, type ColumnData } from './columns.ts';
import { applyShares, pointsColumn, scoreRowsFast, toHealthModel, type Design, type DesignMeasure } from './design.ts';
import { directionEvidence, scoringFromCuts, suggestCategories, suggestDirection, suggestNumeric } from './suggest.ts';

export { seededRandom } from '../../random.ts';
import { seededRandom } from '../../random.ts';
import type { Table } from './file-columns.ts';

/**
 * Fold of every row (0..k-1), stratified by outcome (churned and renewed rows are each shuffled and
 * dealt round-robin, so every fold has its share of both); rows without an outcome get -1.
 */
export function assignFolds(outcome: Int8Array, k: number, seed: number): Int8Array {
  const rnd = seededRandom(seed);
  const fold = new Int8Array(outcome.length).fill(-1);
  for (const cls of [1, 0]) {
    const idx: number[] = [];
    for (let i = 0; i < outcome.length; i++) if (outcome[i] === cls) idx.push(i);
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
    idx.forEach((row, n) => {
      fold[row] = n % k;
    });
  }
  return fold;
}

export interface LogisticFit {
  /** Intercept first, then one coefficient per feature. */
  beta: Float64Array;
  iterations: number;
  converged: boolean;
}

export class FitCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'FitCancelled';
  }
}

export interface FitOptions {
  lambda?: number;
  maxIter?: number;
  tol?: number;
  /** Coefficients to start from (intercept first), e.g. the previous fold's: fewer Newton steps, the same optimum. */
  start?: ArrayLike<number>;
  check?: () => Promise<void>;
}

/**
 * Logistic regression by Newton's method, L2 penalty λ/2·‖β‖² on the coefficients (not the
 * intercept). `x` holds p features per row (row-major, no NaN), `rows` the rows to fit on.
 */
export async function fitLogistic(
  x: Float64Array,
  p: number,
  y: Int8Array,
  rows: Int32Array,
  opts: FitOptions = {},
): Promise<LogisticFit> {
  const cols = Array.from({ length: p }, () => new Float64Array(rows.length));
  const yy = new Int8Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const off = rows[r] * p;
    for (let j = 0; j < p; j++) cols[j][r] = x[off + j];
    yy[r] = y[rows[r]];
  }
  return fitLogisticColumns(cols, yy, opts);
}

/**
 * The same fit on features stored column by column (one array per feature, one entry per row to
 * fit on, no NaN) with the outcome per row (0/1). Each Newton step is a few passes over contiguous
 * arrays: the linear predictor, then the gradient and the (p+1)² Hessian X'WX as dot products.
 * With `start`, it begins there (and again from zero if that does not converge).
 */
export async function fitLogisticColumns(
  cols: Float64Array[],
  y: Int8Array,
  opts: FitOptions = {},
): Promise<LogisticFit> {
  const fit = await newton(cols, y, opts);
  // A start far from the optimum can make Newton's method diverge: then start again from zero.
  return fit.converged || !opts.start ? fit : newton(cols, y, { ...opts, start: undefined });
}

async function newton(cols: Float64Array[], y: Int8Array, opts: FitOptions): Promise<LogisticFit> {
  const lambda = opts.lambda ?? 1;
  const p = cols.length;
  const q = p + 1;
  const n = y.length;
  const beta = new Float64Array(q);
  if (opts.start) beta.set(Array.from(opts.start).slice(0, q));
  const grad = new Float64Array(q);
  const hess = new Float64Array(q * q);
  const eta = new Float64Array(n);
  const w = new Float64Array(n);
  const res = new Float64Array(n);
  const wx = new Float64Array(n);
  const dot = (a: Float64Array, b: Float64Array) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += a[i] * b[i];
    return s;
  };
  let converged = false;
  let it = 0;
  for (; it < (opts.maxIter ?? 50); it++) {
    eta.fill(beta[0]);
    for (let j = 0; j < p; j++) {
      const c = cols[j];
      const b = beta[j + 1];
      if (b !== 0) for (let i = 0; i < n; i++) eta[i] += b * c[i];
    }
    let g0 = 0,
      h00 = 0;
    for (let i = 0; i < n; i++) {
      const mu = 1 / (1 + Math.exp(-eta[i]));
      const wi = mu * (1 - mu);
      w[i] = wi;
      res[i] = y[i] - mu;
      g0 += res[i];
      h00 += wi;
    }
    grad[0] = g0;
    hess[0] = h00;
    for (let a = 0; a < p; a++) {
      const ca = cols[a];
      let ga = 0,
        ha = 0;
      for (let i = 0; i < n; i++) {
        const v = ca[i];
        ga += res[i] * v;
        const t = w[i] * v;
        wx[i] = t;
        ha += t;
      }
      grad[a + 1] = ga - lambda * beta[a + 1];
      hess[a + 1] = ha;
      for (let b = a; b < p; b++) hess[(a + 1) * q + b + 1] = dot(wx, cols[b]);
      hess[(a + 1) * q + a + 1] += lambda;
    }
    for (let a = 0; a < q; a++) for (let b = 0; b < a; b++) hess[a * q + b] = hess[b * q + a];
    const step = solveSpd(hess, grad, q);
    let max = 0;
    for (let a = 0; a < q; a++) {
      beta[a] += step[a];
      max = Math.max(max, Math.abs(step[a]));
    }
    if (opts.check) await opts.check();
    if (max < (opts.tol ?? 1e-6)) {
      converged = true;
      it++;
      break;
    }
    if (!Number.isFinite(max)) {
      it++;
      break;
    } // diverged (only from a poor starting point): not converged
  }
  return { beta, iterations: it, converged };
}

/** Solves A·s = g for a symmetric positive-definite A (Cholesky; a tiny ridge keeps it definite). */
function solveSpd(a: Float64Array, g: Float64Array, q: number): Float64Array {
  const l = new Float64Array(q * q);
  for (let i = 0; i < q; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * q + j];
      for (let k = 0; k < j; k++) s -= l[i * q + k] * l[j * q + k];
      if (i === j) l[i * q + i] = Math.sqrt(Math.max(s, 1e-12));
      else l[i * q + j] = s / l[j * q + j];
    }
  }
  const z = new Float64Array(q);
  for (let i = 0; i < q; i++) {
    let s = g[i];
    for (let k = 0; k < i; k++) s -= l[i * q + k] * z[k];
    z[i] = s / l[i * q + i];
  }
  const s = new Float64Array(q);
  for (let i = q - 1; i >= 0; i--) {
    let t = z[i];
    for (let k = i + 1; k < q; k++) t -= l[k * q + i] * s[k];
    s[i] = t / l[i * q + i];
  }
  return s;
}

/** Feature matrix (points ÷ 100) with each measure's missing points replaced by its mean over `rows`. */
export function featureMatrix(points: Float64Array[], rows: Int32Array): Float64Array {
  const p = points.length;
  const n = p ? points[0].length : 0;
  const x = new Float64Array(n * p);
  for (let j = 0; j < p; j++) {
    const col = points[j];
    let s = 0,
      c = 0;
    for (let r = 0; r < rows.length; r++) {
      const v = col[rows[r]];
      if (!Number.isNaN(v)) {
        s += v;
        c++;
      }
    }
    const mean = c ? s / c : 50;
    for (let i = 0; i < n; i++) {
      const v = col[i];
      x[i * p + j] = (!Number.isNaN(v) ? v : mean) / 100;
    }
  }
  return x;
}

/**
 * The features of `rows` only, column by column (points ÷ 100, a measure's missing points replaced
 * by its mean over those rows: the same numbers as featureMatrix), with their outcomes: what
 * fitLogisticColumns takes.
 */
export function trainingColumns(
  points: Float64Array[],
  rows: Int32Array,
  outcome: Int8Array,
): { cols: Float64Array[]; y: Int8Array } {
  const y = new Int8Array(rows.length);
  for (let r = 0; r < rows.length; r++) y[r] = outcome[rows[r]];
  const cols = points.map((col) => {
    const out = new Float64Array(rows.length);
    let s = 0,
      c = 0;
    for (let r = 0; r < rows.length; r++) {
      const v = col[rows[r]];
      out[r] = v;
      if (!Number.isNaN(v)) {
        s += v;
        c++;
      }
    }
    const mean = c ? s / c : 50;
    for (let r = 0; r < rows.length; r++) {
      const v = out[r];
      out[r] = (!Number.isNaN(v) ? v : mean) / 100;
    }
    return out;
  });
  return { cols, y };
}

/**
 * Weights from a fit: a measure's weight is minus its coefficient (more points, less churn), as a
 * share of the total. Coefficients that point the wrong way (more points, more churn) get no share
 * of their own and are reported, so the page can say so.
 */
export function sharesFromFit(beta: Float64Array): { shares: number[]; wrongSign: number[] } {
  const coef = Array.from(beta.slice(1));
  const wrongSign = coef.map((b, j) => (b >= 0 ? j : -1)).filter((j) => j >= 0);
  const pos = coef.map((b) => Math.max(0, -b));
  const total = pos.reduce((a, b) => a + b, 0);
  return { shares: pos.map((v) => (total > 0 ? v / total : 1 / coef.length)), wrongSign };
}

export interface DesignData {
  /** Column data of each measure, in the design's order. */
  columns: ColumnData[];
  /** 1 churned, 0 renewed, -1 unknown. */
  outcome: Int8Array;
}

/** The design's measures scored on a fold: suggested scorings derived again from `train` rows only. */
export function foldDesign(d: Design, data: DesignData, train: Int32Array | null): Design {
  if (!train) return d;
  const measures: DesignMeasure[] = d.measures.map((m, j) => {
    if (!m.suggested) return m;
    const col = data.columns[j];
    if (col.kind === 'numeric' && m.method !== 'category-rates' && m.cuts && m.quartiles) {
      // The cuts use no outcome: keep them; the direction does, so it is read again from the training rows.
      const direction = suggestDirection(directionEvidence(col, data.outcome, train, m.quartiles));
      return { ...m, direction, scoring: scoringFromCuts(m.method, m.cuts, direction) };
    }
    if (col.kind === 'numeric' && m.method !== 'category-rates') {
      const s = suggestNumeric(col, data.outcome, { method: m.method, rows: train });
      return s ? { ...m, direction: s.direction, scoring: s.scoring } : m;
    }
    if (col.kind === 'categorical')
      return { ...m, scoring: suggestCategories(col, data.outcome, { rows: train }).scoring };
    return m;
  });
  return { ...d, measures };
}

/** Points of every measure; a measure whose scoring and direction equal those in `reuse` keeps its points from there. */
export function pointsOf(
  model: HealthModel,
  data: DesignData,
  reuse?: { model: HealthModel; points: Float64Array[] },
): Float64Array[] {
  return model.measures.map((m, j) => {
    const r = reuse?.model.measures[j];
    if (r && r.direction === m.direction && JSON.stringify(r.scoring) === JSON.stringify(m.scoring))
      return reuse!.points[j];
    return pointsColumn(m, data.columns[j]);
  });
}

/** AUC of health scores over `rows` (a low score predicts churn); rows with insufficient data are left out. */
export function scoreAuc(score: Float64Array, outcome: Int8Array, rows: Int32Array): number | null {
  let m = 0,
    n = 0;
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r];
    if (!Number.isNaN(score[i])) {
      if (outcome[i] === 1) m++;
      else if (outcome[i] === 0) n++;
    }
  }
  const pos = new Float64Array(m);
  const neg = new Float64Array(n);
  for (let r = 0, a = 0, b = 0; r < rows.length; r++) {
    const i = rows[r];
    if (!Number.isNaN(score[i])) {
      if (outcome[i] === 1) pos[a++] = -score[i];
      else if (outcome[i] === 0) neg[b++] = -score[i];
    }
  }
  return groupAuc(pos, neg);
}

export interface FoldResult {
  fold: number;
  train: number;
  test: number;
  suggestedAuc: number | null;
  currentAuc: number | null;
}

export interface SuggestResult {
  k: number;
  seed: number;
  lambda: number;
  folds: FoldResult[];
  /** Mean out-of-sample AUC over the folds (null when a fold had no AUC). */
  suggestedAuc: number | null;
  currentAuc: number | null;
  /** Suggested weights: whole percent per measure (fitted on all rows), and the measures whose coefficient points the wrong way. */
  weights: number[];
  shares: number[];
  wrongSign: string[];
  beta: number[];
  converged: boolean;
}

export interface SuggestOptions {
  k?: number;
  seed?: number;
  lambda?: number;
}

const mean = (xs: (number | null)[]): number | null =>
  xs.some((x) => x === null) || xs.length === 0 ? null : (xs as number[]).reduce((a, b) => a + b, 0) / xs.length;

/**
 * Cross-validated weight suggestion. For each fold: scorings re-derived on the training rows, a fit
 * on the training rows, and the AUC on the held-out rows of (a) the fitted weights and (b) the
 * current weights. Then a final fit on all rows gives the suggested weights. `onProgress(done,
 * total)` after each fit; `check()` between Newton steps may throw FitCancelled.
 */
export async function suggestWeights(
  d: Design,
  data: DesignData,
  opts: SuggestOptions = {},
  onProgress: (done: number, total: number) => void = () => {},
  check?: () => Promise<void>,
): Promise<SuggestResult> {
  const k = opts.k ?? 5;
  const seed = opts.seed ?? 1;
  const lambda = opts.lambda ?? 1;
  const folds = assignFolds(data.outcome, k, seed);
  const results: FoldResult[] = [];
  const total = k + 1;
  const fullModel = toHealthModel(d);
  const full = { model: fullModel, points: pointsOf(fullModel, data) };
  const known = folds.reduce((a, f) => a + (f >= 0 ? 1 : 0), 0);
  // Each fold's fit starts from the previous one's coefficients (the folds share most rows, so the optimum moves little).
  let start: Float64Array | undefined;
  for (let f = 0; f < k; f++) {
    const size = folds.reduce((a, g) => a + (g === f ? 1 : 0), 0);
    const train = new Int32Array(known - size);
    const test = new Int32Array(size);
    for (let i = 0, a = 0, b = 0; i < folds.length; i++)
      if (folds[i] >= 0) {
        if (folds[i] === f) test[b++] = i;
        else train[a++] = i;
      }
    const fd = foldDesign(d, data, train);
    const model = toHealthModel(fd);
    const points = pointsOf(model, data, full);
    const { cols, y } = trainingColumns(points, train, data.outcome);
    const fit = await fitLogisticColumns(cols, y, { lambda, check, start });
    start = fit.beta;
    const fitted = toHealthModel(applyShares(fd, sharesFromFit(fit.beta).shares));
    const suggestedAuc = scoreAuc(scoreRowsFast(fitted, points, test).score, data.outcome, test);
    const currentAuc = scoreAuc(scoreRowsFast(model, points, test).score, data.outcome, test);
    results.push({ fold: f, train: train.length, test: test.length, suggestedAuc, currentAuc });
    onProgress(f + 1, total);
    if (check) await check();
  }
  const all = new Int32Array(known);
  for (let i = 0, a = 0; i < folds.length; i++) if (folds[i] >= 0) all[a++] = i;
  const { cols, y } = trainingColumns(full.points, all, data.outcome);
  const fit = await fitLogisticColumns(cols, y, { lambda, check, start });
  const { shares, wrongSign } = sharesFromFit(fit.beta);
  const applied = applyShares(d, shares);
  onProgress(total, total);
  return {
    k,
    seed,
    lambda,
    folds: results,
    suggestedAuc: mean(results.map((r) => r.suggestedAuc)),
    currentAuc: mean(results.map((r) => r.currentAuc)),
    weights: applied.measures.map((m) => m.weight),
    shares,
    wrongSign: wrongSign.map((j) => d.measures[j].id),
    beta: Array.from(fit.beta),
    converged: fit.converged,
  };
}

/** Reads the design's measure columns from the parsed rows (what the page sends to the worker). */
export function designData(d: Design, table: Table, outcome: Int8Array): DesignData {
  return { columns: d.measures.map((m) => readColumn(table, m.col, m.kind)), outcome };
}
