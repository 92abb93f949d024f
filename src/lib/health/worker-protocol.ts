/**
 * Messages between the page and the health-score Web Worker, and `runBatch`, the pure function the
 * worker calls: decode → parse → map columns → score in chunks → backtest. The worker wrapper itself
 * only forwards messages (it lives elsewhere); everything here is plain data that survives
 * structured cloning.
 */
import type { HealthModel } from '../../schemas/health.ts';
import { backtest, fromScored } from './backtest.ts';
import type { BacktestResult } from './backtest.ts';
import { decodeBytes, guessMapping, parseCsv, scoreRows } from './csv.ts';
import type { BadRow, ColumnMapping, Encoding, ScoredRow, ValueMaps } from './csv.ts';
import type { Issue } from './score.ts';

export interface BatchInput {
  model: HealthModel;
  /** The file's bytes (decoded as UTF-8 or Shift_JIS) … */
  bytes?: Uint8Array | ArrayBuffer;
  /** … or text already decoded. */
  text?: string;
  /** Column mapping; guessed from the headers when absent. */
  mapping?: ColumnMapping;
  valueMaps?: ValueMaps;
  /** Rows scored between two progress reports (default 500). */
  chunkSize?: number;
  /** Run the backtest when an outcome column is mapped (default true). */
  backtest?: boolean;
}

export interface BatchOutput {
  encoding: Encoding | null;
  headers: string[];
  /** Parsed records, cells as in the file (for the scored-CSV export). */
  rows: string[][];
  /** Line number of each parsed record (header = 1), parallel to the rows. */
  rowNumbers: number[];
  rowCount: number;
  mapping: ColumnMapping;
  parseErrors: Issue[];
  scored: ScoredRow[];
  bad: BadRow[];
  /** Null when no outcome column is mapped or the backtest was turned off. */
  backtest: BacktestResult | null;
}

export type WorkerRequest =
  | ({ type: 'run'; id: string } & BatchInput)
  | { type: 'cancel'; id: string };

export type WorkerResponse =
  | { type: 'progress'; id: string; done: number; total: number }
  | { type: 'result'; id: string; output: BatchOutput }
  | { type: 'error'; id: string; error: Issue }
  | { type: 'cancelled'; id: string };

/** Thrown by runBatch when the signal is aborted between chunks. */
export class BatchCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'BatchCancelled';
  }
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Parses, scores and backtests a CSV in chunks. Reports progress (rows done / total) after each
 * chunk and yields to the event loop between chunks so a 'cancel' message can be handled; pass an
 * AbortSignal to stop (rejects with BatchCancelled).
 */
export async function runBatch(
  input: BatchInput,
  onProgress?: (p: { type: 'progress'; done: number; total: number }) => void,
  signal?: AbortSignal,
): Promise<BatchOutput> {
  let encoding: Encoding | null = null;
  let text = input.text ?? '';
  if (input.bytes !== undefined) {
    const bytes = input.bytes instanceof Uint8Array ? input.bytes : new Uint8Array(input.bytes);
    const d = decodeBytes(bytes);
    text = d.text;
    encoding = d.encoding;
  }
  const parsed = parseCsv(text);
  const mapping = input.mapping ?? guessMapping(parsed.headers, input.model);
  const total = parsed.rows.length;
  const chunk = Math.max(1, input.chunkSize ?? 500);
  const scored: ScoredRow[] = [];
  const bad: BadRow[] = [];
  onProgress?.({ type: 'progress', done: 0, total });
  for (let from = 0; from < total; from += chunk) {
    if (signal?.aborted) throw new BatchCancelled();
    const to = Math.min(total, from + chunk);
    const part = scoreRows(input.model, parsed, mapping, input.valueMaps ?? {}, { from, to });
    scored.push(...part.scored);
    bad.push(...part.bad);
    onProgress?.({ type: 'progress', done: to, total });
    if (to < total) await tick();
  }
  if (signal?.aborted) throw new BatchCancelled();
  const bt = mapping.outcome !== null && input.backtest !== false ? backtest(input.model, fromScored(scored)) : null;
  return {
    encoding,
    headers: parsed.headers,
    rows: parsed.rows,
    rowNumbers: parsed.rowNumbers,
    rowCount: total,
    mapping,
    parseErrors: parsed.errors,
    scored,
    bad,
    backtest: bt,
  };
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
