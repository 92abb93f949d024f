/**
 * What the batch page says about its results, as numbers: accounts per band, and the inputs of the
 * plain-words explanation of a backtest (the island words them in the page language). Pure.
 */
import type { HealthModel } from '../../schemas/health.ts';
import { round1 } from './score.ts';
import type { BacktestResult } from './backtest.ts';
import type { ScoredRow } from './csv.ts';

export interface BandCount {
  id: string;
  index: number;
  count: number;
  share: number;
}
export interface Distribution {
  bands: BandCount[];
  insufficient: number;
  scored: number;
  total: number;
}

/** Accounts per band (after overrides) and with insufficient data; shares are of all scored rows. */
export function bandDistribution(model: Pick<HealthModel, 'bands'>, scored: Pick<ScoredRow, 'result'>[]): Distribution {
  const counts = model.bands.map(() => 0);
  let insufficient = 0;
  for (const s of scored) {
    const b = s.result.band;
    if (b === null || s.result.status === 'insufficient-data') insufficient++;
    else counts[b.index]++;
  }
  return distributionOf(model, counts, insufficient, scored.length);
}

/** The distribution from counts per band index, the rows with insufficient data and all scored rows. */
export function distributionOf(
  model: Pick<HealthModel, 'bands'>,
  counts: number[],
  insufficient: number,
  total: number,
): Distribution {
  return {
    bands: model.bands.map((b, index) => ({
      id: b.id,
      index,
      count: counts[index],
      share: total ? counts[index] / total : 0,
    })),
    insufficient,
    scored: total - insufficient,
    total,
  };
}

// ---------------------------------------------------------------------------------------------
// Plain-words explanation of a backtest

export type RatioStory =
  /** The lowest band churned `ratio` times as often as the highest. */
  | { kind: 'ratio'; low: string; high: string; lowRate: number; highRate: number; ratio: number }
  /** Nobody in the highest band churned, some in the lowest did. */
  | { kind: 'none-high'; low: string; high: string; lowRate: number; highRate: 0 }
  /** The lowest band churned no more often than the highest: the colours do not separate churn. */
  | { kind: 'not-higher'; low: string; high: string; lowRate: number; highRate: number }
  /** One of the two bands has no accounts. */
  | { kind: 'empty'; low: string; high: string };

export interface BacktestStory {
  n: number;
  churned: number;
  renewed: number;
  overallRate: number | null;
  bands: {
    id: string;
    count: number;
    churned: number;
    rate: number | null /** rate ÷ overall rate */;
    vsOverall: number | null;
  }[];
  ratio: RatioStory;
  auc: {
    value: number | null;
    level: BacktestResult['aucLevel'] /** P(churned scores lower than renewed), in % (1 decimal) */;
    percent: number | null;
  };
  lowest: {
    band: string;
    predicted: number;
    truePositives: number;
    precision: number | null;
    recall: number | null /** churned accounts in better bands */;
    missed: number;
    falseAlarms: number;
  };
  lift: { size: number; churned: number; rate: number | null; lift: number | null; overallRate: number | null };
  /** Rounded for display: ratio and lift to 1 decimal. */
  caveats: ('few-churned' | 'few-renewed' | 'insufficient-data' | 'outcome-errors' | 'single-outcome')[];
  insufficientData: number;
  outcomeErrors: number;
}

/** Everything the page says about a backtest, as numbers (the island words them in the page language). */
export function backtestStory(bt: BacktestResult): BacktestStory {
  const overall = bt.churnRate;
  const bands = bt.bands.map((b) => ({
    id: b.id,
    count: b.count,
    churned: b.churned,
    rate: b.rate,
    vsOverall: b.rate !== null && overall ? b.rate / overall : null,
  }));
  const lo = bt.bands[0];
  const hi = bt.bands[bt.bands.length - 1];
  let ratio: RatioStory;
  if (lo.rate === null || hi.rate === null) ratio = { kind: 'empty', low: lo.id, high: hi.id };
  else if (lo.rate <= hi.rate)
    ratio = { kind: 'not-higher', low: lo.id, high: hi.id, lowRate: lo.rate, highRate: hi.rate };
  else if (hi.rate === 0) ratio = { kind: 'none-high', low: lo.id, high: hi.id, lowRate: lo.rate, highRate: 0 };
  else
    ratio = {
      kind: 'ratio',
      low: lo.id,
      high: hi.id,
      lowRate: lo.rate,
      highRate: hi.rate,
      ratio: round1(lo.rate / hi.rate),
    };
  const caveats: BacktestStory['caveats'] = [];
  if (bt.n > 0 && (bt.churned === 0 || bt.renewed === 0)) caveats.push('single-outcome');
  for (const w of bt.warnings) if (w.code === 'few-churned' || w.code === 'few-renewed') caveats.push(w.code);
  if (bt.insufficientData > 0) caveats.push('insufficient-data');
  if (bt.errors.length > 0) caveats.push('outcome-errors');
  return {
    n: bt.n,
    churned: bt.churned,
    renewed: bt.renewed,
    overallRate: overall,
    bands,
    ratio,
    auc: { value: bt.auc, level: bt.aucLevel, percent: bt.auc === null ? null : round1(bt.auc * 100) },
    lowest: {
      band: bt.lowestBand.id,
      predicted: bt.lowestBand.predicted,
      truePositives: bt.lowestBand.truePositives,
      precision: bt.lowestBand.precision,
      recall: bt.lowestBand.recall,
      missed: bt.churned - bt.lowestBand.truePositives,
      falseAlarms: bt.lowestBand.predicted - bt.lowestBand.truePositives,
    },
    lift: {
      size: bt.lift.size,
      churned: bt.lift.churned,
      rate: bt.lift.rate,
      lift: bt.lift.lift === null ? null : round1(bt.lift.lift),
      overallRate: overall,
    },
    caveats,
    insufficientData: bt.insufficientData,
    outcomeErrors: bt.errors.length,
  };
}
