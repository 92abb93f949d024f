/**
 * Model design, step 1: what each CSV column is. Profiles every column (numeric or categorical,
 * missing share, distinct labels, constant), guesses the outcome and account-id columns and which
 * outcome label means churn, reads the columns the user chose into typed arrays, and lists what is
 * wrong with the data (one outcome class, constant or mostly empty columns, duplicate ids, too few
 * rows, a column that separates the outcome perfectly). Pure.
 */
import { parseInput } from '../score.ts';
import { parseOutcome } from '../backtest.ts';
import { ACCOUNT_HEADERS, normaliseHeader, OUTCOME_HEADERS } from '../csv.ts';

import { foldForMatch as fold } from '../../text/fold.ts';
import { columnOf, rowCountOf, type Table } from './file-columns.ts';
export { fold };
const NUM_PROBE = { id: 'probe', input: 'number' as const };

/** A cell as a number (same reading as the scoring engine's numeric inputs), or null when it is empty or not a number. */
export function cellNumber(raw: string | undefined): number | null {
  const r = parseInput(NUM_PROBE, raw ?? '');
  return r.ok && typeof r.value === 'number' ? r.value : null;
}

export type ColumnKind = 'numeric' | 'categorical';

export interface ColumnProfile {
  col: number;
  header: string;
  /** Non-empty cells. */
  present: number;
  /** Share of rows with an empty cell (0–1). */
  missingShare: number;
  /** Non-empty cells that read as numbers. */
  numeric: number;
  kind: ColumnKind;
  /** Distinct non-empty labels (folded: case, width and spaces ignored), counted up to `DISTINCT_LIMIT + 1`. */
  distinct: number;
  /** The most frequent labels, most frequent first (first spelling seen). */
  top: { label: string; count: number }[];
  constant: boolean;
}

export const DISTINCT_LIMIT = 200;
/** A column is read as numeric when at least this share of its non-empty cells are numbers. */
export const NUMERIC_SHARE = 0.9;
/** Columns with fewer distinct numbers than this are offered as categories by default (flags, plan codes). */
export const FEW_NUMBERS = 3;

/** How many rows hold each of a column's distinct cells. */
function rowsPerCell(codes: Int32Array, cells: number): Int32Array {
  const n = new Int32Array(cells);
  for (const c of codes) n[c]++;
  return n;
}

/** Each column's profile, read once per distinct cell (in the order of their first row). */
export function profileColumns(headers: string[], table: Table): ColumnProfile[] {
  const n = rowCountOf(table);
  return headers.map((header, col) => {
    const { codes, cells } = columnOf(table, col);
    const rows = rowsPerCell(codes, cells.length);
    let present = 0;
    let numeric = 0;
    const counts = new Map<string, { label: string; count: number; first: number }>();
    cells.forEach((raw, c) => {
      if (raw.trim() === '') return;
      present += rows[c];
      if (cellNumber(raw) !== null) numeric += rows[c];
      const k = fold(raw);
      const hit = counts.get(k);
      if (hit) hit.count += rows[c];
      else if (counts.size <= DISTINCT_LIMIT) counts.set(k, { label: raw.trim(), count: rows[c], first: c });
    });
    const top = [...counts.values()]
      .sort((a, b) => b.count - a.count || a.first - b.first)
      .slice(0, 12)
      .map(({ label, count }) => ({ label, count }));
    const mostlyNumbers = present > 0 && numeric / present >= NUMERIC_SHARE;
    const kind: ColumnKind = mostlyNumbers && counts.size >= FEW_NUMBERS ? 'numeric' : 'categorical';
    return {
      col,
      header,
      present,
      missingShare: n ? 1 - present / n : 1,
      numeric,
      kind,
      distinct: counts.size,
      top,
      constant: counts.size <= 1,
    };
  });
}

/** The batch page's outcome and account headers, and a few more that exports use. */
const OUTCOME_NAMES = [
  ...OUTCOME_HEADERS,
  ...['cancelled', 'canceled', 'lost', 'retained', '継続'].map(normaliseHeader),
];
const ACCOUNT_NAMES = [...ACCOUNT_HEADERS, ...['phone', 'phone number'].map(normaliseHeader)];

