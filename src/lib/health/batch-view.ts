/**
 * What the batch-scoring page needs on top of the scoring engine: plain JSON props for the island
 * (one language), checks that a file is a CSV at all, the value-label mapping step, sorting and
 * paging of scored rows, band counts, and the inputs of the plain-words explanation of a backtest.
 * Pure: no DOM. Decoding, parsing, scoring and the backtest itself live in csv.ts / backtest.ts.
 */
import type { HealthModel, Measure } from '../../schemas/health.ts';
import type { ContentSet } from '../content/check.ts';
import { collator, tx, type Locale } from '../../i18n/locales.ts';
import { localePath } from '../urls.ts';
import { bandRanges, weightShares } from './model-shares.ts';
import { categoriesOf, isNumericMeasure, parseInput, round1 } from './score.ts';
import type { InputValue } from './score.ts';
import { parseOutcome } from './backtest.ts';
import type { BacktestResult } from './backtest.ts';
import type { ColumnMapping, ScoredRow, ValueMaps } from './csv.ts';
import type { BatchInput, BatchOutput } from './worker-protocol.ts';
import { foldForMatch } from '../text/fold.ts';

// ---------------------------------------------------------------------------------------------
// Props for the island

export interface BatchBand { id: string; label: string; colour: string; range: string }
export interface BatchMeasure { id: string; label: string; input: Measure['input']; group: string }
export interface BatchModel {
  id: string;
  name: string;
  version: string;
  href: string;
  bands: BatchBand[];
  measures: BatchMeasure[];
  minCoverage: number;
  /** The model for the scoring engine: structure as in the content, prose reduced to the page's language. */
  model: HealthModel;
}
export interface BatchClientData { lang: Locale; models: BatchModel[] }

/**
 * The model the engine needs, without the prose the batch page never shows: help texts and presets
 * are dropped; summary, band texts and override reasons keep only the page's language (under `en`,
 * the one key LText requires). Measure labels keep both languages: guessMapping matches CSV headers
 * against both, whatever the page's language.
 */
export function compactModel(m: HealthModel, lang: Locale): HealthModel {
  const one = (t: { en: string; ja?: string }) => ({ en: tx(t, lang) });
  return {
    ...m,
    summary: one(m.summary),
    name: one(m.name),
    measures: m.measures.map(({ help: _help, unit: _unit, ...x }) => ({ ...x })),
    bands: m.bands.map(({ exit: _exit, ...b }) => ({ ...b, meaning: one(b.meaning), notify: one(b.notify), cadence: one(b.cadence) })),
    overrides: m.overrides.map((o) => ({ ...o, reason: one(o.reason) })),
    presets: [],
  };
}

export function batchClientData(c: Pick<ContentSet, 'healthModels'>, lang: Locale, base = '/'): BatchClientData {
  const models = [...c.healthModels.values()].map(({ id, data: m }) => {
    const ranges = bandRanges(m);
    return {
      id,
      name: tx(m.name, lang),
      version: m.version,
      href: localePath(lang, `/health/${id}/`, base),
      bands: m.bands.map((b, i) => ({ id: b.id, label: tx(b.label, lang), colour: b.colour, range: ranges[i].label })),
      measures: m.measures.map((x) => ({ id: x.id, label: tx(x.label, lang), input: x.input, group: x.group })),
      minCoverage: m.missingData.minCoverage,
      model: compactModel(m, lang),
    };
  });
  // High-touch first: the model most CSMs use.
  models.sort((a, b) => Number(b.model.touch === 'high') - Number(a.model.touch === 'high') || a.id.localeCompare(b.id));
  return { lang, models };
}

// ---------------------------------------------------------------------------------------------
// Files

/** Largest file the page reads (the whole file is held in memory twice while it is parsed). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export type FileProblem =
  | { code: 'empty' }
  | { code: 'too-large'; params: { mb: number; maxMb: number } }
  /** A known binary format: its name (PNG, PDF, ZIP…). */
  | { code: 'binary'; params: { kind: string } }
  /** An Excel workbook rather than a CSV export of it. */
  | { code: 'spreadsheet' }
  | { code: 'not-text' }
  | { code: 'no-columns' }
  | { code: 'no-rows' };

