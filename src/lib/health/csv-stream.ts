/**
 * Reading a CSV file in chunks so memory stays bounded however long the file is: byte slices of the
 * Blob are decoded with a streaming TextDecoder (a character split between two slices is joined) and
 * fed to papaparse's chunk parser (Papa.ParserHandle with the partial last record carried over to
 * the next chunk, as papaparse's own streamers do). Records come out with the same cells, line
 * numbers and errors as parseCsv gives for the whole text. Pure: Blob, TextDecoder and papaparse only.
 */
import Papa from 'papaparse';
import type { Encoding } from './csv.ts';
import { detectDelimiter } from './csv.ts';
import type { Issue } from './score.ts';

/** Bytes read per slice (default 1 MB). */
export const DEFAULT_CHUNK_BYTES = 1 << 20;
/**
 * Characters gathered before the first parse, so the line ending is guessed (papaparse looks at the
 * first megabyte) and the delimiter read from the same text as when the whole file is parsed at once.
 */
export const SNIFF_CHARS = 1 << 20;

export interface StreamOptions {
  chunkBytes?: number;
  /** Encoding when already known (a second pass over the same file); detected otherwise. */
  encoding?: Encoding;
  /** Characters to gather before the first parse (default SNIFF_CHARS); tests lower it to put chunk boundaries anywhere. */
  sniffChars?: number;
  signal?: AbortSignal;
}

export interface StreamHandlers {
  /** Called once with the header (trimmed cells). */
  onHeader?: (headers: string[]) => void;
  /**
   * Each data record (all-empty records skipped): its cells, its line in the file (header = 1), its
   * index among the data records and the byte offset in the file where its text starts.
   */
  onRecord: (cells: string[], line: number, index: number, byteStart: number) => void;
  /** A parser problem ('quotes' or 'csv'); 'field-count' is reported through onRecord's caller. */
  onError?: (issue: Issue) => void;
  /** After each chunk: bytes read so far, file size, records so far. */
  onChunk?: (bytesRead: number, totalBytes: number, records: number) => void | Promise<void>;
}

export interface StreamSummary {
  encoding: Encoding;
  headers: string[];
  rowCount: number;
  bytes: number;
  /** The delimiter read from the header line. */
  delimiter: string;
  /**
   * Whether the byte offsets given to onRecord are exact. They are counted from the decoded text, so a
   * replacement character (bytes that were not valid in the encoding) leaves them uncertain.
   */
  exactOffsets: boolean;
}

/** Thrown when the signal is aborted between two chunks. */
export class BatchCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'BatchCancelled';
  }
}

const readSlice = async (file: Blob, from: number, to: number): Promise<Uint8Array> =>
  new Uint8Array(await file.slice(from, to).arrayBuffer());

/**
 * The file's encoding as decodeBytes decides it: UTF-8 with a BOM, UTF-8 when every byte sequence is
 * valid, Shift_JIS otherwise. Reads the file slice by slice (nothing kept).
 */
export async function detectEncoding(
  file: Blob,
  chunkBytes = DEFAULT_CHUNK_BYTES,
  signal?: AbortSignal,
): Promise<Encoding> {
  const head = await readSlice(file, 0, 3);
  if (head.length === 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom';
  const dec = new TextDecoder('utf-8', { fatal: true });
  try {
    for (let at = 0; at < file.size; at += chunkBytes) {
      if (signal?.aborted) throw new BatchCancelled();
      dec.decode(await readSlice(file, at, at + chunkBytes), { stream: true });
    }
    dec.decode();
  } catch (e) {
    if (e instanceof BatchCancelled) throw e;
    return 'shift_jis';
  }
  return 'utf-8';
}

const decoderFor = (e: Encoding): TextDecoder => new TextDecoder(e === 'shift_jis' ? 'shift_jis' : 'utf-8');

/** Counts line breaks (CRLF, CR or LF) in s[from, to). */
function countBreaks(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13) {
      n++;
      if (s.charCodeAt(i + 1) === 10 && i + 1 < to) i++;
    }
  }
  return n;
}

/** Bytes a character takes in the file's encoding; -1 when it cannot be told (a replacement character from invalid bytes). */
function byteLength(s: string, from: number, to: number, encoding: Encoding): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (encoding === 'shift_jis') {
      if (c === 0xfffd) return -1;
      // Half-width katakana and U+0080 are one byte in Shift_JIS (as the WHATWG decoder reads them); the rest two.
      n += (c >= 0xff61 && c <= 0xff9f) || c === 0x80 ? 1 : 2;
    } else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdfff)
      n += 2; // each half of a surrogate pair: 4 bytes for the pair
    else if (c === 0xfffd && encoding === 'utf-8-bom') return -1;
    else n += 3;
  }
  return n;
}

