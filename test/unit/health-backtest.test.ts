import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  auc,
  aucLevel,
  backtest,
  decileLift,
  fromScored,
  parseOutcome,
  rocCurve,
} from '../../src/lib/health/backtest.ts';
import type { BacktestAccount, Sample } from '../../src/lib/health/backtest.ts';
import { bandIndexFor } from '../../src/lib/health/score.ts';
import { decodeBytes, guessMapping, parseCsv, scoreRows } from '../../src/lib/health/csv.ts';
import { loadModel } from '../helpers/health-fixtures.ts';

const high = loadModel('high-touch-health');

const samples = (churned: number[], renewed: number[]): Sample[] => [
  ...churned.map((score) => ({ score, churned: true })),
  ...renewed.map((score) => ({ score, churned: false })),
];

/** Mann–Whitney by brute force: P(churned score < renewed score) + ½ P(tie). */
function mannWhitney(s: Sample[]): number {
  const c = s.filter((x) => x.churned);
  const r = s.filter((x) => !x.churned);
  let sum = 0;
  for (const a of c) for (const b of r) sum += a.score < b.score ? 1 : a.score === b.score ? 0.5 : 0;
  return sum / (c.length * r.length);
}

describe('parseOutcome', () => {
  it('churned labels', () => {
    for (const raw of ['churned', 'Churn', 'YES', 'true', '1', '解約', 'lost', ' Lost ', true, 1])
      expect(parseOutcome(raw)).toEqual({ ok: true, churned: true });
  });
  it('renewed labels', () => {
    for (const raw of ['renewed', 'no', 'False', '0', '更新', '継続', 'retained', false, 0])
      expect(parseOutcome(raw)).toEqual({ ok: true, churned: false });
  });
  it('anything else is an error', () => {
    expect(parseOutcome('maybe')).toEqual({
      ok: false,
      error: { code: 'unknown-outcome', params: { value: 'maybe' } },
    });
    expect(parseOutcome('')).toEqual({ ok: false, error: { code: 'missing-outcome', params: { value: '' } } });
    expect(parseOutcome(null).ok).toBe(false);
    expect(parseOutcome(2).ok).toBe(false);
  });
});

describe('AUC and ROC', () => {
  it('perfect separation → 1, reversed → 0, all tied → 0.5', () => {
    expect(auc(samples([10, 20], [60, 80]))).toBe(1);
    expect(auc(samples([60, 80], [10, 20]))).toBe(0);
    expect(auc(samples([50, 50, 50], [50, 50]))).toBe(0.5);
  });

  it('hand-computed: churned [10, 40], renewed [30, 80] → 0.75 (3 of 4 pairs ordered)', () => {
    const s = samples([10, 40], [30, 80]);
    expect(auc(s)).toBe(0.75);
    expect(rocCurve(s)).toEqual([
      { threshold: null, risk: null, fpr: 0, tpr: 0 },
      { threshold: 10, risk: 90, fpr: 0, tpr: 0.5 },
      { threshold: 30, risk: 70, fpr: 0.5, tpr: 0.5 },
      { threshold: 40, risk: 60, fpr: 0.5, tpr: 1 },
      { threshold: 80, risk: 20, fpr: 1, tpr: 1 },
    ]);
  });

  it('ties count ½ and enter the ROC curve together (diagonal step)', () => {
    // pairs (50,50) ½, (50,60) 1 → 0.75
    const s = samples([50], [50, 60]);
    expect(auc(s)).toBe(0.75);
    expect(rocCurve(s)[1]).toEqual({ threshold: 50, risk: 50, fpr: 0.5, tpr: 1 });
  });

  it('equals the Mann–Whitney probability on random data with many ties', () => {
    let seed = 42;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let k = 0; k < 20; k++) {
      const s: Sample[] = Array.from({ length: 60 }, () => ({
        score: Math.floor(rand() * 12) * 5,
        churned: rand() < 0.3,
      }));
      if (!s.some((x) => x.churned) || s.every((x) => x.churned)) continue;
      expect(auc(s)).toBeCloseTo(mannWhitney(s), 12);
      // ROC is monotone and ends at (1, 1).
      const roc = rocCurve(s);
      expect(roc[roc.length - 1]).toMatchObject({ fpr: 1, tpr: 1 });
      for (let i = 1; i < roc.length; i++) {
        expect(roc[i].fpr).toBeGreaterThanOrEqual(roc[i - 1].fpr);
        expect(roc[i].tpr).toBeGreaterThanOrEqual(roc[i - 1].tpr);
      }
    }
  });

  it('is null without both outcomes', () => {
    expect(auc(samples([10, 20], []))).toBeNull();
    expect(auc([])).toBeNull();
  });

  it('interpretation levels', () => {
    expect([null, 0.3, 0.5, 0.59, 0.6, 0.69, 0.7, 0.79, 0.8, 1].map(aucLevel)).toEqual([
      'not-enough-data',
      'inverse',
      'weak',
      'weak',
      'fair',
      'fair',
      'good',
      'good',
      'strong',
      'strong',
    ]);
  });
});

describe('decile lift', () => {
  it('decile = ceil(10 % of n) lowest scores', () => {
    const mk = (n: number) => Array.from({ length: n }, (_, i) => ({ score: i, churned: i % 3 === 0 }));
    expect(decileLift(mk(20)).size).toBe(2);
    expect(decileLift(mk(21)).size).toBe(3);
    expect(decileLift(mk(30)).size).toBe(3);
    expect(decileLift(mk(5)).size).toBe(1);
  });

  it('ties at the cut count with their average churn, whatever their order', () => {
    // n = 10 → decile of 1; the two lowest scores tie (one churned) → 0.5 expected; overall 2/10 → lift 2.5
    const a = samples([5, 70], [5, 20, 30, 40, 50, 60, 80, 90]);
    const b = [...a].reverse();
    for (const s of [a, b]) expect(decileLift(s)).toEqual({ size: 1, churned: 0.5, rate: 0.5, lift: 2.5 });
  });
});