const SIGNATURES: [string, number[]][] = [
  ['PNG', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG', [0xff, 0xd8, 0xff]],
  ['GIF', [0x47, 0x49, 0x46, 0x38]],
  ['PDF', [0x25, 0x50, 0x44, 0x46]],
  ['ZIP', [0x50, 0x4b, 0x03, 0x04]],
  ['GZIP', [0x1f, 0x8b]],
  ['XLS', [0xd0, 0xcf, 0x11, 0xe0]],
  ['RIFF', [0x52, 0x49, 0x46, 0x46]],
  ['SQLite', [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65]],
];

/**
 * Whether the bytes can be a CSV at all, before they are sent to the parser: not empty, not too
 * large, not a known binary format (an .xlsx is a ZIP, an old .xls a compound file), and no NUL
 * bytes or other control characters in the first 64 KB (text files have none; UTF-16 has many NULs).
 */
export function sniffFile(bytes: Uint8Array, name = ''): FileProblem | null {
  if (bytes.length === 0) return { code: 'empty' };
  if (bytes.length > MAX_FILE_BYTES) return { code: 'too-large', params: { mb: Math.ceil(bytes.length / 1048576), maxMb: MAX_FILE_BYTES / 1048576 } };
  for (const [kind, sig] of SIGNATURES) {
    if (sig.every((b, i) => bytes[i] === b)) {
      if ((kind === 'ZIP' && /\.(xls[xmb]|ods|numbers)$/i.test(name)) || kind === 'XLS') return { code: 'spreadsheet' };
      return { code: 'binary', params: { kind } };
    }
  }
  const end = Math.min(bytes.length, 65536);
  let control = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i];
    if (b === 0) return { code: 'not-text' };
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control > 8 ? { code: 'not-text' } : null;
}

/** After parsing: a header with at least one named column and at least one data row. */
export function checkParsed(out: Pick<BatchOutput, 'headers' | 'rowCount'>): FileProblem | null {
  if (out.headers.filter((h) => h !== '').length === 0) return { code: 'no-columns' };
  if (out.rowCount === 0) return { code: 'no-rows' };
  return null;
}

/**
 * Input for the first pass over a new file: decode and parse in the worker, score nothing. The
 * model is given no measures and no columns are mapped, so each row costs next to nothing; the
 * page then guesses the mapping from the headers and reads the distinct labels from the rows.
 */
export function inspectInput(model: HealthModel, bytes: Uint8Array): BatchInput {
  return { model: { ...model, measures: [], overrides: [] }, bytes, mapping: { measures: {}, account: null, outcome: null }, backtest: false, chunkSize: 5000 };
}

/**
 * The worker's answer without what the page never shows — each row's per-measure and per-group
 * breakdown — so the structured clone back to the page stays small (about a third of the bytes).
 * Score, band, coverage, status, overrides and reasons are kept.
 */
export function forPage(out: BatchOutput): BatchOutput {
  return { ...out, scored: out.scored.map((s) => ({ ...s, result: { ...s.result, measures: [], groups: [] } })) };
}

// ---------------------------------------------------------------------------------------------
// Mapping

/** Share (0–1) of the model's weight carried by the mapped measures: below minCoverage every account reads "insufficient data". */
export function mappedCoverage(model: Pick<HealthModel, 'groups' | 'measures'>, mapping: Pick<ColumnMapping, 'measures'>): number {
  const shares = weightShares(model);
  let s = 0;
  for (const id of Object.keys(mapping.measures)) s += shares.get(id) ?? 0;
  return s;
}

