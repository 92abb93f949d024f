/**
 * Confidence interval of an AUC by DeLong's method (DeLong, DeLong & Clarke-Pearson 1988): the
 * variance from each account's placement value, computed from midranks in O(n log n), and a
 * seeded bootstrap for comparison. Here a LOW score predicts churn: AUC = P(score of a churned
 * account < score of a renewed one) + ½ P(tie), as backtest.ts computes it. Pure.
 */
import { seededRandom } from './fit.ts';

/** Midranks (1-based, ties share the mean rank) of xs. */
export function midranks(xs: ArrayLike<number>): Float64Array {
  const n = xs.length;
  const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => xs[a] - xs[b]);
  const r = new Float64Array(n);
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && xs[idx[j + 1]] === xs[idx[i]]) j++;
    for (let k = i; k <= j; k++) r[idx[k]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return r;
}

export interface AucCi {
  auc: number;
  se: number;
  lower: number;
  upper: number;
  level: number;
}

const Z95 = 1.959963984540054;

/**
 * AUC with its DeLong standard error and a normal-approximation interval (clipped to 0–1).
 * `churned` / `renewed` are the scores of the two groups. Null unless both have ≥ 2 accounts.
 */
export function delongCi(churned: ArrayLike<number>, renewed: ArrayLike<number>, level = 0.95): AucCi | null {
  const m = churned.length;
  const n = renewed.length;
  if (m < 2 || n < 2) return null;
  // Risk = −score: a churned account "wins" when its risk is higher.
  const pos = Array.from(churned, (s) => -s);
  const neg = Array.from(renewed, (s) => -s);
  const all = midranks([...pos, ...neg]);
  const rp = midranks(pos);
  const rn = midranks(neg);
  const v10 = new Float64Array(m);
  const v01 = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < m; i++) {
    v10[i] = (all[i] - rp[i]) / n;
    sum += all[i];
  }
  for (let j = 0; j < n; j++) v01[j] = 1 - (all[m + j] - rn[j]) / m;
  const auc = (sum - (m * (m + 1)) / 2) / (m * n);
  const variance = (xs: Float64Array, mu: number) => xs.reduce((s, x) => s + (x - mu) ** 2, 0) / (xs.length - 1);
  const se = Math.sqrt(variance(v10, auc) / m + variance(v01, auc) / n);
  const z = level === 0.95 ? Z95 : normalQuantile(1 - (1 - level) / 2);
  return { auc, se, lower: Math.max(0, auc - z * se), upper: Math.min(1, auc + z * se), level };
}

/** Percentile bootstrap of the AUC (resampling each group with replacement, seeded). */
export function bootstrapCi(
  churned: ArrayLike<number>,
  renewed: ArrayLike<number>,
  opts: { reps?: number; seed?: number; level?: number } = {},
): { se: number; lower: number; upper: number } | null {
  const m = churned.length;
  const n = renewed.length;
  if (m < 2 || n < 2) return null;
  const reps = opts.reps ?? 1000;
  const rnd = seededRandom(opts.seed ?? 1);
  const out = new Float64Array(reps);
  const a = new Float64Array(m);
  const b = new Float64Array(n);
  for (let r = 0; r < reps; r++) {
    for (let i = 0; i < m; i++) a[i] = churned[Math.floor(rnd() * m)];
    for (let j = 0; j < n; j++) b[j] = renewed[Math.floor(rnd() * n)];
    out[r] = delongCi(a, b)!.auc;
  }
  const mean = out.reduce((s, x) => s + x, 0) / reps;
  const se = Math.sqrt(out.reduce((s, x) => s + (x - mean) ** 2, 0) / (reps - 1));
  out.sort();
  const level = opts.level ?? 0.95;
  const q = (p: number) => out[Math.min(reps - 1, Math.max(0, Math.floor(p * reps)))];
  return { se, lower: q((1 - level) / 2), upper: q(1 - (1 - level) / 2) };
}

/** Inverse of the standard normal CDF (Acklam's approximation, |error| < 1.2e-9). */
export function normalQuantile(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
  ];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    );
  }
  if (p > 1 - lo) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return (
      -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    );
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}
