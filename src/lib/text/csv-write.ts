/**
 * The one CSV writer for every file the portal exports (team summary, scored health batch): papaparse's
 * `unparse`, UTF-8 with a BOM and CRLF line ends so Excel opens Japanese text correctly.
 *
 * Spreadsheet formula injection: a text cell starting with =, +, -, @, a tab or a carriage return would
 * be read by Excel or Sheets as a formula, so it gets a leading apostrophe (OWASP's advice). A cell that
 * is just a number ("-8", "+1.5", "1,234", "12%") is left alone: a spreadsheet reads it as a number,
 * and the apostrophe would turn the person's data into text.
 */
import Papa from 'papaparse';
import { stripBidiControls } from '../text-direction.ts';

/** Text cells that a spreadsheet would treat as a formula (see above). */
export const FORMULA_START = /^(?![+-]?(?:\d+(?:[.,]\d+)*|\.\d+)(?:e[+-]?\d+)?%?$)[=+\-@\t\r]/i;

export type CsvCell = string | number | null | undefined;

/** Rows (the first is the header) as CSV text: BOM, CRLF after every line, formulas neutralised. */
export function writeCsv(rows: readonly (readonly CsvCell[])[]): string {
  return `\uFEFF${csvLines(rows)}`;
}

/** Rows as CSV lines without the BOM: a later part of a file written in chunks (the first part comes from writeCsv). */
export function csvLines(rows: readonly (readonly CsvCell[])[]): string {
  // Bidi controls are invisible in a spreadsheet and would reorder the cell: removed (lib/text-direction.ts).
  const body = Papa.unparse(
    rows.map((r) =>
      r.map((c) => (c === null || c === undefined ? '' : typeof c === 'string' ? stripBidiControls(c) : c)),
    ),
    {
      newline: '\r\n',
      escapeFormulae: FORMULA_START,
      // Quote what papaparse quotes (delimiter, quote, line break) and any cell with surrounding white space.
      quotes: (v: unknown) => typeof v === 'string' && /^\s|\s$/.test(v),
    },
  );
  return `${body}\r\n`;
}