/** Columns chosen for more than one of the measures and the outcome (their value maps would clash). */
export function duplicateColumns(mapping: ColumnMapping): number[] {
  const seen = new Map<number, number>();
  for (const col of [...Object.values(mapping.measures), ...(mapping.outcome === null ? [] : [mapping.outcome])]) seen.set(col, (seen.get(col) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([c]) => c).sort((a, b) => a - b);
}

export interface RangeWarning { measure: string; col: number; outside: number; numeric: number; min: number; max: number }

/** Share of a column's numbers outside the measure's range above which the mapping step warns. */
export const OUTSIDE_SHARE_WARNING = 0.1;

/**
 * Mapped numeric columns whose numbers mostly do not fit the measure's range (min–max in the model):
 * the sign of a wrong column or another scale (an account NPS of −100 to +100 mapped to a contact's
 * 0–10 answer). Scoring would not fail on them (they score like the nearest end of the range), so
 * the mapping step says so. Warns when at least OUTSIDE_SHARE_WARNING of the numbers are outside.
 */
export function rangeWarnings(model: Pick<HealthModel, 'measures'>, mapping: Pick<ColumnMapping, 'measures'>, rows: string[][]): RangeWarning[] {
  const out: RangeWarning[] = [];
  for (const m of model.measures) {
    const col = mapping.measures[m.id];
    if (col === undefined || !isNumericMeasure(m) || m.min === undefined || m.max === undefined) continue;
    let numeric = 0;
    let outside = 0;
    for (const cells of rows) {
      const r = parseInput(m, cells[col] ?? '');
      if (!r.ok || typeof r.value !== 'number') continue;
      numeric++;
      if (r.value < m.min || r.value > m.max) outside++;
    }
    if (numeric > 0 && outside / numeric >= OUTSIDE_SHARE_WARNING) out.push({ measure: m.id, col, outside, numeric, min: m.min, max: m.max });
  }
  return out;
}

export interface LabelCount { label: string; count: number }

/**
 * Distinct non-empty labels of a column, most frequent first (ties in order of appearance). Labels
 * that differ only in case, width or surrounding spaces count as one (mapRawValue treats them
 * alike); the first spelling seen is kept. At most `limit`; `more` counts the rest.
 */
export function distinctLabels(rows: string[][], col: number, limit = 50, keep: (label: string) => boolean = () => true): { labels: LabelCount[]; more: number } {
  const byKey = new Map<string, LabelCount & { first: number }>();
  rows.forEach((cells, i) => {
    const raw = cells[col] ?? '';
    if (raw.trim() === '') return;
    const k = foldForMatch(raw);
    const hit = byKey.get(k);
    if (hit) hit.count++;
    else if (keep(raw)) byKey.set(k, { label: raw, count: 1, first: i });
  });
  const all = [...byKey.values()].sort((a, b) => b.count - a.count || a.first - b.first);
  return { labels: all.slice(0, limit).map(({ label, count }) => ({ label, count })), more: Math.max(0, all.length - limit) };
}

/** Choice value meaning "not recognised: leave the cell as it is" (numeric measures: the row is reported). */
export const AS_IS = '';
/** Choice value meaning "no data" (measures) or "leave out of the backtest" (outcome). */
export const NO_DATA = '__none';

export interface ValueStep {
  /** `${col}:${measure id or "outcome"}`: choices stay with the column and what it is mapped to. */
  key: string;
  col: number;
  target: { kind: 'measure'; measure: string; input: Measure['input'] } | { kind: 'outcome' };
  /** The values a label can be mapped to (besides AS_IS and NO_DATA). */
  options: string[];
  labels: (LabelCount & { suggested: string })[];
  more: number;
}

/** What parseInput / parseOutcome make of a label, as a choice value. */
export function suggestValue(target: ValueStep['target'], label: string): string {
  if (target.kind === 'outcome') {
    const o = parseOutcome(label);
    return o.ok ? (o.churned ? 'churned' : 'renewed') : AS_IS;
  }
  const r = parseInput({ id: target.measure, input: target.input }, label);
  return r.ok && r.value !== null ? String(r.value) : AS_IS;
}

/**
 * The value-label step: for each mapped categorical measure (yes/no, sentiment) and the outcome,
 * every distinct label with the value parseInput / parseOutcome would give it; for numeric
 * measures only the labels that are not numbers (such as "N/A" or "Month-to-month"), which can be
 * turned into "no data".
 */
export function valueSteps(model: Pick<HealthModel, 'measures'>, mapping: ColumnMapping, rows: string[][], limit = 50): ValueStep[] {
  const steps: ValueStep[] = [];
  for (const m of model.measures) {
    const col = mapping.measures[m.id];
    if (col === undefined) continue;
    const target = { kind: 'measure' as const, measure: m.id, input: m.input };
    const numeric = isNumericMeasure(m);
    const keep = numeric ? (l: string) => !parseInput(m, l).ok : () => true;
    const { labels, more } = distinctLabels(rows, col, limit, keep);
    if (numeric && labels.length === 0) continue;
    steps.push({ key: `${col}:${m.id}`, col, target, options: categoriesOf(m).map(String), labels: labels.map((l) => ({ ...l, suggested: suggestValue(target, l.label) })), more });
  }
  if (mapping.outcome !== null) {
    const target = { kind: 'outcome' as const };
    const { labels, more } = distinctLabels(rows, mapping.outcome, limit);
    steps.push({ key: `${mapping.outcome}:outcome`, col: mapping.outcome, target, options: ['churned', 'renewed'], labels: labels.map((l) => ({ ...l, suggested: suggestValue(target, l.label) })), more });
  }
  return steps;
}

/** Labels of the steps that are still not understood (AS_IS) after the user's choices. */
export function unresolvedLabels(steps: ValueStep[], choices: Record<string, Record<string, string>>): { key: string; label: string }[] {
  const out: { key: string; label: string }[] = [];
  for (const s of steps) for (const l of s.labels) if ((choices[s.key]?.[l.label] ?? l.suggested) === AS_IS) out.push({ key: s.key, label: l.label });
  return out;
}

/**
 * Value maps for scoreRows from the steps and the user's choices (key → label → choice; a label
 * without a choice keeps its suggestion). AS_IS leaves the cell to the parser; NO_DATA gives null
 * for a measure and an empty outcome (left out of the backtest, listed as "no outcome").
 */
export function buildValueMaps(steps: ValueStep[], choices: Record<string, Record<string, string>>): ValueMaps {
  const maps: ValueMaps = {};
  for (const s of steps) {
    const map: Record<string, InputValue> = {};
    for (const l of s.labels) {
      const c = choices[s.key]?.[l.label] ?? l.suggested;
      if (c === AS_IS) continue;
      map[l.label] = c === NO_DATA ? (s.target.kind === 'outcome' ? '' : null) : c;
    }
    if (Object.keys(map).length > 0) maps[s.col] = map;
  }
  return maps;
}

// ---------------------------------------------------------------------------------------------
// Results table

export type SortKey = 'row' | 'account' | 'score' | 'band' | 'coverage' | 'outcome' | `col:${number}`;
export interface SortState { key: SortKey; dir: 'asc' | 'desc' }

type Key = { kind: 0; n: number } | { kind: 1; s: string } | null;
const NUM_PROBE = { id: 'sort', input: 'number' as const };

/** A cell as a sort key: a number when parseInput reads one ("1,234", "12%", "−8", full-width), else text; empty → null. */
function cellKey(raw: string | null | undefined): Key {
  if (raw === null || raw === undefined || raw.trim() === '') return null;
  const p = parseInput(NUM_PROBE, raw);
  if (p.ok && typeof p.value === 'number') return { kind: 0, n: p.value };
  return { kind: 1, s: raw.trim() };
}

/** Numbers before text, numbers by value, text by the locale's collation; empty cells last in either direction. */
function compareKeys(a: Key, b: Key, coll: Intl.Collator, dir: 1 | -1): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (a.kind !== b.kind) return (a.kind - b.kind) * dir;
  return (a.kind === 0 ? a.n - (b as { n: number }).n : coll.compare(a.s, (b as { s: string }).s)) * dir;
}

