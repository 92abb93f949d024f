/**
 * How the model designer reads a file into columns and runs "suggest weights": in its Web Worker so
 * the page never freezes, or on the page where there is no Worker (tests inject their own runners).
 */
import type { ColumnData } from '../../lib/health/design/columns.ts';
import type { Design } from '../../lib/health/design/design.ts';
import type { DesignFileData } from '../../lib/health/design/file-columns.ts';
import { FitCancelled, type SuggestOptions, type SuggestResult } from '../../lib/health/design/fit.ts';
import { BatchCancelled } from '../../lib/health/csv-stream.ts';
import {
  runDesignRequest,
  transferables,
  type DesignRequest,
  type DesignResponse,
} from '../../lib/health/design/worker-messages.ts';
import { BatchError } from '../health-batch/runner.ts';

type Progress = (done: number, total: number) => void;

export type SuggestRunner = (
  input: { design: Design; columns: ColumnData[]; outcome: Int8Array; options: SuggestOptions },
  onProgress: Progress,
  signal: AbortSignal,
) => Promise<SuggestResult>;

/** Reads a CSV's bytes into columns (the bytes are handed over: the caller no longer has them). */
export type FileRunner = (bytes: Uint8Array, onProgress: Progress, signal: AbortSignal) => Promise<DesignFileData>;

type Job = Exclude<DesignRequest, { type: 'cancel' }>;

/** A request's answer, and how a cancel or an error rejects. */
interface Ending<T> {
  answer: (m: DesignResponse) => T | undefined;
  cancelled: () => Error;
  failed: (message: string) => Error;
}

const fileEnding: Ending<DesignFileData> = {
  answer: (m) => (m.type === 'file' ? m.file : undefined),
  cancelled: () => new BatchCancelled(),
  failed: (message) => new BatchError({ code: 'worker-failed', params: { message } }),
};
const fitEnding: Ending<SuggestResult> = {
  answer: (m) => (m.type === 'result' ? m.result : undefined),
  cancelled: () => new FitCancelled(),
  failed: (message) => new Error(message),
};

/** Handles one response; true once the request is settled. */
function settle<T>(resolve: (r: T) => void, reject: (e: Error) => void, onProgress: Progress, end: Ending<T>) {
  return (m: DesignResponse): boolean => {
    if (m.type === 'progress') {
      onProgress(m.done, m.total);
      return false;
    }
    const answer = end.answer(m);
    if (answer !== undefined) resolve(answer);
    else if (m.type === 'cancelled') reject(end.cancelled());
    else reject(end.failed(m.type === 'error' ? m.message : `unexpected answer ${m.type}`));
    return true;
  };
}

function inPage<T>(job: Job, end: Ending<T>, onProgress: Progress, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    void runDesignRequest(job, settle(resolve, reject, onProgress, end), () => signal.aborted);
  });
}

export const inPageSuggest: SuggestRunner = (input, onProgress, signal) =>
  inPage({ type: 'suggest', id: 'page', ...input }, fitEnding, onProgress, signal);

export const inPageRead: FileRunner = (bytes, onProgress, signal) =>
  inPage({ type: 'read', id: 'page', bytes }, fileEnding, onProgress, signal);

let worker: Worker | null = null;
let seq = 0;

/** Sends one request to the designer's worker, transferring `transfer`; aborting the signal sends 'cancel'. */
function inWorker<T>(
  job: Job,
  transfer: ArrayBuffer[],
  end: Ending<T>,
  onProgress: Progress,
  signal: AbortSignal,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    worker ??= new Worker(new URL('../../workers/health-design.worker.ts', import.meta.url), {
      type: 'module',
      name: 'banso-health-design',
    });
    const w = worker;
    const id = job.id;
    const handle = settle(resolve, reject, onProgress, end);
    const cleanup = () => {
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
      signal.removeEventListener('abort', onAbort);
    };
    const onMessage = (e: MessageEvent<DesignResponse>) => {
      if (e.data.id === id && handle(e.data)) cleanup();
    };
    const onError = (e: ErrorEvent) => {
      cleanup();
      worker?.terminate();
      worker = null;
      reject(end.failed(e.message || 'worker error'));
    };
    const onAbort = () => w.postMessage({ type: 'cancel', id } satisfies DesignRequest);
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
    signal.addEventListener('abort', onAbort);
    w.postMessage(job satisfies DesignRequest, transfer);
  });
}

export const workerSuggest: SuggestRunner = (input, onProgress, signal) => {
  if (typeof Worker === 'undefined') return inPageSuggest(input, onProgress, signal);
  // Copies of the columns are transferred: the page keeps its own.
  const columns = input.columns.map((c) =>
    c.kind === 'numeric' ? { ...c, values: c.values.slice() } : { ...c, codes: c.codes.slice() },
  );
  const outcome = input.outcome.slice();
  const job = { type: 'suggest', id: `fit-${++seq}`, ...input, columns, outcome } as const;
  return inWorker(job, transferables(columns, outcome), fitEnding, onProgress, signal);
};

export const workerRead: FileRunner = (bytes, onProgress, signal) => {
  if (typeof Worker === 'undefined') return inPageRead(bytes, onProgress, signal);
  const job = { type: 'read', id: `read-${++seq}`, bytes } as const;
  return inWorker(job, [bytes.buffer as ArrayBuffer], fileEnding, onProgress, signal);
};