/** Labels that mean churn beyond the backtest's own list (parseOutcome). */
const EXTRA_CHURN = new Set([
  'churn',
  'churned',
  'left',
  'terminated',
  'cancel',
  'cancelled',
  'canceled',
  'lost',
  '解約',
  '解約済',
  '解約済み',
  '退会',
  '離脱',
  'チャーン',
  'あり',
  '有',
  'はい',
  'yes',
  'true',
  '1',
  'y',
]);

/** Whether a label reads as "churned" (true), "renewed" (false) or neither (null). */
export function labelMeansChurn(label: string): boolean | null {
  const o = parseOutcome(label);
  if (o.ok) return o.churned;
  return EXTRA_CHURN.has(fold(label)) ? true : null;
}

export interface Guess {
  outcome: number | null;
  account: number | null;
  /** Labels of the outcome column suggested to mean churn. */
  churnLabels: string[];
}

/**
 * The outcome column: a header that names an outcome, else a two-label column whose labels read as
 * churned / renewed. The account: a header that names an account with (nearly) all labels distinct.
 */
export function guessRoles(profiles: ColumnProfile[], rows: number): Guess {
  const norm = profiles.map((p) => normaliseHeader(p.header));
  const binary = (p: ColumnProfile) => p.distinct === 2;
  let outcome: number | null = null;
  for (const name of OUTCOME_NAMES) {
    const i = norm.findIndex((h, j) => h === name && binary(profiles[j]));
    if (i >= 0) {
      outcome = i;
      break;
    }
  }
  if (outcome === null) {
    const p = profiles.find(
      (x) =>
        binary(x) &&
        x.top.every((t) => labelMeansChurn(t.label) !== null) &&
        new Set(x.top.map((t) => labelMeansChurn(t.label))).size === 2,
    );
    outcome = p ? p.col : null;
  }
  let account: number | null = null;
  for (const name of ACCOUNT_NAMES) {
    const i = norm.findIndex(
      (h, j) => h === name && j !== outcome && profiles[j].distinct > Math.min(DISTINCT_LIMIT, rows * 0.9),
    );
    if (i >= 0) {
      account = i;
      break;
    }
  }
  return { outcome, account, churnLabels: outcome === null ? [] : suggestChurnLabels(profiles[outcome]) };
}

/** Labels of an outcome column that mean churn: those that read as churned; else the rarer of two labels (churn is the minority outcome). */
export function suggestChurnLabels(p: ColumnProfile): string[] {
  const read = p.top.filter((t) => labelMeansChurn(t.label) === true).map((t) => t.label);
  if (read.length > 0 && read.length < p.top.length) return read;
  if (p.top.length === 2) return [p.top[1].label];
  return [];
}

/** Outcome per row: 1 churned, 0 renewed, -1 empty (left out). Every non-empty label not chosen as churn counts as renewed. */
export function readOutcome(table: Table, col: number, churnLabels: string[]): Int8Array {
  const churn = new Set(churnLabels.map(fold));
  const { codes, cells } = columnOf(table, col);
  const ofCell = Int8Array.from(cells, (raw) => (raw.trim() === '' ? -1 : churn.has(fold(raw)) ? 1 : 0));
  const out = new Int8Array(codes.length);
  for (let i = 0; i < codes.length; i++) out[i] = ofCell[codes[i]];
  return out;
}

/** A numeric column: NaN for empty cells and cells that are not numbers (listed in `invalid`). */
export interface NumericColumn {
  kind: 'numeric';
  values: Float64Array;
  invalid: number[];
}
/** A categorical column: a code per row (-1 = empty) into `labels` (first spelling seen; case, width and spaces ignored). */
export interface CategoryColumn {
  kind: 'categorical';
  codes: Int32Array;
  labels: string[];
}
export type ColumnData = NumericColumn | CategoryColumn;

export function readNumeric(table: Table, col: number): NumericColumn {
  const { codes, cells } = columnOf(table, col);
  const ofCell = new Float64Array(cells.length);
  const bad = new Uint8Array(cells.length);
  cells.forEach((raw, c) => {
    const v = raw.trim() === '' ? NaN : cellNumber(raw);
    if (v === null) bad[c] = 1;
    ofCell[c] = v ?? NaN;
  });
  const values = new Float64Array(codes.length);
  const invalid: number[] = [];
  for (let i = 0; i < codes.length; i++) {
    values[i] = ofCell[codes[i]];
    if (bad[codes[i]]) invalid.push(i);
  }
  return { kind: 'numeric', values, invalid };
}

