/**
 * CSV import for the health score: decoding (UTF-8 with/without BOM, Shift_JIS from Japanese
 * Excel), parsing with papaparse, guessing which column is which measure, scoring the rows and
 * exporting the scored CSV. Pure: no DOM, usable in a Web Worker.
 */
import Papa from 'papaparse';
import type { HealthModel } from '../../schemas/health.ts';
import { coerceValue, parseInput, round1, scoreAccount } from './score.ts';
import type { InputValue, Issue, ValueParseResult, ScoreOptions, ScoreResult } from './score.ts';
import { foldForMatch } from '../text/fold.ts';
import { writeCsv } from '../text/csv-write.ts';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'shift_jis';

/** Decodes file bytes: UTF-8 (BOM stripped) when valid, otherwise Shift_JIS. */
export function decodeBytes(bytes: Uint8Array): { text: string; encoding: Encoding } {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (bom) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('shift_jis').decode(bytes), encoding: 'shift_jis' };
  }
}

export interface ParsedCsv {
  headers: string[];
  /** Data records, cells exactly as in the file (no trimming, no typing). */
  rows: string[][];
  /** For each record in `rows`, the line of the file where it starts (the header is line 1). */
  rowNumbers: number[];
  /** { code, params: { row, … } }: 'field-count' (row has a different number of cells than the header), 'quotes', 'csv'. */
  errors: Issue[];
}

/** The delimiter used in the header line (outside quotes): the most frequent of comma, tab and semicolon; comma when none. */
export function detectDelimiter(text: string): ',' | '\t' | ';' {
  const counts = { ',': 0, '\t': 0, ';': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (ch === ',' || ch === '\t' || ch === ';')) counts[ch]++;
  }
  return counts['\t'] > counts[','] && counts['\t'] >= counts[';'] ? '\t' : counts[';'] > counts[','] ? ';' : ',';
}

const countBreaks = (s: string): number => (s.match(/\r\n|\r|\n/g) ?? []).length;

/**
 * Parses CSV text: first record = header; quoted fields may hold commas, quotes and newlines; CRLF,
 * LF or CR line ends; records whose cells are all empty are skipped. The delimiter is read from the
 * header line: comma, tab (Excel "Unicode text") or semicolon.
 */
export function parseCsv(text: string): ParsedCsv {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: { cells: string[]; line: number }[] = [];
  const errors: Issue[] = [];
  let prevCursor = 0;
  let line = 1;
  Papa.parse<string[]>(src, {
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    delimiter: detectDelimiter(src),
    step: (res) => {
      const start = prevCursor;
      const end = res.meta.cursor;
      // The record starts at the previous cursor; count the line breaks before it.
      const cells = res.data;
      for (const e of res.errors) {
        errors.push({
          code: e.type === 'Quotes' ? 'quotes' : 'csv',
          params: { row: line, papa: e.code, message: e.message },
        });
      }
      if (!cells.every((c) => c.trim() === '')) records.push({ cells, line });
      line += countBreaks(src.slice(start, end));
      prevCursor = end;
    },
  });
  const [head, ...rest] = records;
  const headers = head ? head.cells.map((h) => h.trim()) : [];
  const rows = rest.map((r) => r.cells);
  const rowNumbers = rest.map((r) => r.line);
  rest.forEach((r) => {
    if (r.cells.length !== headers.length)
      errors.push({ code: 'field-count', params: { row: r.line, expected: headers.length, actual: r.cells.length } });
  });
  return { headers, rows, rowNumbers, errors };
}

/** Header normalisation: NFKC (full-width → half-width), lower-case, trim, spaces/underscores/hyphens collapsed to one space. */
export function normaliseHeader(h: string): string {
  return foldForMatch(h)
    .replace(/[\s_\-\u2010-\u2015]+/g, ' ')
    .trim();
}
/** The header without a trailing unit in brackets: "ライセンス利用率(%)" → "ライセンス利用率". */
const withoutUnit = (n: string): string => n.replace(/\s*[([][^()[\]]*[)\]]\s*$/, '').trim();

export interface ColumnMapping {
  /** Column index for each mapped measure id. */
  measures: Record<string, number>;
  /** Column holding the account id or name. */
  account: number | null;
  /** Column holding the renewal outcome (churned / renewed). */
  outcome: number | null;
}

/** Headers that name the account id or name column, in the order they are preferred (normalised). */
export const ACCOUNT_HEADERS = [
  'account id',
  'accountid',
  'account',
  'account name',
  'customer id',
  'customer',
  'customer name',
  'company',
  'company name',
  'id',
  'name',
  'アカウントid',
  'アカウント',
  'アカウント名',
  '顧客id',
  '顧客',
  '顧客名',
  '会社名',
  '企業名',
  '取引先',
  '取引先名',
  '取引先id',
].map(normaliseHeader);
/** Headers that name the renewal outcome column, in the order they are preferred (normalised). */
export const OUTCOME_HEADERS = [
  'churned',
  'churn',
  'outcome',
  'renewed',
  'renewal',
  'renewal outcome',
  'status',
  'result',
  '解約',
  '解約有無',
  'チャーン',
  '更新',
  '更新有無',
  '更新結果',
  '結果',
  '契約状況',
].map(normaliseHeader);

