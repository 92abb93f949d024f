/**
 * A CSV file held by column, as the model designer keeps it: each column is a code per row (an
 * Int32Array, transferable between threads) into the column's distinct cells as written in the
 * file. A file of 100,000 rows is then a few typed arrays and the distinct strings, instead of
 * 100,000 row arrays of strings (whose copying and garbage collection would stall the page). The
 * designer's worker builds it (readDesignFile); tests and scripts may pass parsed rows instead
 * (`Table`), read here the same way. Pure.
 */
import { decodeBytes, parseCsv, type Encoding } from '../csv.ts';
import type { Issue } from '../score.ts';

/** One column: `cells[codes[i]]` is row i's cell as in the file ('' for an empty or absent cell). */
export interface FileColumn {
  codes: Int32Array;
  /** Distinct cells, in the order of their first row. */
  cells: string[];
}

export interface ColumnTable {
  rowCount: number;
  /** One per header. */
  columns: FileColumn[];
}

/** What the designer's functions read: a file by column, or its parsed rows (tests, scripts). */
export type Table = ColumnTable | readonly (readonly string[])[];

const isRows = (t: Table): t is readonly (readonly string[])[] => Array.isArray(t);

export const rowCountOf = (t: Table): number => (isRows(t) ? t.length : t.rowCount);

/** Row i's cell in a column. */
export const cellAt = (c: FileColumn, i: number): string => c.cells[c.codes[i]] ?? '';

/** Adds column `col` of rows [from, to) to a column being built (`seen`: its cell → code). */
function addCells(
  rows: readonly (readonly string[])[],
  col: number,
  into: FileColumn,
  seen: Map<string, number>,
  from: number,
  to: number,
): void {
  const { codes, cells } = into;
  for (let i = from; i < to; i++) {
    const raw = rows[i][col] ?? '';
    let c = seen.get(raw);
    if (c === undefined) {
      c = cells.length;
      cells.push(raw);
      seen.set(raw, c);
    }
    codes[i] = c;
  }
}

const emptyColumn = (rows: number): FileColumn => ({ codes: new Int32Array(rows), cells: [] });

/** One column of a table. */
export function columnOf(t: Table, col: number): FileColumn {
  if (!isRows(t)) return t.columns[col] ?? { codes: new Int32Array(t.rowCount), cells: [''] };
  const c = emptyColumn(t.length);
  addCells(t, col, c, new Map(), 0, t.length);
  return c;
}

/** The buffers of a table's columns, to transfer instead of copying. */
export const tableBuffers = (t: ColumnTable): ArrayBuffer[] => t.columns.map((c) => c.codes.buffer as ArrayBuffer);

export interface DesignFileData {
  encoding: Encoding;
  headers: string[];
  table: ColumnTable;
  parseErrors: Issue[];
}

/** Rows turned into columns between two progress reports. */
const CHUNK = 5000;

/**
 * Decodes and parses a CSV and turns it into columns, in chunks: progress (rows done / total) after
 * each, then `between` (which may yield and throw to cancel).
 */
export async function readDesignFile(
  bytes: Uint8Array,
  onProgress: (done: number, total: number) => void,
  between: () => Promise<void>,
): Promise<DesignFileData> {
  const { text, encoding } = decodeBytes(bytes);
  const parsed = parseCsv(text);
  const total = parsed.rows.length;
  const columns = parsed.headers.map(() => emptyColumn(total));
  const seen = columns.map(() => new Map<string, number>());
  onProgress(0, total);
  for (let from = 0; from < total; from += CHUNK) {
    await between();
    const to = Math.min(total, from + CHUNK);
    for (let col = 0; col < columns.length; col++) addCells(parsed.rows, col, columns[col], seen[col], from, to);
    onProgress(to, total);
  }
  await between();
  return { encoding, headers: parsed.headers, table: { rowCount: total, columns }, parseErrors: parsed.errors };
}
