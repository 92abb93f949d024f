/**
 * Whether a file can be a CSV at all, before and after it is parsed: empty, too large, a known
 * binary format or a spreadsheet workbook, control characters; no columns or no rows. Pure.
 */
import type { InspectOutput } from './batch-session.ts';

/** Largest file a page reads whole (the whole file is held in memory twice while it is parsed). */
export const MAX_CSV_BYTES = 50 * 1024 * 1024;
/** Largest file the batch page reads in chunks (its memory grows by about 30 bytes a row, not with the file). */
export const MAX_STREAMED_BYTES = 512 * 1024 * 1024;

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
 * `bytes` may be only the start of the file when `size` gives its length.
 */
export function sniffFile(
  bytes: Uint8Array,
  name = '',
  { size = bytes.length, maxBytes = MAX_CSV_BYTES }: { size?: number; maxBytes?: number } = {},
): FileProblem | null {
  if (size === 0) return { code: 'empty' };
  if (size > maxBytes)
    return { code: 'too-large', params: { mb: Math.ceil(size / 1048576), maxMb: maxBytes / 1048576 } };
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
export function checkParsed(out: Pick<InspectOutput, 'headers' | 'rowCount'>): FileProblem | null {
  if (out.headers.filter((h) => h !== '').length === 0) return { code: 'no-columns' };
  if (out.rowCount === 0) return { code: 'no-rows' };
  return null;
}