/**
 * Guesses which column holds which measure (matching the normalised header against the measure id,
 * its English and Japanese labels and its csvAliases; a trailing unit in brackets is ignored), plus
 * the account and outcome columns. Each column and each measure is used at most once, first match wins.
 */
export function guessMapping(headers: string[], model: Pick<HealthModel, 'measures'>): ColumnMapping {
  const names = new Map<string, string>();
  for (const m of model.measures) {
    for (const n of [m.id, m.label.en, m.label.ja, ...(m.csvAliases ?? [])]) {
      if (!n) continue;
      const k = normaliseHeader(n);
      if (!names.has(k)) names.set(k, m.id);
    }
  }
  const mapping: ColumnMapping = { measures: {}, account: null, outcome: null };
  const used = new Set<number>();
  const norm = headers.map(normaliseHeader);
  for (const pass of [(s: string) => s, withoutUnit]) {
    norm.forEach((h, i) => {
      if (used.has(i)) return;
      const id = names.get(pass(h));
      if (id && mapping.measures[id] === undefined) {
        mapping.measures[id] = i;
        used.add(i);
      }
    });
  }
  const pick = (list: string[]): number | null => {
    for (const want of list) {
      const i = norm.findIndex((h, j) => !used.has(j) && (h === want || withoutUnit(h) === want));
      if (i >= 0) {
        used.add(i);
        return i;
      }
    }
    return null;
  };
  mapping.account = pick(ACCOUNT_HEADERS);
  mapping.outcome = pick(OUTCOME_HEADERS);
  return mapping;
}

/** Per column index: raw cell label → value to use instead (e.g. "Month-to-month" → 30, "Yes" → true). */
export type ValueMaps = Record<number, Record<string, InputValue>>;

/** Looks a raw cell up in a column's value map: exact label first, then ignoring case, width and surrounding spaces. */
export function mapRawValue(
  map: Record<string, InputValue> | undefined,
  raw: string,
): { found: true; value: InputValue } | { found: false } {
  if (!map) return { found: false };
  if (Object.hasOwn(map, raw)) return { found: true, value: map[raw] };
  const n = foldForMatch(raw);
  for (const [k, v] of Object.entries(map)) if (foldForMatch(k) === n) return { found: true, value: v };
  return { found: false };
}

export interface ScoredRow {
  /** Line number in the file (header = 1). */
  row: number;
  /** Index of the record in the parsed rows. */
  index: number;
  accountId: string | null;
  /** Raw outcome cell after the value map (undefined when no outcome column is mapped). */
  outcome?: InputValue;
  values: Record<string, InputValue>;
  result: ScoreResult;
  /**
   * Numbers outside their measure's range (min–max in the model): scored like the nearest end of the
   * range, and reported per row ({ code: 'out-of-range', params: { row, column, header, measure, value, min, max } }).
   */
  warnings?: Issue[];
}
export interface BadRow {
  row: number;
  index: number;
  accountId: string | null;
  /** The first problem of the row ({ code, params: { row, column, header, measure, value } }). */
  reason: Issue;
  /** Every problem of the row. */
  reasons: Issue[];
}

/** Parses one cell for a measure, applying the column's value map first. */
function cellValue(
  model: HealthModel,
  measureId: string,
  raw: string,
  map: Record<string, InputValue> | undefined,
): ValueParseResult {
  const m = model.measures.find((x) => x.id === measureId)!;
  const mapped = mapRawValue(map, raw);
  return mapped.found ? coerceValue(m, mapped.value) : parseInput(m, raw);
}

/**
 * Scores every row. A row with a bad cell (a value its measure cannot take) is listed in `bad`
 * with its line number and reason; the other rows are still scored. `table` is either parseCsv's
 * result (line numbers as in the file) or plain rows (line numbers assumed to be index + 2).
 */