/**
 * Sorted copy of the scored rows. Keys: file row, account, score, band (lowest band first, then
 * score), coverage, outcome, or any CSV column (`col:<index>`, cells as in the file). Text sorts by
 * the page language's collation (Japanese: kana order, hiragana = katakana, full-width = half-width);
 * rows without a value go last in both directions; equal keys keep the file order (stable).
 */
export function sortRows(scored: ScoredRow[], rows: string[][], sort: SortState, lang: Locale): ScoredRow[] {
  const coll = collator(lang);
  const dir = sort.dir === 'asc' ? 1 : -1;
  const num = (n: number | null | undefined): Key => (n === null || n === undefined ? null : { kind: 0, n });
  const keyOf = (s: ScoredRow): Key[] => {
    switch (sort.key) {
      case 'row': return [num(s.row)];
      case 'account': return [cellKey(s.accountId)];
      case 'score': return [num(s.result.score)];
      case 'band': return [num(s.result.band?.index), num(s.result.score)];
      case 'coverage': return [num(s.result.coverage)];
      case 'outcome': return [cellKey(s.outcome === null || s.outcome === undefined ? null : String(s.outcome))];
      default: return [cellKey(rows[s.index]?.[Number(sort.key.slice(4))])];
    }
  };
  const keyed = scored.map((s) => ({ s, k: keyOf(s) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < a.k.length; i++) {
      const c = compareKeys(a.k[i], b.k[i], coll, dir);
      if (c !== 0) return c;
    }
    return a.s.index - b.s.index;
  });
  return keyed.map((x) => x.s);
}