describe('backtest', () => {
  // 20 accounts in the high-touch bands (red < 50 ≤ yellow < 75 ≤ green).
  const rows: [number, boolean][] = [
    [10, true],
    [20, true],
    [30, false],
    [45, true], // red: 4, 3 churned
    [55, true],
    [60, false],
    [65, false],
    [70, false],
    [72, true], // yellow: 5, 2 churned
    [80, false],
    [82, false],
    [85, false],
    [88, true],
    [90, false],
    [91, false],
    [92, false],
    [95, false],
    [97, false],
    [98, false],
    [99, false], // green: 11, 1 churned
  ];
  const accounts: BacktestAccount[] = rows.map(([score, churned], i) => ({
    row: i + 2,
    score,
    bandIndex: bandIndexFor(high, score),
    outcome: churned ? 'churned' : 'renewed',
  }));

  it('hand-computed churn per band, precision/recall of red, lift, AUC', () => {
    const r = backtest(high, accounts);
    expect(r.n).toBe(20);
    expect(r.churned).toBe(6);
    expect(r.renewed).toBe(14);
    expect(r.churnRate).toBe(0.3);
    expect(r.bands).toEqual([
      { id: 'red', index: 0, count: 4, churned: 3, rate: 0.75 },
      { id: 'yellow', index: 1, count: 5, churned: 2, rate: 0.4 },
      { id: 'green', index: 2, count: 11, churned: 1, rate: 1 / 11 },
    ]);
    // Red as a predictor: precision 3/4, recall 3/6.
    expect(r.lowestBand).toEqual({ id: 'red', predicted: 4, truePositives: 3, precision: 0.75, recall: 0.5 });
    // Riskiest decile = 2 lowest scores (10, 20), both churned: rate 1 ÷ 0.3.
    expect(r.lift.size).toBe(2);
    expect(r.lift.rate).toBe(1);
    expect(r.lift.lift).toBeCloseTo(10 / 3, 12);
    // Pairs where the churned account scores higher than a renewed one:
    // 45 > 30 (1); 55 > 30 (1); 72 > 30,60,65,70 (4); 88 > 30,60,65,70,80,82,85 (7) → 13 of 6·14 = 84.
    expect(r.auc).toBeCloseTo(1 - 13 / 84, 12);
    expect(r.aucLevel).toBe('strong');
    expect(r.roc).toHaveLength(21);
    expect(r.warnings.map((w) => w.code)).toEqual(['few-churned']);
  });

  it('uses the band after overrides, skips insufficient data, lists unreadable outcomes as row errors', () => {
    const extra: BacktestAccount[] = [
      { row: 30, score: 90, bandIndex: 0, outcome: 'churned' }, // green score forced red
      { row: 31, score: null, bandIndex: null, outcome: 'renewed' },
      { row: 32, accountId: 'x', score: 40, bandIndex: 0, outcome: 'perhaps' },
      { row: 33, score: 40, bandIndex: 0, outcome: '' },
    ];
    const r = backtest(high, [...accounts, ...extra]);
    expect(r.n).toBe(21);
    expect(r.bands[0]).toMatchObject({ count: 5, churned: 4 });
    expect(r.insufficientData).toBe(1);
    expect(r.errors).toEqual([
      { row: 32, accountId: 'x', reason: { code: 'unknown-outcome', params: { value: 'perhaps', row: 32 } } },
      { row: 33, accountId: null, reason: { code: 'missing-outcome', params: { value: '', row: 33 } } },
    ]);
  });

  it('empty and one-sided inputs do not divide by zero', () => {
    const none = backtest(high, []);
    expect(none).toMatchObject({
      n: 0,
      churnRate: null,
      auc: null,
      aucLevel: 'not-enough-data',
      lift: { size: 0, lift: null },
    });
    expect(none.lowestBand).toMatchObject({ precision: null, recall: null });
    const renewedOnly = backtest(
      high,
      accounts.filter((a) => a.outcome === 'renewed'),
    );
    expect(renewedOnly.auc).toBeNull();
    expect(renewedOnly.lift.lift).toBeNull();
    expect(renewedOnly.lowestBand.recall).toBeNull();
  });

  it('works on scored CSV rows (Japanese outcome labels)', () => {
    const bytes = new Uint8Array(
      readFileSync(fileURLToPath(new URL('../fixtures/csv/accounts-utf8-bom.csv', import.meta.url))),
    );
    const csv = parseCsv(decodeBytes(bytes).text);
    const { scored } = scoreRows(high, csv, guessMapping(csv.headers, high));
    const r = backtest(high, fromScored(scored));
    // Scores 90.8 更新, 42.4 解約, 71.4 継続, 70.8 解約: churned [42.4, 70.8] vs renewed [90.8, 71.4] → 4 of 4 pairs ordered.
    expect(r.n).toBe(4);
    expect(r.churned).toBe(2);
    expect(r.auc).toBe(1);
    expect(r.bands.map((b) => [b.id, b.count, b.churned])).toEqual([
      ['red', 1, 1],
      ['yellow', 2, 1],
      ['green', 1, 0],
    ]);
  });
});