export function scoreRows(
  model: HealthModel,
  table: (Pick<ParsedCsv, 'rows'> & Partial<Pick<ParsedCsv, 'rowNumbers' | 'headers'>>) | string[][],
  mapping: ColumnMapping,
  valueMaps: ValueMaps = {},
  opts: Pick<ScoreOptions, 'asOf'> & { from?: number; to?: number } = {},
): { scored: ScoredRow[]; bad: BadRow[] } {
  const rows = Array.isArray(table) ? table : table.rows;
  const rowNumbers = Array.isArray(table) ? undefined : table.rowNumbers;
  const headers = Array.isArray(table) ? undefined : table.headers;
  const known = new Set(model.measures.map((m) => m.id));
  const scored: ScoredRow[] = [];
  const bad: BadRow[] = [];
  const end = Math.min(rows.length, opts.to ?? rows.length);
  for (let i = opts.from ?? 0; i < end; i++) {
    const cells = rows[i];
    const row = rowNumbers?.[i] ?? i + 2;
    const accountId = mapping.account === null ? null : (cells[mapping.account] ?? '').trim() || null;
    const values: Record<string, InputValue> = {};
    const problems: Issue[] = [];
    for (const [measure, col] of Object.entries(mapping.measures)) {
      if (!known.has(measure)) {
        problems.push({ code: 'unknown-measure', params: { row, measure } });
        continue;
      }
      const raw = cells[col] ?? '';
      const r = cellValue(model, measure, raw, valueMaps[col]);
      if (r.ok) values[measure] = r.value;
      else
        problems.push({
          code: r.error.code,
          params: { ...r.error.params, row, column: col, header: headers?.[col] ?? null },
        });
    }
    if (problems.length > 0) {
      bad.push({ row, index: i, accountId, reason: problems[0], reasons: problems });
      continue;
    }
    const item: ScoredRow = {
      row,
      index: i,
      accountId,
      values,
      result: scoreAccount(model, values, { asOf: opts.asOf }),
    };
    const warnings: Issue[] = [];
    for (const [measure, col] of Object.entries(mapping.measures)) {
      const m = model.measures.find((x) => x.id === measure);
      const v = values[measure];
      if (!m || typeof v !== 'number' || !('min' in m) || typeof m.min !== 'number' || typeof m.max !== 'number')
        continue;
      if (v < m.min || v > m.max)
        warnings.push({
          code: 'out-of-range',
          params: {
            row,
            column: col,
            header: headers?.[col] ?? null,
            measure,
            value: (cells[col] ?? '').trim(),
            min: m.min,
            max: m.max,
          },
        });
    }
    if (warnings.length) item.warnings = warnings;
    if (mapping.outcome !== null) {
      const raw = cells[mapping.outcome] ?? '';
      const mapped = mapRawValue(valueMaps[mapping.outcome], raw);
      item.outcome = mapped.found ? mapped.value : raw;
    }
    scored.push(item);
  }
  return { scored, bad };
}

export interface ScoredCsvOptions {
  /** Header names of the added columns. */
  labels?: { score?: string; band?: string; coverage?: string; status?: string; warnings?: string };
  /** Text written for a band (default: its id). */
  bandLabel?: (bandId: string) => string;
  /** Text written for a row warning (default: "<header>: <value> outside <min>–<max>"). */
  warningText?: (w: Issue) => string;
}

/**
 * The original columns plus score, band, coverage (% of the weight with data, 1 decimal), status
 * ('ok', 'insufficient-data' or the reason code of a bad row) and warnings (values outside their
 * measure's range, scored like the nearest end), in the original row order.
 * Written by the shared CSV writer (src/lib/text/csv-write.ts): BOM, CRLF, formulas neutralised.
 */
export function toScoredCsv(
  table: Pick<ParsedCsv, 'headers' | 'rows'>,
  result: { scored: Pick<ScoredRow, 'index' | 'result' | 'warnings'>[]; bad: Pick<BadRow, 'index' | 'reason'>[] },
  opts: ScoredCsvOptions = {},
): string {
  const byIndex = new Map(result.scored.map((s) => [s.index, s]));
  const badByIndex = new Map<number, Issue>(result.bad.map((b) => [b.index, b.reason]));
  const w = scoredCsvWriter(table.headers, opts);
  return writeCsv([
    w.header,
    ...table.rows.map((cells, i) => w.line(cells, byIndex.get(i) ?? null, badByIndex.get(i) ?? null)),
  ]);
}

/** The header and the line of each row of the scored CSV, for toScoredCsv and for a file written in chunks. */
export function scoredCsvWriter(headers: string[], opts: ScoredCsvOptions = {}) {
  const l = {
    score: 'score',
    band: 'band',
    coverage: 'coverage (%)',
    status: 'status',
    warnings: 'warnings',
    ...opts.labels,
  };
  const warn =
    opts.warningText ??
    ((w: Issue) =>
      `${String(w.params.header ?? `#${Number(w.params.column) + 1}`)}: ${String(w.params.value)} outside ${String(w.params.min)}–${String(w.params.max)}`);
  const width = headers.length;
  return {
    header: [...headers, l.score, l.band, l.coverage, l.status, l.warnings],
    line(cells: string[], scored: Pick<ScoredRow, 'result' | 'warnings'> | null, bad: Issue | null): string[] {
      // Cells beyond the header (reported by parseCsv as 'field-count') are left out; short rows are padded.
      const padded = Array.from({ length: width }, (_, j) => cells[j] ?? '');
      if (!scored) return [...padded, '', '', '', bad ? bad.code : '', ''];
      const r = scored.result;
      const band = r.band ? (opts.bandLabel ? opts.bandLabel(r.band.id) : r.band.id) : '';
      return [
        ...padded,
        r.score === null ? '' : r.score.toFixed(1),
        band,
        round1(r.coverage * 100).toFixed(1),
        r.status,
        (scored.warnings ?? []).map(warn).join('; '),
      ];
    },
  };
}

/** File name of the export: "accounts.csv" → "accounts-scored-2026-11-24.csv". */
export function scoredFileName(original: string, date: string): string {
  const stem =
    original
      .replace(/\.[^.]*$/, '')
      .replace(/[\\/:*?"<>|]+/g, '-')
      .trim() || 'accounts';
  return `${stem}-scored-${date}.csv`;
}