export function readCategories(table: Table, col: number): CategoryColumn {
  const column = columnOf(table, col);
  const labels: string[] = [];
  const byKey = new Map<string, number>();
  const ofCell = Int32Array.from(column.cells, (cell) => {
    const raw = cell.normalize('NFKC').trim();
    if (raw === '') return -1;
    const k = raw.toLowerCase();
    let c = byKey.get(k);
    if (c === undefined) {
      c = labels.length;
      labels.push(raw);
      byKey.set(k, c);
    }
    return c;
  });
  const codes = new Int32Array(column.codes.length);
  for (let i = 0; i < codes.length; i++) codes[i] = ofCell[column.codes[i]];
  return { kind: 'categorical', codes, labels };
}

export const readColumn = (table: Table, col: number, kind: ColumnKind): ColumnData =>
  kind === 'numeric' ? readNumeric(table, col) : readCategories(table, col);

// ---------------------------------------------------------------------------------------------
// What is wrong with the data

/** Fewer rows with a known outcome than this: too few to design anything. */
export const MIN_ROWS = 50;
/** Fewer churned accounts than this: suggestions are not to be trusted. */
export const MIN_CHURNED = 30;
export const MAX_MISSING = 0.5;

export type DataIssue =
  | { code: 'too-few-rows'; params: { rows: number; min: number } }
  | { code: 'one-class'; params: { churned: number; renewed: number } }
  | { code: 'few-churned'; params: { churned: number; min: number } }
  | { code: 'no-churn-label' }
  | { code: 'constant'; params: { col: number; header: string } }
  | { code: 'mostly-missing'; params: { col: number; header: string; missing: number } }
  | { code: 'duplicate-ids'; params: { col: number; count: number; examples: string[] } }
  | { code: 'leakage'; params: { col: number; header: string; auc: number } };

/**
 * How serious a data issue is: 'blocks' means no model can be built from these columns; 'error' is
 * shown as an error but does not stop building (a leaking column: the person decides to drop it);
 * the rest are warnings.
 */
export function issueSeverity(i: DataIssue): 'blocks' | 'error' | 'warn' {
  if (i.code === 'one-class' || i.code === 'too-few-rows' || i.code === 'no-churn-label') return 'blocks';
  return i.code === 'leakage' ? 'error' : 'warn';
}

export function outcomeCounts(outcome: Int8Array): { churned: number; renewed: number; unknown: number } {
  let churned = 0;
  let renewed = 0;
  let unknown = 0;
  for (const o of outcome)
    if (o === 1) churned++;
    else if (o === 0) renewed++;
    else unknown++;
  return { churned, renewed, unknown };
}

/** Account ids that occur more than once (folded), with how many rows are duplicates. */
export function duplicateIds(table: Table, col: number): { count: number; examples: string[] } {
  const { codes, cells } = columnOf(table, col);
  const keys = cells.map((raw) => fold(raw.trim()));
  const seen = new Map<string, number>();
  let count = 0;
  const examples: string[] = [];
  for (const c of codes) {
    const raw = cells[c].trim();
    if (raw === '') continue;
    const k = keys[c];
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    if (n > 1) {
      count++;
      if (n === 2 && examples.length < 5) examples.push(raw);
    }
  }
  return { count, examples };
}

/**
 * How well a column alone separates churned from renewed accounts, as an AUC folded to ≥ 0.5
 * (direction ignored): numbers by their value, categories by their churn rate. 1.0 means one
 * column tells the outcome exactly: the outcome copied into another column, or a column written
 * after the fact (e.g. a cancellation date), which a health score cannot have beforehand.
 */
export function separation(data: ColumnData, outcome: Int8Array): number | null {
  const xs: number[] = [];
  const ys: number[] = [];
  if (data.kind === 'numeric') {
    for (let i = 0; i < outcome.length; i++)
      if (outcome[i] >= 0 && !Number.isNaN(data.values[i])) {
        xs.push(data.values[i]);
        ys.push(outcome[i]);
      }
  } else {
    const churn = new Float64Array(data.labels.length);
    const count = new Float64Array(data.labels.length);
    for (let i = 0; i < outcome.length; i++)
      if (outcome[i] >= 0 && data.codes[i] >= 0) {
        count[data.codes[i]]++;
        churn[data.codes[i]] += outcome[i];
      }
    for (let i = 0; i < outcome.length; i++)
      if (outcome[i] >= 0 && data.codes[i] >= 0) {
        xs.push(churn[data.codes[i]] / count[data.codes[i]]);
        ys.push(outcome[i]);
      }
  }
  const a = rankAuc(xs, ys);
  return a === null ? null : Math.max(a, 1 - a);
}

