/**
 * Messages between the page and the health-score Web Worker, and BatchService, what the worker does
 * with them: read a file in chunks (inspect), score it into compact arrays kept in the worker
 * (score), serve the results table a page at a time (page), write the scored CSV (export). The
 * worker wrapper itself only forwards messages; everything here is plain data that survives
 * structured cloning. `runBatch` is the same scoring over a whole text held in memory (the model
 * designer's files; tests and the bench compare the two).
 */
import type { HealthModel } from '../../schemas/health.ts';
import { backtest, fromScored } from './backtest.ts';
import type { BacktestResult } from './backtest.ts';
import { decodeBytes, guessMapping, parseCsv, scoreRows } from './csv.ts';
import type { BadRow, ColumnMapping, Encoding, ScoredRow, ValueMaps } from './csv.ts';
import type { Issue } from './score.ts';
import type { Locale } from '../../i18n/locales.ts';
import { BatchCancelled } from './csv-stream.ts';
import {
  BatchRun,
  inspectFile,
  type BatchSummary,
  type ExportOptions,
  type InspectOutput,
  type PageResult,
  type BatchProgress,
  type ScoreInput,
  type StreamRunOptions,
} from './batch-session.ts';
import type { ResultColumn } from './results-table.ts';
import type { SortState } from '../table-sort.ts';

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

/** What the page asks the worker (each with an id its answers carry). */
export type BatchTask =
  | { type: 'inspect'; file: Blob }
  | { type: 'score'; file: Blob; input: ScoreInput }
  | { type: 'page'; run: string; sort: SortState<ResultColumn>; page: number; lang: Locale }
  | { type: 'export'; run: string; options: ExportOptions }
  | { type: 'release'; run: string };

/** The answer to each task. */
export interface BatchAnswers {
  inspect: InspectOutput;
  score: { run: string; summary: BatchSummary };
  page: PageResult;
  export: Blob;
  release: null;
}

/** The tasks work on a File in chunks (BatchService). */
export type WorkerRequest = (BatchTask & { id: string }) | { type: 'cancel'; id: string };

export type WorkerResponse =
  | ({ type: 'task-progress'; id: string } & BatchProgress)
  | { type: 'answer'; id: string; value: BatchAnswers[BatchTask['type']] }
  | { type: 'error'; id: string; error: Issue }
  | { type: 'cancelled'; id: string };

export { BatchCancelled };

/** Runs the tasks and keeps the scored runs (the last few) for their pages and exports. */
export class BatchService {
  private readonly runs = new Map<string, BatchRun>();
  private seq = 0;
  private readonly keep: number;
  constructor(keep = 2) {
    this.keep = keep;
  }

  async handle<T extends BatchTask>(task: T, opts: StreamRunOptions = {}): Promise<BatchAnswers[T['type']]> {
    return (await this.answer(task, opts)) as BatchAnswers[T['type']];
  }

  private async answer(task: BatchTask, opts: StreamRunOptions): Promise<BatchAnswers[BatchTask['type']]> {
    switch (task.type) {
      case 'inspect':
        return inspectFile(task.file, opts);
      case 'score': {
        const run = await BatchRun.score(task.file, task.input, opts);
        const id = `r${++this.seq}`;
        this.runs.set(id, run);
        while (this.runs.size > this.keep) this.runs.delete(this.runs.keys().next().value!);
        return { run: id, summary: run.summary };
      }
      case 'page':
        return this.run(task.run).page(task.sort, task.page, task.lang, opts);
      case 'export':
        return this.run(task.run).exportCsv(task.options, opts);
      case 'release':
        this.runs.delete(task.run);
        return null;
    }
  }

  private run(id: string): BatchRun {
    const r = this.runs.get(id);
    if (!r) throw new Error(`no scored file ${id}`);
    return r;
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
