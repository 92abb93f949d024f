/**
 * Model design, bands from the data: red / yellow / green thresholds suggested from the scores and
 * outcomes of the file, and for any threshold what it would have caught (share of accounts below
 * it, churned accounts caught, churn rate, lift). Pure.
 */
import { lowestBandOf, type BacktestResult, type BandChurn } from '../backtest.ts';
import { bandOf, type Bilingual, type DesignBand } from './design.ts';

export interface ThresholdRow {
  /** Accounts with a score below `at` are in the band under it. */
  at: number;
  below: number;
  share: number;
  churnedBelow: number;
  /** Share of all churned accounts caught below the threshold (recall). */
  recall: number | null;
  /** Churn rate below the threshold (precision). */
  rate: number | null;
  /** rate ÷ overall churn rate. */
  lift: number | null;
  /** Renewed accounts below the threshold ÷ all renewed (false-alarm rate). */
  falseAlarm: number | null;
}

/**
 * The scored accounts with a known outcome, counted per score value (ascending): scores are rounded
 * to 1 decimal, so a file of any size is at most a few thousand values. What the page keeps of the
 * scores to redraw bands and thresholds without the rows.
 */
export interface ScoreHistogram {
  scores: Float64Array;
  churned: Int32Array;
  renewed: Int32Array;
}

export function scoreHistogram(score: Float64Array, outcome: Int8Array): ScoreHistogram {
  const at = new Map<number, number>();
  const values: number[] = [];
  const ch: number[] = [];
  const re: number[] = [];
  for (let i = 0; i < score.length; i++) {
    const s = score[i];
    if (Number.isNaN(s) || outcome[i] < 0) continue;
    let k = at.get(s);
    if (k === undefined) {
      k = values.length;
      at.set(s, k);
      values.push(s);
      ch.push(0);
      re.push(0);
    }
    if (outcome[i] === 1) ch[k]++;
    else re[k]++;
  }
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
  return {
    scores: Float64Array.from(order, (i) => values[i]),
    churned: Int32Array.from(order, (i) => ch[i]),
    renewed: Int32Array.from(order, (i) => re[i]),
  };
}

const totals = (h: ScoreHistogram) => {
  let n = 0;
  let churned = 0;
  for (let k = 0; k < h.scores.length; k++) {
    n += h.churned[k] + h.renewed[k];
    churned += h.churned[k];
  }
  return { n, churned };
};

/** What a threshold at each of `ats` would have caught, from the score counts. */
export function thresholdTableOf(h: ScoreHistogram, ats: number[]): ThresholdRow[] {
  const { n, churned: totalChurned } = totals(h);
  const renewed = n - totalChurned;
  const overall = n ? totalChurned / n : null;
  return ats.map((at) => {
    let below = 0,
      ch = 0;
    for (let k = 0; k < h.scores.length && h.scores[k] < at; k++) {
      ch += h.churned[k];
      below += h.churned[k] + h.renewed[k];
    }
    const rate = below ? ch / below : null;
    return {
      at,
      below,
      share: n ? below / n : 0,
      churnedBelow: ch,
      recall: totalChurned ? ch / totalChurned : null,
      rate,
      lift: rate !== null && overall ? rate / overall : null,
      falseAlarm: renewed ? (below - ch) / renewed : null,
    };
  });
}

/** What a threshold at each of `ats` would have caught (scores rounded to 1 decimal, as the engine gives them). */
export function thresholdTable(score: Float64Array, outcome: Int8Array, ats: number[]): ThresholdRow[] {
  return thresholdTableOf(scoreHistogram(score, outcome), ats);
}

/** The thresholds the table shows: every tenth point and the bands' own. */
export const tableThresholds = (bands: { min: number }[]): number[] =>
  [...new Set([10, 20, 30, 40, 50, 60, 70, 80, 90, ...bands.slice(1).map((b) => b.min)])]
    .filter((x) => Number.isFinite(x))
    .sort((a, b) => a - b);

/** Churn per band and the lowest band's precision and recall, from the score counts (as the backtest counts them). */
export function bandStats(
  h: ScoreHistogram,
  bands: { id: string; min: number }[],
): { bands: BandChurn[]; lowestBand: BacktestResult['lowestBand'] } {
  const count = bands.map(() => 0);
  const churned = bands.map(() => 0);
  for (let k = 0; k < h.scores.length; k++) {
    const b = bandOf(bands, h.scores[k]);
    count[b] += h.churned[k] + h.renewed[k];
    churned[b] += h.churned[k];
  }
  const out = bands.map((b, index) => ({
    id: b.id,
    index,
    count: count[index],
    churned: churned[index],
    rate: count[index] ? churned[index] / count[index] : null,
  }));
  return { bands: out, lowestBand: lowestBandOf(out[0], totals(h).churned) };
}

/** Smallest share of scored accounts a suggested red or green band holds. */
export const MIN_BAND_SHARE = 0.05;