/** A column separating at least this well is reported as possible leakage. */
export const LEAKAGE_AUC = 0.99;

/**
 * P(x of a positive > x of a negative) + ½ P(tie), from midranks (Mann–Whitney). ys: 1 positive, 0 negative.
 * Null without both classes.
 */
export function rankAuc(xs: ArrayLike<number>, ys: ArrayLike<number>): number | null {
  let m = 0;
  for (let i = 0; i < xs.length; i++) if (ys[i] === 1) m++;
  const pos = new Float64Array(m);
  const neg = new Float64Array(xs.length - m);
  for (let i = 0, a = 0, b = 0; i < xs.length; i++)
    if (ys[i] === 1) pos[a++] = xs[i];
    else neg[b++] = xs[i];
  return groupAuc(pos, neg);
}

/**
 * The same AUC from the two groups' values: both sorted (typed, so natively), then one merge that
 * counts for each positive the negatives below it and half those tied with it (the Mann–Whitney U,
 * a sum of halves, so exact). The arrays are sorted in place. Null unless both have values.
 */
export function groupAuc(pos: Float64Array, neg: Float64Array): number | null {
  const m = pos.length;
  const n = neg.length;
  if (m === 0 || n === 0) return null;
  pos.sort();
  neg.sort();
  let u = 0;
  let below = 0; // negatives < x
  let upTo = 0; // negatives <= x
  for (let i = 0; i < m; i++) {
    const x = pos[i];
    while (below < n && neg[below] < x) below++;
    if (upTo < below) upTo = below;
    while (upTo < n && neg[upTo] <= x) upTo++;
    u += below + (upTo - below) / 2;
  }
  return u / (m * n);
}

export interface Roles {
  outcome: number | null;
  account: number | null;
  churnLabels: string[];
  measures: { col: number; kind: ColumnKind }[];
}

/** Everything wrong with the chosen columns, most serious first. */
export function dataIssues(headers: string[], table: Table, profiles: ColumnProfile[], roles: Roles): DataIssue[] {
  const rowCount = rowCountOf(table);
  const out: DataIssue[] = [];
  if (roles.outcome !== null) {
    if (roles.churnLabels.length === 0) out.push({ code: 'no-churn-label' });
    const oc = readOutcome(table, roles.outcome, roles.churnLabels);
    const { churned, renewed } = outcomeCounts(oc);
    if (churned + renewed < MIN_ROWS)
      out.push({ code: 'too-few-rows', params: { rows: churned + renewed, min: MIN_ROWS } });
    if ((churned === 0 || renewed === 0) && roles.churnLabels.length > 0)
      out.push({ code: 'one-class', params: { churned, renewed } });
    else if (churned > 0 && churned < MIN_CHURNED)
      out.push({ code: 'few-churned', params: { churned, min: MIN_CHURNED } });
    if (churned > 0 && renewed > 0) {
      for (const m of roles.measures) {
        const a = separation(readColumn(table, m.col, m.kind), oc);
        if (a !== null && a >= LEAKAGE_AUC)
          out.push({ code: 'leakage', params: { col: m.col, header: headers[m.col] ?? '', auc: a } });
      }
    }
  } else if (rowCount < MIN_ROWS) out.push({ code: 'too-few-rows', params: { rows: rowCount, min: MIN_ROWS } });
  for (const m of roles.measures) {
    const p = profiles[m.col];
    if (p.constant) out.push({ code: 'constant', params: { col: m.col, header: p.header } });
    else if (p.missingShare > MAX_MISSING)
      out.push({ code: 'mostly-missing', params: { col: m.col, header: p.header, missing: p.missingShare } });
  }
  if (roles.account !== null) {
    const d = duplicateIds(table, roles.account);
    if (d.count > 0)
      out.push({ code: 'duplicate-ids', params: { col: roles.account, count: d.count, examples: d.examples } });
  }
  return out;
}
