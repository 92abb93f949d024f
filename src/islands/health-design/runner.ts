/**
 * How the model designer talks to its Web Worker, which holds the file: reading a file, the small
 * queries (data checks, building, re-suggesting a measure, the backtest's summaries) and "suggest
 * weights"; or the same on the page where there is no Worker (tests use inPageClient).
 */
import type { Design } from '../../lib/health/design/design.ts';
import { FitCancelled, type SuggestOptions, type SuggestResult } from '../../lib/health/design/fit.ts';
import { BatchCancelled } from '../../lib/health/csv-stream.ts';
import type { OutcomeSpec } from '../../lib/health/design/session.ts';
import {
  runDesignRequest,
  type DesignFileInfo,
  type DesignRequest,
  type DesignResponse,
  type Query,
  type QueryAnswer,
  type SessionHolder,
} from '../../lib/health/design/worker-messages.ts';
import { BatchError } from '../health-batch/runner.ts';

type Progress = (done: number, total: number) => void;

export interface DesignClient {
  /** Reads a CSV's bytes into columns, kept where the client runs (the bytes are handed over). */
  read(bytes: Uint8Array, onProgress: Progress, signal: AbortSignal): Promise<DesignFileInfo>;
  /** Asks a question about the file read last. */
  query<Q extends Query>(q: Q): Promise<QueryAnswer<Q>>;
  /** Suggests weights for a design (cross-validated fit on the file read last). */
  suggest(
    input: { design: Design; outcome: OutcomeSpec; options: SuggestOptions },
    onProgress: Progress,
    signal: AbortSignal,
  ): Promise<SuggestResult>;
}

type Job = Exclude<DesignRequest, { type: 'cancel' }>;

/** A request's answer, and how a cancel or an error rejects. */
interface Ending<T> {
  answer: (m: DesignResponse) => T | undefined;
  cancelled: () => Error;
  failed: (message: string) => Error;
}

const fileEnding: Ending<DesignFileInfo> = {
  answer: (m) => (m.type === 'file' ? m.file : undefined),
  cancelled: () => new BatchCancelled(),
  failed: (message) => new BatchError({ code: 'worker-failed', params: { message } }),
};
const fitEnding: Ending<SuggestResult> = {
  answer: (m) => (m.type === 'result' ? m.result : undefined),
  cancelled: () => new FitCancelled(),
  failed: (message) => new Error(message),
};
const queryEnding: Ending<QueryAnswer<Query>> = {
  answer: (m) => (m.type === 'answer' ? m.answer : undefined),
  cancelled: () => new Error('cancelled'),
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

type Send = <T>(
  job: Job,
  end: Ending<T>,
  onProgress: Progress,
  signal: AbortSignal,
  transfer?: ArrayBuffer[],
) => Promise<T>;

let seq = 0;
const never = new AbortController().signal;
const noProgress: Progress = () => {};

function client(send: Send): DesignClient {
  return {
    read: (bytes, onProgress, signal) =>
      send({ type: 'read', id: `read-${++seq}`, bytes }, fileEnding, onProgress, signal, [bytes.buffer as ArrayBuffer]),
    query: <Q extends Query>(query: Q) =>
      send({ type: 'query', id: `query-${++seq}`, query }, queryEnding, noProgress, never) as Promise<QueryAnswer<Q>>,
    suggest: (input, onProgress, signal) =>
      send({ type: 'suggest', id: `fit-${++seq}`, ...input }, fitEnding, onProgress, signal),
  };
}

/** The designer's work on the page itself, with its own copy of the file. */
export function inPageClient(): DesignClient {
  const holder: SessionHolder = { session: null };
  return client(
    (job, end, onProgress, signal) =>
      new Promise((resolve, reject) => {
        void runDesignRequest(job, holder, settle(resolve, reject, onProgress, end), () => signal.aborted);
      }),
  );
}

let worker: Worker | null = null;

/** Sends one request to the designer's worker, transferring `transfer`; aborting the signal sends 'cancel'. */
const inWorker: Send = (job, end, onProgress, signal, transfer = []) =>
  new Promise((resolve, reject) => {
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

/** The designer's worker, or the page where there is no Worker. */
export const workerClient = (): DesignClient => (typeof Worker === 'undefined' ? inPageClient() : client(inWorker));