/** Whether the text holds a line break that is followed by another character (so CR and CRLF can be told apart). */
const hasCompleteBreak = (s: string): boolean => {
  const i = s.search(/[\r\n]/);
  return i >= 0 && i < s.length - 1;
};

/**
 * Streams the records of a CSV Blob through papaparse in chunks: the same records, line numbers
 * and parser errors as parseCsv on the decoded text. Yields to the caller's onChunk after each
 * chunk (await it to let a worker handle messages); aborting the signal rejects with BatchCancelled.
 */
export async function streamCsv(
  file: Blob,
  handlers: StreamHandlers,
  opts: StreamOptions = {},
): Promise<StreamSummary> {
  const chunkBytes = Math.max(1, opts.chunkBytes ?? DEFAULT_CHUNK_BYTES);
  const sniff = Math.max(1, opts.sniffChars ?? SNIFF_CHARS);
  const encoding = opts.encoding ?? (await detectEncoding(file, chunkBytes, opts.signal));
  const decoder = decoderFor(encoding);
  let headers: string[] | null = null;
  let rowCount = 0;
  let line = 1;
  // Text of the record being parsed and the one before: the line count advances by the breaks between two cursors.
  let aggregate = '';
  let base = 0;
  let prevCursor = 0;
  let pending = '';
  let started = false;
  // Byte offset of the text at prevCursor (after the BOM, which the decoder drops).
  let bytePos = encoding === 'utf-8-bom' ? 3 : 0;
  let exactOffsets = true;
  let delimiter = ',';
  let handle: {
    parse: (input: string, baseIndex: number, ignoreLastRow: boolean) => { meta: { cursor: number } };
  } | null = null;

  const step = (res: Papa.ParseStepResult<string[]>) => {
    const end = res.meta.cursor;
    const cells = res.data;
    for (const e of res.errors)
      handlers.onError?.({
        code: e.type === 'Quotes' ? 'quotes' : 'csv',
        params: { row: line, papa: e.code, message: e.message },
      });
    if (!cells.every((c) => c.trim() === '')) {
      if (headers === null) {
        headers = cells.map((h) => h.trim());
        handlers.onHeader?.(headers);
      } else handlers.onRecord(cells, line, rowCount++, bytePos);
    }
    line += countBreaks(aggregate, prevCursor - base, end - base);
    const bytes = exactOffsets ? byteLength(aggregate, prevCursor - base, end - base, encoding) : 0;
    if (bytes < 0) exactOffsets = false;
    else bytePos += bytes;
    prevCursor = end;
  };

  const parse = (text: string, last: boolean) => {
    if (!handle) {
      const ParserHandle = (
        Papa as unknown as { ParserHandle: new (c: Papa.ParseConfig<string[]>) => NonNullable<typeof handle> }
      ).ParserHandle;
      delimiter = detectDelimiter(text);
      handle = new ParserHandle({ header: false, dynamicTyping: false, skipEmptyLines: false, delimiter, step });
    }
    aggregate += text;
    const res = handle.parse(aggregate, base, !last);
    if (!last) {
      // papaparse stops before the last (maybe incomplete) record: carry it into the next chunk.
      aggregate = aggregate.substring(res.meta.cursor - base);
      base = res.meta.cursor;
    }
  };

  const size = file.size;
  for (let at = 0; at < size; at += chunkBytes) {
    if (opts.signal?.aborted) throw new BatchCancelled();
    const bytes = await readSlice(file, at, at + chunkBytes);
    pending += decoder.decode(bytes, { stream: true });
    const atEnd = at + chunkBytes >= size;
    // A CR at the very end could be half a CRLF: papaparse would then guess CR as the line ending.
    if (!started && !atEnd && (pending.length < sniff || !hasCompleteBreak(pending) || pending.endsWith('\r')))
      continue;
    started = true;
    if (atEnd) break; // the last chunk is parsed below, with what the decoder still holds
    parse(pending, false);
    pending = '';
    await handlers.onChunk?.(at + chunkBytes, size, rowCount);
  }
  if (opts.signal?.aborted) throw new BatchCancelled();
  pending += decoder.decode();
  parse(pending, true);
  await handlers.onChunk?.(size, size, rowCount);
  return { encoding, headers: headers ?? [], rowCount, bytes: size, delimiter, exactOffsets };
}
