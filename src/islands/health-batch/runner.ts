/**
 * How the batch page and the model designer talk to the health-score Web Worker
 * (src/workers/health-batch.worker.ts), so the page never freezes: the batch page's tasks on a File
 * read in chunks (workerClient: a million rows stay out of the page's memory), or runBatch over a
 * file held in memory (workerRunner, the designer). Where there is no Worker both run on the page
 * (tests inject the in-page versions).
 */
import { BatchCancelled } from '../../lib/health/csv-stream.ts';
import { forPage, runBatch } from '../../lib/health/worker-protocol.ts';
import type {
  BatchAnswers,
  BatchInput,
  BatchOutput,
  BatchTask,
  WorkerRequest,
  WorkerResponse,
} from '../../lib/health/worker-protocol.ts';
import type { Progress } from '../../lib/health/batch-session.ts';
import type { Issue } from '../../lib/health/score.ts';

export type BatchRunner = (
  input: BatchInput,
  onProgress: (done: number, total: number) => void,
  signal: AbortSignal,
) => Promise<BatchOutput>;

/** Runs one task of the batch page; aborting the signal cancels it (rejects with BatchCancelled). */
export type BatchClient = <T extends BatchTask>(
  task: T,
  onProgress?: (p: Progress) => void,
  signal?: AbortSignal,
) => Promise<BatchAnswers[T['type']]>;

/** Rejection of a runner or client: the worker's structured error. */
export class BatchError extends Error {
  readonly issue: Issue;
  constructor(issue: Issue) {
    super(issue.code);
    this.name = 'BatchError';
    this.issue = issue;
  }
}

/** runBatch on the page's own thread (no Worker available, or in tests). */
export const inPageRunner: BatchRunner = async (input, onProgress, signal) =>
  forPage(await runBatch(input, (p) => onProgress(p.done, p.total), signal));

let worker: Worker | null = null;
let seq = 0;

function getWorker(): Worker {
  worker ??= new Worker(new URL('../../workers/health-batch.worker.ts', import.meta.url), {
    type: 'module',
    name: 'banso-health-batch',
  });
  return worker;
}

/**
 * Sends one request to the shared worker and settles with its final message: `onMessage` handles
 * progress and returns the value once the answer comes. Aborting the signal sends 'cancel'.
 */
function ask<T>(
  request: WorkerRequest,
  signal: AbortSignal | undefined,
  onMessage: (m: WorkerResponse) => { value: T } | null,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const w = getWorker();
    const id = request.id;
    const done = () => {
      w.removeEventListener('message', listener);
      w.removeEventListener('error', onError);
      signal?.removeEventListener('abort', onAbort);
    };
    const listener = (e: MessageEvent<WorkerResponse>) => {
      const m = e.data;
      if (m.id !== id) return;
      if (m.type === 'cancelled' || m.type === 'error') {
        done();
        reject(m.type === 'cancelled' ? new BatchCancelled() : new BatchError(m.error));
        return;
      }
      const answer = onMessage(m);
      if (answer) {
        done();
        resolve(answer.value);
      }
    };
    const onError = (e: ErrorEvent) => {
      done();
      // A worker that failed to start cannot be reused.
      worker?.terminate();
      worker = null;
      reject(new BatchError({ code: 'worker-failed', params: { message: e.message || 'worker error' } }));
    };
    const onAbort = () => w.postMessage({ type: 'cancel', id } satisfies WorkerRequest);
    w.addEventListener('message', listener);
    w.addEventListener('error', onError);
    signal?.addEventListener('abort', onAbort);
    if (signal?.aborted) onAbort();
    w.postMessage(request);
  });
}

/** runBatch in the shared Web Worker; aborting the signal sends 'cancel' and rejects with BatchCancelled. */
export const workerRunner: BatchRunner = (input, onProgress, signal) => {
  if (typeof Worker === 'undefined') return inPageRunner(input, onProgress, signal);
  return ask<BatchOutput>({ type: 'run', id: `run-${++seq}`, ...input }, signal, (m) => {
    if (m.type === 'progress') onProgress(m.done, m.total);
    return m.type === 'result' ? { value: m.output } : null;
  });
};

let fallback: Promise<BatchClient> | null = null;

/** The batch page's tasks in the shared Web Worker. */
export const workerClient: BatchClient = <T extends BatchTask>(
  task: T,
  onProgress?: (p: Progress) => void,
  signal?: AbortSignal,
) => {
  if (typeof Worker === 'undefined') {
    // Loaded only where there is no Worker: the scoring engine then runs on the page.
    fallback ??= import('./in-page-client.ts').then((m) => m.inPageClient());
    return fallback.then((c) => c(task, onProgress, signal));
  }
  type Answer = BatchAnswers[T['type']];
  return ask<Answer>({ ...task, id: `task-${++seq}` } as WorkerRequest, signal, (m) => {
    if (m.type === 'task-progress') onProgress?.({ rows: m.rows, bytes: m.bytes, totalBytes: m.totalBytes });
    return m.type === 'answer' ? { value: m.value as Answer } : null;
  });
};
