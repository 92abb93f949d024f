/**
 * How the batch page runs runBatch: in the Web Worker (src/workers/health-batch.worker.ts) so the
 * page never freezes, or on the page itself where there is no Worker (tests inject their own runner).
 */
import { BatchCancelled, forPage, runBatch } from '../../lib/health/worker-protocol.ts';
import type { BatchInput, BatchOutput, WorkerRequest, WorkerResponse } from '../../lib/health/worker-protocol.ts';
import type { Issue } from '../../lib/health/score.ts';

export type BatchRunner = (input: BatchInput, onProgress: (done: number, total: number) => void, signal: AbortSignal) => Promise<BatchOutput>;

/** Rejection of a runner: the worker's structured error. */
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
  worker ??= new Worker(new URL('../../workers/health-batch.worker.ts', import.meta.url), { type: 'module', name: 'banso-health-batch' });
  return worker;
}

/** runBatch in the shared Web Worker; aborting the signal sends 'cancel' and rejects with BatchCancelled. */
export const workerRunner: BatchRunner = (input, onProgress, signal) => {
  if (typeof Worker === 'undefined') return inPageRunner(input, onProgress, signal);
  return new Promise<BatchOutput>((resolve, reject) => {
    const w = getWorker();
    const id = `run-${++seq}`;
    const done = () => {
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
      signal.removeEventListener('abort', onAbort);
    };
    const onMessage = (e: MessageEvent<WorkerResponse>) => {
      const m = e.data;
      if (m.id !== id) return;
      if (m.type === 'progress') onProgress(m.done, m.total);
      else {
        done();
        if (m.type === 'result') resolve(m.output);
        else if (m.type === 'cancelled') reject(new BatchCancelled());
        else reject(new BatchError(m.error));
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
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
    signal.addEventListener('abort', onAbort);
    if (signal.aborted) onAbort();
    w.postMessage({ type: 'run', id, ...input } satisfies WorkerRequest);
  });
};