export interface BandSuggestion {
  bands: DesignBand[];
  red: ThresholdRow;
  green: ThresholdRow;
  why: Bilingual;
}

const pctEn = (x: number | null) => (x === null ? 'n/a' : `${(Math.round(x * 1000) / 10).toFixed(1)} %`);
const pctJa = (x: number | null) => (x === null ? '不明' : `${(Math.round(x * 1000) / 10).toFixed(1)}%`);

/**
 * Red: the threshold (whole points) that best separates churned from renewed accounts below it
 * (largest recall − false-alarm rate, Youden's J), holding between minShare and half of the
 * accounts. Green: above red, the threshold where the accounts at or above it are most clearly the
 * renewing ones (the same J read from the top), holding at least minShare. Null without both
 * outcomes or when no threshold fits.
 */
export function suggestBands(
  score: Float64Array,
  outcome: Int8Array,
  minShare = MIN_BAND_SHARE,
): BandSuggestion | null {
  return suggestBandsFrom(scoreHistogram(score, outcome), minShare);
}

/** suggestBands from the score counts. */
export function suggestBandsFrom(h: ScoreHistogram, minShare = MIN_BAND_SHARE): BandSuggestion | null {
  const ats = Array.from({ length: 99 }, (_, i) => i + 1);
  const table = thresholdTableOf(h, ats);
  const ok = table.filter((r) => r.recall !== null && r.falseAlarm !== null);
  if (ok.length === 0) return null;
  const j = (r: ThresholdRow) => (r.recall ?? 0) - (r.falseAlarm ?? 0);
  let red: ThresholdRow | null = null;
  for (const r of ok) if (r.share >= minShare && r.share <= 0.5 && (red === null || j(r) > j(red) + 1e-12)) red = r;
  if (!red) red = ok.find((r) => r.share >= minShare) ?? null;
  if (!red) return null;
  // Green: the lowest threshold above red, leaving yellow at least minShare, whose accounts at or
  // above it churn at most half as often as all accounts; else the one with the least churn above it.
  const all = thresholdTableOf(h, [Infinity])[0];
  const overallRate = all.rate ?? 0;
  const above = (r: ThresholdRow) => {
    const n = all.below - r.below;
    return { share: 1 - r.share, rate: n > 0 ? (all.churnedBelow - r.churnedBelow) / n : null };
  };
  const cands = ok.filter(
    (r) => r.at > red!.at && r.share - red!.share >= minShare - 1e-9 && above(r).share >= minShare - 1e-9,
  );
  let green: ThresholdRow | null =
    cands.find((r) => {
      const a = above(r);
      return a.rate !== null && a.rate <= overallRate / 2;
    }) ?? null;
  if (!green)
    for (const r of cands) {
      const a = above(r).rate;
      if (a !== null && (green === null || a < (above(green).rate ?? 1) - 1e-12)) green = r;
    }
  if (!green) {
    const at = Math.min(99, Math.max(red.at + 2, Math.round((red.at + 100) / 2)));
    green = table[at - 1];
  }
  if (green.at <= red.at) return null;
  const overall = all.rate;
  const g = above(green);
  const why: Bilingual = {
    en: `The red threshold (below ${red.at}) was chosen from the data as the cut that best separated churned from renewed accounts: it held ${pctEn(red.share)} of the accounts and caught ${pctEn(red.recall)} of those that churned, with a churn rate of ${pctEn(red.rate)}${overall !== null ? ` against ${pctEn(overall)} overall` : ''}. Green (${green.at} and above) holds ${pctEn(g.share)} of the accounts, which churned at ${pctEn(g.rate)}.`,
    ja: `レッドのしきい値（${red.at}点未満）は、データ上で解約した顧客と更新した顧客を最もよく分ける点として選びました。顧客の${pctJa(red.share)}がこのバンドに入り、解約した顧客の${pctJa(red.recall)}を捉え、解約率は${pctJa(red.rate)}${overall !== null ? `（全体は${pctJa(overall)}）` : ''}でした。グリーン（${green.at}点以上）には顧客の${pctJa(g.share)}が入り、解約率は${pctJa(g.rate)}でした。`,
  };
  return {
    bands: [
      { id: 'red', min: 0 },
      { id: 'yellow', min: red.at },
      { id: 'green', min: green.at },
    ],
    red,
    green,
    why,
  };
}

/**
 * At most `max` points of a ROC curve for drawing and its table: the first and last points and
 * evenly spaced ones between (a curve of thousands of thresholds draws the same with a few hundred).
 */
export function thinRoc<T>(roc: T[], max: number): T[] {
  if (roc.length <= max) return roc;
  const out: T[] = [];
  const step = (roc.length - 1) / (max - 1);
  for (let i = 0; i < max; i++) out.push(roc[Math.round(i * step)]);
  return out;
}
