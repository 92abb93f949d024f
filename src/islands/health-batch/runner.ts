/**
 * How the batch page talks to the health-score Web Worker (src/workers/health-batch.worker.ts), so
 * the page never freezes: its tasks on a File read in chunks (workerClient: a million rows stay out
 * of the page's memory). Where there is no Worker they run on the page (tests inject the in-page
 * client).
 */
import { BatchCancelled } from '../../lib/health/csv-stream.ts';
import type { BatchAnswers, BatchTask, WorkerRequest, WorkerResponse } from '../../lib/health/worker-protocol.ts';
import type { BatchProgress } from '../../lib/health/batch-session.ts';
import type { Issue } from '../../lib/health/score.ts';

/** Runs one task of the batch page; aborting the signal cancels it (rejects with BatchCancelled). */
export type BatchClient = <T extends BatchTask>(
  task: T,
  onProgress?: (p: BatchProgress) => void,
  signal?: AbortSignal,
) => Promise<BatchAnswers[T['type']]>;

/** Rejection of a worker's task: its structured error. */
export class BatchError extends Error {
  readonly issue: Issue;
  constructor(issue: Issue) {
    super(issue.code);
    this.name = 'BatchError';
    this.issue = issue;
  }
}

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

let fallback: Promise<BatchClient> | null = null;

/** The batch page's tasks in the shared Web Worker. */
export const workerClient: BatchClient = <T extends BatchTask>(
  task: T,
  onProgress?: (p: BatchProgress) => void,
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
