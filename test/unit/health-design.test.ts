/**
 * Model design from any CSV: suggestions (quartile tiers and direction, category points with
 * pooling), the logistic fit on synthetic data with known weights, cross-validation that never
 * lets a fold's rows into its own training, the AUC confidence interval against a brute-force
 * DeLong computation and the bootstrap, the data checks (leakage, one class, constant, mostly
 * missing, duplicate ids, too few rows), band suggestions, and the round trip: designed model →
 * YAML → schema + content check → scoreAccount gives the designer's scores on the real telecom export.
 */
import { readFileSync, mkdtempSync, cpSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { HealthModel } from '../../src/schemas/health.ts';
import { scoreAccount } from '../../src/lib/health/score.ts';
import { auc as backtestAuc } from '../../src/lib/health/backtest.ts';
import { decodeBytes, parseCsv } from '../../src/lib/health/csv.ts';
import { checkContent } from '../../src/lib/content/check.ts';
import { readContentFiles } from '../../src/lib/content/load.ts';
import {
  dataIssues,
  guessRoles,
  issueSeverity,
  profileColumns,
  rankAuc,
  readCategories,
  readColumn,
  readNumeric,
  readOutcome,
  type NumericColumn,
} from '../../src/lib/health/design/columns.ts';
import {
  directionEvidence,
  quantileTiers,
  suggestCategories,
  suggestNumeric,
} from '../../src/lib/health/design/suggest.ts';
import {
  assignFolds,
  featureMatrix,
  fitLogistic,
  fitLogisticColumns,
  foldDesign,
  seededRandom,
  suggestWeights,
  designData,
  trainingColumns,
} from '../../src/lib/health/design/fit.ts';
import { bootstrapCi, delongCi } from '../../src/lib/health/design/auc-ci.ts';
import { suggestBands, thresholdTable } from '../../src/lib/health/design/bands.ts';
import {
  pointsColumn,
  scoreRowsFast,
  toHealthModel,
  applyShares,
  type Design,
} from '../../src/lib/health/design/design.ts';
import { startDesign } from '../../src/lib/health/design/start.ts';
import { designYaml } from '../../src/lib/health/design/export-yaml.ts';

const TELECOM = '/work/shared/data/telecom-churn-80.csv';
const num = (xs: number[]): NumericColumn => ({ kind: 'numeric', values: Float64Array.from(xs), invalid: [] });

describe('numeric suggestions', () => {
  it('puts tiers at the quartiles, best first, and reads the direction from churn in the low vs high quarter', () => {
    // 1..100; churn only among the 25 lowest values: higher is better.
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    const outcome = Int8Array.from(values, (v) => (v <= 25 ? 1 : 0));
    const s = suggestNumeric(num(values), outcome)!;
    expect(s.direction).toBe('higher');
    expect(s.evidence.lowRate).toBe(1);
    expect(s.evidence.highRate).toBe(0);
    expect(s.scoring).toEqual({
      kind: 'tiers',
      tiers: [
        { at: 75.3, points: 100 },
        { at: 50.5, points: 67 },
        { at: 25.8, points: 33 },
      ],
      otherwise: 0,
    });
    // The same data with churn among the highest values: lower is better, tiers ascending.
    const up = Int8Array.from(values, (v) => (v > 75 ? 1 : 0));
    const t = suggestNumeric(num(values), up)!;
    expect(t.direction).toBe('lower');
    expect(t.scoring.kind === 'tiers' && t.scoring.tiers.map((x) => x.at)).toEqual([25.8, 50.5, 75.3]);
  });

  it('falls back to a ramp when the quartiles coincide, and gives up on a constant column', () => {
    const values = [...Array(90).fill(0), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const outcome = Int8Array.from(values, (v) => (v === 0 ? 1 : 0));
    expect(quantileTiers(Float64Array.from(values).sort(), 'higher')).toBeNull();
    const s = suggestNumeric(num(values), outcome)!;
    expect(s.method).toBe('linear');
    expect(s.scoring).toEqual({ kind: 'linear', zeroAt: 0, fullAt: 5.05 });
    expect(suggestNumeric(num(Array(50).fill(3)), new Int8Array(50))).toBeNull();
  });

  it('calls the direction unclear when churn barely differs', () => {
    const values = Array.from({ length: 200 }, (_, i) => i);
    const outcome = Int8Array.from(values, (v) => (v % 10 === 0 ? 1 : 0));
    const e = directionEvidence(num(values), outcome);
    expect(e.unclear).toBe(true);
  });

  it('the tiers it suggests always pass the schema (seeded random columns)', () => {
    const rnd = seededRandom(21);
    for (let run = 0; run < 300; run++) {
      const n = 5 + Math.floor(rnd() * 60);
      const scale = [1, 0.001, 1e6][run % 3];
      const xs = Array.from({ length: n }, () => (rnd() < 0.3 ? Math.round(rnd() * 3) : (rnd() - 0.5) * scale));
      const outcome = Int8Array.from(xs, (_, i) => (i % 3 === 0 ? 1 : 0));
      const s = suggestNumeric(num(xs), outcome, { direction: run % 2 ? 'lower' : 'higher' });
      if (s === null) {
        expect(new Set(xs).size).toBe(1);
        continue;
      }
      const m = {
        id: 'x',
        group: 'g',
        label: { en: 'x' },
        input: 'number',
        direction: s.direction,
        weight: 1,
        scoring: s.scoring,
      };
      expect(HealthModel.safeParse(modelWith(m)).success, JSON.stringify(s.scoring)).toBe(true);
    }
  });
});

function modelWith(measure: object) {
  return {
    name: { en: 'x' },
    summary: { en: 'x' },
    touch: 'high',
    version: '1',
    groups: [{ id: 'g', label: { en: 'g' }, weight: 1 }],
    measures: [measure],
    bands: ['a', 'b', 'c'].map((id, i) => ({
      id,
      min: i * 40,
      colour: '#000000',
      label: { en: id },
      meaning: { en: id },
      notify: { en: id },
      cadence: { en: id },
    })),
    missingData: { rule: 'redistribute' },
  };
}

describe('category points', () => {
  it('gives the lowest churn rate 100 points, the highest 0, and pools small categories', () => {
    const rows: string[][] = [];
    const outcome: number[] = [];
    const add = (label: string, n: number, churned: number) => {
      for (let i = 0; i < n; i++) {
        rows.push([label]);
        outcome.push(i < churned ? 1 : 0);
      }
    };
    add('Two year', 100, 5); // 5 %
    add('One year', 100, 15); // 15 %
    add('Month-to-month', 100, 45); // 45 %
    add('Trial', 10, 5); // small: pooled
    add('Legacy', 5, 0); // small: pooled → pooled rate 5/15
    const col = readCategories(rows, 0);
    const s = suggestCategories(col, Int8Array.from(outcome), { minCount: 30 });
    expect(s.pooled).toEqual(['Trial', 'Legacy']);
    expect(s.scoring.points['Two year']).toBe(100);
    expect(s.scoring.points['Month-to-month']).toBe(0);
    expect(s.scoring.points['One year']).toBe(75);
    // Pooled rate 1/3 → (0.45 − 0.333) / 0.4 = 29 points, the same for both small categories.
    expect(s.scoring.points.Trial).toBe(29);
    expect(s.scoring.points.Legacy).toBe(29);
    expect(s.categories.find((c) => c.pooled)).toMatchObject({ count: 15, churned: 5 });
  });

  it('reads labels ignoring case, width and spaces', () => {
    const col = readCategories([['Ｙｅｓ'], [' yes '], ['YES'], ['No']], 0);
    expect(col.labels).toEqual(['Yes', 'No']);
    expect(Array.from(col.codes)).toEqual([0, 0, 0, 1]);
  });
});

/** Synthetic accounts: 3 measures' points (0–100) with known true effects on churn. */
function synthetic(n: number, seed: number, coef = [-3, -1.5, 0]) {
  const rnd = seededRandom(seed);
  const points = coef.map(() => new Float64Array(n));
  const outcome = new Int8Array(n);
  for (let i = 0; i < n; i++) {
    let eta = 0.5;
    coef.forEach((c, j) => {
      const p = Math.round(rnd() * 100);
      points[j][i] = p;
      eta += (c * p) / 100;
    });
    outcome[i] = rnd() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
  }
  return { points, outcome };
}

describe('logistic fit', () => {
  it('recovers the order and sign of known weights', async () => {
    const { points, outcome } = synthetic(6000, 7, [-3, -1.5, 0.8]);
    const rows = Int32Array.from(outcome.keys());
    const fit = await fitLogistic(featureMatrix(points, rows), 3, outcome, rows, { lambda: 1 });
    expect(fit.converged).toBe(true);
    const [, b1, b2, b3] = Array.from(fit.beta);
    expect(b1).toBeLessThan(b2);
    expect(b2).toBeLessThan(0);
    expect(b3).toBeGreaterThan(0);
    expect(b1).toBeCloseTo(-3, 0);
    expect(b2).toBeCloseTo(-1.5, 0);
  });

  it('shrinks coefficients as the penalty grows', async () => {
    const { points, outcome } = synthetic(500, 3);
    const rows = Int32Array.from(outcome.keys());
    const x = featureMatrix(points, rows);
    const weak = await fitLogistic(x, 3, outcome, rows, { lambda: 0.01 });
    const strong = await fitLogistic(x, 3, outcome, rows, { lambda: 1000 });
    expect(Math.abs(strong.beta[1])).toBeLessThan(Math.abs(weak.beta[1]) / 5);
  });

  /** Reference: Newton's method row by row, the Hessian summed as an outer product per row (the designer's first fit). */
  function rowNewton(points: Float64Array[], y: Int8Array, lambda: number): number[] {
    const p = points.length;
    const q = p + 1;
    let beta = new Array<number>(q).fill(0);
    for (let it = 0; it < 100; it++) {
      const g = new Array<number>(q).fill(0);
      const h = Array.from({ length: q }, () => new Array<number>(q).fill(0));
      for (let i = 0; i < y.length; i++) {
        const x = [1, ...points.map((c) => c[i] / 100)];
        const mu = 1 / (1 + Math.exp(-x.reduce((s, v, a) => s + v * beta[a], 0)));
        for (let a = 0; a < q; a++) {
          g[a] += (y[i] - mu) * x[a];
          for (let b = 0; b < q; b++) h[a][b] += mu * (1 - mu) * x[a] * x[b];
        }
      }
      for (let a = 1; a < q; a++) {
        g[a] -= lambda * beta[a];
        h[a][a] += lambda;
      }
      // Gaussian elimination for h·s = g.
      const m = h.map((r, a) => [...r, g[a]]);
      for (let c = 0; c < q; c++)
        for (let r = c + 1; r < q; r++) {
          const f = m[r][c] / m[c][c];
          for (let k = c; k <= q; k++) m[r][k] -= f * m[c][k];
        }
      const step = new Array<number>(q).fill(0);
      for (let r = q - 1; r >= 0; r--)
        step[r] = (m[r][q] - m[r].slice(r + 1, q).reduce((s, v, k) => s + v * step[r + 1 + k], 0)) / m[r][r];
      beta = beta.map((b, a) => b + step[a]);
      if (Math.max(...step.map(Math.abs)) < 1e-10) break;
    }
    return beta;
  }

  it('the column-by-column fit finds the same coefficients as a plain row-by-row Newton fit', async () => {
    const { points, outcome } = synthetic(3000, 11, [-2, 1, -0.5, 0]);
    const rows = Int32Array.from(outcome.keys());
    for (const lambda of [0.1, 1, 30]) {
      const fit = await fitLogistic(featureMatrix(points, rows), 4, outcome, rows, { lambda });
      expect(fit.converged).toBe(true);
      const ref = rowNewton(points, outcome, lambda);
      Array.from(fit.beta).forEach((b, a) => expect(b).toBeCloseTo(ref[a], 6));
    }
  });

  it('from a warm start reaches the same coefficients in fewer steps, and from a hopeless one starts again from zero', async () => {
    const { points, outcome } = synthetic(4000, 5, [-3, -1, 1]);
    const half = Int32Array.from({ length: 2000 }, (_, i) => i);
    const all = Int32Array.from(outcome.keys());
    const prev = await fitLogisticColumns(
      trainingColumns(points, half, outcome).cols,
      trainingColumns(points, half, outcome).y,
    );
    const { cols, y } = trainingColumns(points, all, outcome);
    const cold = await fitLogisticColumns(cols, y);
    const warm = await fitLogisticColumns(cols, y, { start: prev.beta });
    expect(warm.converged).toBe(true);
    expect(warm.iterations).toBeLessThan(cold.iterations);
    Array.from(warm.beta).forEach((b, a) => expect(b).toBeCloseTo(cold.beta[a], 5));
    const wild = await fitLogisticColumns(cols, y, { start: [400, -900, 900, -900] });
    expect(wild.converged).toBe(true);
    Array.from(wild.beta).forEach((b, a) => expect(b).toBeCloseTo(cold.beta[a], 5));
  });

  it('the training columns hold the same numbers as the feature matrix, for the given rows only', () => {
    const points = [Float64Array.of(10, NaN, 30, 50), Float64Array.of(NaN, NaN, 100, 0)];
    const outcome = Int8Array.of(1, 0, 1, 0);
    const rows = Int32Array.of(1, 2, 3);
    const x = featureMatrix(points, rows);
    const t = trainingColumns(points, rows, outcome);
    expect(Array.from(t.y)).toEqual([0, 1, 0]);
    t.cols.forEach((c, j) => expect(Array.from(c)).toEqual(Array.from(rows, (i) => x[i * 2 + j])));
    expect(Array.from(t.cols[0])).toEqual([0.4, 0.3, 0.5]); // the missing value: the mean over these rows (40)
  });
});

describe('cross-validation', () => {
  it('assigns seeded, stratified folds that partition the rows with an outcome', () => {
    const outcome = Int8Array.from({ length: 1000 }, (_, i) => (i % 7 === 0 ? 1 : i % 50 === 1 ? -1 : 0));
    const a = assignFolds(outcome, 5, 42);
    expect(Array.from(assignFolds(outcome, 5, 42))).toEqual(Array.from(a));
    expect(Array.from(assignFolds(outcome, 5, 43))).not.toEqual(Array.from(a));
    for (let i = 0; i < outcome.length; i++) expect(a[i] === -1).toBe(outcome[i] === -1);
    const churnedPer = [0, 1, 2, 3, 4].map((f) => Array.from(a).filter((x, i) => x === f && outcome[i] === 1).length);
    expect(Math.max(...churnedPer) - Math.min(...churnedPer)).toBeLessThanOrEqual(1);
  });

  it('never lets a fold see its test rows: changing the test rows’ outcomes changes neither its scoring nor its fit', async () => {
    const text = readFileSync(TELECOM, 'utf8');
    const csv = parseCsv(text);
    const headers = csv.headers;
    const oc = headers.indexOf('Churn');
    const outcome = readOutcome(csv.rows, oc, ['TRUE']);
    const cols = ['International plan', 'Customer service calls', 'Total day minutes'].map((h) => headers.indexOf(h));
    const d = startDesign({
      headers,
      rows: csv.rows,
      measures: cols.map((col, i) => ({ col, kind: i === 0 ? 'categorical' : 'numeric' })),
      outcome,
      file: 'telecom.csv',
      date: '2026-12-01',
    });
    const folds = assignFolds(outcome, 5, 1);
    const train = Int32Array.from(Array.from(folds.keys()).filter((i) => folds[i] >= 0 && folds[i] !== 0));
    const flipped = outcome.map((o, i) => (folds[i] === 0 ? 1 - o : o)) as Int8Array;
    const a = foldDesign(d, designData(d, csv.rows, outcome), train);
    const b = foldDesign(d, designData(d, csv.rows, flipped), train);
    expect(b.measures.map((m) => m.scoring)).toEqual(a.measures.map((m) => m.scoring));
    const pts = toHealthModel(a).measures.map((m, j) => pointsColumn(m, designData(d, csv.rows, outcome).columns[j]));
    const x = featureMatrix(pts, train);
    const fa = await fitLogistic(x, 3, outcome, train);
    const fb = await fitLogistic(x, 3, flipped, train);
    expect(Array.from(fb.beta)).toEqual(Array.from(fa.beta));
    // …whereas flipping training rows does change the fold's scoring.
    const flippedTrain = outcome.map((o, i) => (folds[i] === 1 ? 1 - o : o)) as Int8Array;
    const c = foldDesign(d, designData(d, csv.rows, flippedTrain), train);
    expect(c.measures.map((m) => m.scoring)).not.toEqual(a.measures.map((m) => m.scoring));
  });

  it('reports out-of-sample AUC for suggested and current weights on the same folds, reproducibly', async () => {
    const text = readFileSync(TELECOM, 'utf8');
    const csv = parseCsv(text);
    const oc = csv.headers.indexOf('Churn');
    const outcome = readOutcome(csv.rows, oc, ['TRUE']);
    const pick = [
      'International plan',
      'Voice mail plan',
      'Customer service calls',
      'Total day minutes',
      'Account length',
    ];
    const d = startDesign({
      headers: csv.headers,
      rows: csv.rows,
      measures: pick.map((h) => ({
        col: csv.headers.indexOf(h),
        kind: h.endsWith('plan') ? 'categorical' : 'numeric',
      })),
      outcome,
      file: 'telecom.csv',
      date: '2026-12-01',
    });
    const data = designData(d, csv.rows, outcome);
    const progress: number[] = [];
    const r = await suggestWeights(d, data, { k: 5, seed: 9 }, (done) => progress.push(done));
    expect(progress).toEqual([1, 2, 3, 4, 5, 6]);
    expect(r.folds).toHaveLength(5);
    expect(r.folds.reduce((s, f) => s + f.test, 0)).toBe(csv.rows.length);
    for (const f of r.folds) expect(f.train + f.test).toBe(csv.rows.length);
    expect(r.suggestedAuc!).toBeGreaterThan(0.7);
    expect(r.suggestedAuc!).toBeGreaterThan(r.currentAuc! - 0.02);
    expect(r.weights.reduce((a, b) => a + b, 0)).toBe(100);
    // Account length barely matters: the smallest weight.
    expect(r.weights[4]).toBe(Math.min(...r.weights));
    const again = await suggestWeights(d, data, { k: 5, seed: 9 });
    expect(again.folds).toEqual(r.folds);
  });
});

describe('AUC confidence interval', () => {
  /** Reference: DeLong's placement values by brute force over every pair. */
  function bruteDelong(pos: number[], neg: number[]) {
    const psi = (x: number, y: number) => (x < y ? 1 : x === y ? 0.5 : 0); // low score = churn
    const v10 = pos.map((x) => neg.reduce((s, y) => s + psi(x, y), 0) / neg.length);
    const v01 = neg.map((y) => pos.reduce((s, x) => s + psi(x, y), 0) / pos.length);
    const auc = v10.reduce((a, b) => a + b, 0) / pos.length;
    const v = (xs: number[]) => xs.reduce((s, x) => s + (x - auc) ** 2, 0) / (xs.length - 1);
    return { auc, se: Math.sqrt(v(v10) / pos.length + v(v01) / neg.length) };
  }

  it('matches the brute-force DeLong computation and the backtest’s AUC, ties included (seeded random cases)', () => {
    const rnd = seededRandom(4);
    const ints = () => Array.from({ length: 2 + Math.floor(rnd() * 40) }, () => Math.floor(rnd() * 21));
    for (let run = 0; run < 150; run++) {
      const pos = ints();
      const neg = ints();
      const ci = delongCi(pos, neg)!;
      const ref = bruteDelong(pos, neg);
      expect(ci.auc).toBeCloseTo(ref.auc, 12);
      expect(ci.se).toBeCloseTo(ref.se, 12);
      const bt = backtestAuc([
        ...pos.map((score) => ({ score, churned: true })),
        ...neg.map((score) => ({ score, churned: false })),
      ]);
      expect(ci.auc).toBeCloseTo(bt!, 12);
      expect(ci.lower).toBeLessThanOrEqual(ci.auc);
      expect(ci.upper).toBeGreaterThanOrEqual(ci.auc);
    }
  });

  it('agrees with a seeded bootstrap on the standard error', () => {
    const rnd = seededRandom(5);
    const pos = Array.from({ length: 150 }, () => Math.round(rnd() * 70));
    const neg = Array.from({ length: 600 }, () => Math.round(30 + rnd() * 70));
    const d = delongCi(pos, neg)!;
    const b = bootstrapCi(pos, neg, { reps: 400, seed: 2 })!;
    expect(Math.abs(b.se - d.se) / d.se).toBeLessThan(0.15);
    expect(bootstrapCi(pos, neg, { reps: 50, seed: 2 })).toEqual(bootstrapCi(pos, neg, { reps: 50, seed: 2 }));
  });
});

describe('data checks', () => {
  const base = (n: number, f: (i: number) => string[]) => Array.from({ length: n }, (_, i) => f(i));
  /** The data issues of a table whose column 0 is the account and column 3 the outcome ("yes" means churned). */
  const issuesOf = (headers: string[], rows: string[][], measures: Parameters<typeof dataIssues>[3]['measures']) =>
    dataIssues(headers, rows, profileColumns(headers, rows), {
      outcome: 3,
      account: 0,
      churnLabels: ['yes'],
      measures,
    });

  it('warns of leakage when a column separates the outcome perfectly (the outcome copied)', () => {
    const headers = ['id', 'usage', 'churn copy', 'churned'];
    const rows = base(200, (i) => [`A${i}`, String(i % 17), i % 5 === 0 ? 'gone' : 'here', i % 5 === 0 ? 'yes' : 'no']);
    const issues = issuesOf(headers, rows, [
      { col: 1, kind: 'numeric' },
      { col: 2, kind: 'categorical' },
    ]);
    expect(issues.filter((x) => x.code === 'leakage').map((x) => x.code === 'leakage' && x.params.header)).toEqual([
      'churn copy',
    ]);
  });

  it('reports one class, few churned, too few rows, constant and mostly empty columns, duplicate ids', () => {
    const headers = ['id', 'flat', 'sparse', 'churned'];
    const rows = base(40, (i) => [`A${i % 35}`, '7', i % 3 === 0 ? String(i) : '', 'no']);
    const codes = issuesOf(headers, rows, [
      { col: 1, kind: 'numeric' },
      { col: 2, kind: 'numeric' },
    ]).map((x) => x.code);
    expect(codes).toEqual(['too-few-rows', 'one-class', 'constant', 'mostly-missing', 'duplicate-ids']);
    const some = base(300, (i) => [`A${i}`, String(i), String(i), i < 10 ? 'yes' : 'no']);
    expect(issuesOf(headers, some, []).map((x) => x.code)).toEqual(['few-churned']);
  });

  it('guesses the outcome, the label meaning churn and the account column', () => {
    const headers = ['顧客ID', 'ログイン数', '解約'];
    const rows = base(100, (i) => [`C${i}`, String(i), i % 4 === 0 ? '解約' : '継続']);
    const g = guessRoles(profileColumns(headers, rows), rows.length);
    expect(g).toEqual({ outcome: 2, account: 0, churnLabels: ['解約'] });
    const tel = parseCsv(readFileSync(TELECOM, 'utf8'));
    const t = guessRoles(profileColumns(tel.headers, tel.rows), tel.rows.length);
    expect(tel.headers[t.outcome!]).toBe('Churn');
    expect(t.churnLabels).toEqual(['TRUE']);
  });

  it('rank AUC equals the backtest AUC', () => {
    const xs = [1, 2, 2, 3, 5, 8];
    const ys = [0, 1, 0, 1, 1, 0];
    expect(
      rankAuc(
        xs.map((x) => -x),
        ys,
      ),
    ).toBeCloseTo(backtestAuc(xs.map((score, i) => ({ score, churned: ys[i] === 1 })))!, 12);
  });

  it('rank AUC is exactly the share of (positive, negative) pairs ordered right, ties counting half (seeded random cases)', () => {
    const rnd = seededRandom(8);
    for (let run = 0; run < 200; run++) {
      const n = 1 + Math.floor(rnd() * 60);
      const xs = Array.from({ length: n }, () => (run % 2 ? Math.floor(rnd() * 6) : rnd() * 10 - 5));
      const ys = xs.map(() => (rnd() < 0.3 ? 1 : 0));
      let pairs = 0,
        right = 0;
      xs.forEach((x, i) =>
        xs.forEach((z, j) => {
          if (ys[i] === 1 && ys[j] === 0) {
            pairs++;
            right += x > z ? 1 : x === z ? 0.5 : 0;
          }
        }),
      );
      expect(rankAuc(xs, ys)).toBe(pairs ? right / pairs : null);
    }
  });
});

describe('data issue severity', () => {
  it('blocks building only where no model can be fitted; leakage is an error that does not block', () => {
    const sev = (i: Parameters<typeof issueSeverity>[0]) => issueSeverity(i);
    expect(sev({ code: 'one-class', params: { churned: 0, renewed: 10 } })).toBe('blocks');
    expect(sev({ code: 'too-few-rows', params: { rows: 5, min: 30 } })).toBe('blocks');
    expect(sev({ code: 'no-churn-label' })).toBe('blocks');
    expect(sev({ code: 'leakage', params: { col: 1, header: 'churn copy', auc: 1 } })).toBe('error');
    expect(sev({ code: 'few-churned', params: { churned: 3, min: 30 } })).toBe('warn');
    expect(sev({ code: 'constant', params: { col: 2, header: 'x' } })).toBe('warn');
    expect(sev({ code: 'mostly-missing', params: { col: 2, header: 'x', missing: 0.7 } })).toBe('warn');
    expect(sev({ code: 'duplicate-ids', params: { col: 0, count: 2, examples: ['a'] } })).toBe('warn');
  });
});

describe('bands from the data', () => {
  it('puts the highest-churn accounts in red with at least the minimum share, and says what each threshold catches', () => {
    const n = 1000;
    const score = Float64Array.from({ length: n }, (_, i) => (i * 100) / n);
    const outcome = Int8Array.from(score, (s) =>
      s < 20 ? Math.round(s * 10) % 2 : Math.round(s * 10) % 20 === 0 ? 1 : 0,
    );
    const s = suggestBands(score, outcome)!;
    expect(s.bands[0]).toEqual({ id: 'red', min: 0 });
    expect(s.bands[1].min).toBe(20);
    expect(s.red.share).toBeGreaterThanOrEqual(0.05);
    // Yellow keeps at least the minimum share (here 1 % of accounts per point), green churns at most half the overall rate.
    expect(s.bands[2].min - s.bands[1].min).toBeGreaterThanOrEqual(5);
    expect(s.bands[2].min).toBe(25);
    const [row] = thresholdTable(score, outcome, [20]);
    expect(row).toMatchObject({ below: 200, churnedBelow: 100, rate: 0.5 });
    expect(s.why.ja).not.toMatch(/[ぁ-んァ-ン一-龯] \d|\d [ぁ-んァ-ン一-龯]/);
  });
});

describe('round trip: designed model → YAML → content check → score.ts', () => {
  it('scores every telecom account exactly as the designer does, and the YAML passes the content check', () => {
    const { text } = decodeBytes(Uint8Array.from(readFileSync(TELECOM)));
    const csv = parseCsv(text);
    const profiles = profileColumns(csv.headers, csv.rows);
    const roles = guessRoles(profiles, csv.rows.length);
    const outcome = readOutcome(csv.rows, roles.outcome!, roles.churnLabels);
    const measureCols = profiles
      .filter((p) => p.col !== roles.outcome && p.header !== 'State' && p.header !== 'Area code')
      .map((p) => ({ col: p.col, kind: p.kind }));
    let d: Design = startDesign({
      headers: csv.headers,
      rows: csv.rows,
      measures: measureCols,
      outcome,
      file: 'telecom-churn-80.csv',
      date: '2026-12-01',
    });
    d = {
      ...d,
      groups: [...d.groups, { id: 'usage', label: { en: 'Usage', ja: '利用' }, weight: 30 }],
      measures: d.measures.map((m, i) => (i % 2 ? { ...m, group: 'usage' } : m)),
    };
    d = applyShares(
      d,
      d.measures.map((_, i) => i + 1),
    );
    d = { ...d, minCoverage: 0.6 };
    const model = toHealthModel(d);
    const data = designData(d, csv.rows, outcome);
    const fast = scoreRowsFast(
      model,
      model.measures.map((m, j) => pointsColumn(m, data.columns[j])),
    );

    const yaml = designYaml(d);
    const parsed = HealthModel.parse(parse(yaml));
    const files = [...readContentFiles(process.cwd()), { path: `content/healthModels/${d.id}.yaml`, text: yaml }];
    const checked = checkContent(files);
    expect(checked.problems).toEqual([]);
    expect(checked.content.healthModels.get(d.id)).toBeDefined();
    expect(parsed.measures.find((m) => m.input === 'category')!.help!.ja).toContain('telecom-churn-80.csv');

    let compared = 0;
    csv.rows.forEach((cells, i) => {
      const values = Object.fromEntries(d.measures.map((m) => [m.id, cells[m.col]]));
      const r = scoreAccount(parsed, values, { asOf: '2026-12-01' });
      expect(r.score ?? NaN).toEqual(fast.score[i]);
      expect(r.coverage).toBeCloseTo(fast.coverage[i], 12);
      compared++;
    });
    expect(compared).toBe(2661);
  });

  it('scores missing values the way score.ts does (redistribution, insufficient data)', () => {
    const headers = ['a', 'b', 'c', 'out'];
    const rnd = seededRandom(11);
    const rows = Array.from({ length: 300 }, (_, i) => [
      rnd() < 0.3 ? '' : String(Math.round(rnd() * 50)),
      rnd() < 0.4 ? '' : ['x', 'y', 'z'][i % 3],
      rnd() < 0.5 ? '' : String(rnd() * 9),
      i % 4 === 0 ? 'yes' : 'no',
    ]);
    const outcome = readOutcome(rows, 3, ['yes']);
    let d = startDesign({
      headers,
      rows,
      measures: [
        { col: 0, kind: 'numeric' },
        { col: 1, kind: 'categorical' },
        { col: 2, kind: 'numeric' },
      ],
      outcome,
      file: 'x.csv',
      date: '2026-12-01',
    });
    d = { ...applyShares(d, [5, 3, 2]), minCoverage: 0.55 };
    const model = HealthModel.parse(parse(designYaml(d)));
    const cols = d.measures.map((m) => readColumn(rows, m.col, m.kind));
    const fast = scoreRowsFast(
      model,
      model.measures.map((m, j) => pointsColumn(m, cols[j])),
    );
    let insufficient = 0;
    rows.forEach((cells, i) => {
      const r = scoreAccount(model, Object.fromEntries(d.measures.map((m) => [m.id, cells[m.col]])));
      if (r.score === null) insufficient++;
      expect(r.score ?? NaN).toEqual(fast.score[i]);
    });
    expect(insufficient).toBeGreaterThan(0);
  });

  it('npm run content:check passes on a copy of the content with the exported YAML added', () => {
    const csv = parseCsv(readFileSync(TELECOM, 'utf8'));
    const outcome = readOutcome(csv.rows, csv.headers.indexOf('Churn'), ['True']);
    const d = startDesign({
      headers: csv.headers,
      rows: csv.rows,
      measures: [
        { col: 3, kind: 'categorical' },
        { col: 19, kind: 'numeric' },
      ],
      outcome,
      file: 'telecom-churn-80.csv',
      date: '2026-12-01',
    });
    const dir = mkdtempSync(join(tmpdir(), 'banso-design-'));
    try {
      cpSync(resolve('content'), join(dir, 'content'), { recursive: true });
      writeFileSync(join(dir, 'content/healthModels', `${d.id}.yaml`), designYaml(d));
      const ok = spawnSync(process.execPath, [resolve('scripts/content-check.ts')], { cwd: dir, encoding: 'utf8' });
      expect(ok.stderr).toBe('');
      expect(ok.status).toBe(0);
      // The check is real: a broken export fails it.
      writeFileSync(
        join(dir, 'content/healthModels', `${d.id}.yaml`),
        designYaml(d).replace('minCoverage: 0.5', 'minCoverage: 5'),
      );
      const bad = spawnSync(process.execPath, [resolve('scripts/content-check.ts')], { cwd: dir, encoding: 'utf8' });
      expect(bad.status).toBe(1);
      expect(bad.stderr).toContain(`${d.id}.yaml`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('reading columns', () => {
  it('lists cells of a numeric column that are not numbers', () => {
    const c = readNumeric([['1'], ['x'], [''], ['1,234']], 0);
    expect(c.invalid).toEqual([1]);
    expect(Array.from(c.values).map((v) => (Number.isNaN(v) ? null : v))).toEqual([1, null, null, 1234]);
  });
});