/** The next sort state when a column's sort button is pressed: a new column sorts ascending, the same column flips. */
export function nextSort(current: SortState, key: SortKey): SortState {
  return current.key === key ? { key, dir: current.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' };
}

export const PAGE_SIZE = 100;

/** One page of items (page numbers from 1, clamped to the pages there are). `from`/`to` are 1-based and inclusive for display. */
export function pageOf<T>(items: T[], page: number, size = PAGE_SIZE): { items: T[]; page: number; pages: number; from: number; to: number; total: number } {
  const total = items.length;
  const pages = Math.max(1, Math.ceil(total / size));
  const p = Math.min(pages, Math.max(1, Math.floor(page) || 1));
  const start = (p - 1) * size;
  const slice = items.slice(start, start + size);
  return { items: slice, page: p, pages, from: total === 0 ? 0 : start + 1, to: start + slice.length, total };
}

// ---------------------------------------------------------------------------------------------
// Band distribution

export interface BandCount { id: string; index: number; count: number; share: number }
export interface Distribution { bands: BandCount[]; insufficient: number; scored: number; total: number }

/** Accounts per band (after overrides) and with insufficient data; shares are of all scored rows. */
export function bandDistribution(model: Pick<HealthModel, 'bands'>, scored: Pick<ScoredRow, 'result'>[]): Distribution {
  const counts = model.bands.map(() => 0);
  let insufficient = 0;
  for (const s of scored) {
    const b = s.result.band;
    if (b === null || s.result.status === 'insufficient-data') insufficient++;
    else counts[b.index]++;
  }
  const total = scored.length;
  return {
    bands: model.bands.map((b, index) => ({ id: b.id, index, count: counts[index], share: total ? counts[index] / total : 0 })),
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
  bands: { id: string; count: number; churned: number; rate: number | null; /** rate ÷ overall rate */ vsOverall: number | null }[];
  ratio: RatioStory;
  auc: { value: number | null; level: BacktestResult['aucLevel']; /** P(churned scores lower than renewed), in % (1 decimal) */ percent: number | null };
  lowest: { band: string; predicted: number; truePositives: number; precision: number | null; recall: number | null; /** churned accounts in better bands */ missed: number; falseAlarms: number };
  lift: { size: number; churned: number; rate: number | null; lift: number | null; overallRate: number | null };
  /** Rounded for display: ratio and lift to 1 decimal. */
  caveats: ('few-churned' | 'few-renewed' | 'insufficient-data' | 'outcome-errors' | 'single-outcome')[];
  insufficientData: number;
  outcomeErrors: number;
}

/** Everything the page says about a backtest, as numbers (the island words them in the page language). */
export function backtestStory(bt: BacktestResult): BacktestStory {
  const overall = bt.churnRate;
  const bands = bt.bands.map((b) => ({ id: b.id, count: b.count, churned: b.churned, rate: b.rate, vsOverall: b.rate !== null && overall ? b.rate / overall : null }));
  const lo = bt.bands[0];
  const hi = bt.bands[bt.bands.length - 1];
  let ratio: RatioStory;
  if (lo.rate === null || hi.rate === null) ratio = { kind: 'empty', low: lo.id, high: hi.id };
  else if (lo.rate <= hi.rate) ratio = { kind: 'not-higher', low: lo.id, high: hi.id, lowRate: lo.rate, highRate: hi.rate };
  else if (hi.rate === 0) ratio = { kind: 'none-high', low: lo.id, high: hi.id, lowRate: lo.rate, highRate: 0 };
  else ratio = { kind: 'ratio', low: lo.id, high: hi.id, lowRate: lo.rate, highRate: hi.rate, ratio: round1(lo.rate / hi.rate) };
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
    lift: { size: bt.lift.size, churned: bt.lift.churned, rate: bt.lift.rate, lift: bt.lift.lift === null ? null : round1(bt.lift.lift), overallRate: overall },
    caveats,
    insufficientData: bt.insufficientData,
    outcomeErrors: bt.errors.length,
  };
}

// ---------------------------------------------------------------------------------------------
// Number formatting (page language)

/** 0.4123 → "41.2 %" (en) / "41.2%" (ja); null → "—". */

/** Locale number formatting lives in src/lib/text/number.ts; re-exported for the batch page's islands. */
export { formatNumber, formatPercent } from '../text/number.ts';

/** AUC with three decimals, the way the page and its tests show it. */
export function formatAuc(x: number | null): string {
  return x === null ? '—' : x.toFixed(3);
}

/** File name of the export: "accounts.csv" → "accounts-scored-2026-11-24.csv". */
export function scoredFileName(original: string, date: string): string {
  const stem = original.replace(/\.[^.]*$/, '').replace(/[\\/:*?"<>|]+/g, '-').trim() || 'accounts';
  return `${stem}-scored-${date}.csv`;
}
