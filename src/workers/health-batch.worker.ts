/**
 * Web Worker for the batch-scoring page: receives WorkerRequest messages, hands each task to
 * BatchService (read the file in chunks, score, serve a page of the table, write the scored CSV) off
 * the page's thread, and posts progress, the answer, an error or "cancelled" back. Only forwards messages: all logic is in src/lib/health.
 */
import { BatchCancelled, BatchService } from '../lib/health/worker-protocol.ts';
import type { WorkerRequest, WorkerResponse } from '../lib/health/worker-protocol.ts';

interface WorkerScope {
  postMessage(message: WorkerResponse): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<WorkerRequest>) => void): void;
}
const scope = self as unknown as WorkerScope;
const service = new BatchService();
const running = new Map<string, AbortController>();

scope.addEventListener('message', (e) => {
  const msg = e.data;
  if (msg.type === 'cancel') {
    running.get(msg.id)?.abort();
    return;
  }
  const ac = new AbortController();
  running.set(msg.id, ac);
  const id = msg.id;
  const { id: _id, ...task } = msg;
  const work = service
    .handle(task, { signal: ac.signal, onProgress: (p) => scope.postMessage({ type: 'task-progress', id, ...p }) })
    .then((value) => scope.postMessage({ type: 'answer', id, value }));
  work
    .catch((err: unknown) => {
      if (err instanceof BatchCancelled) scope.postMessage({ type: 'cancelled', id });
      else
        scope.postMessage({
          type: 'error',
          id,
          error: { code: 'worker-failed', params: { message: err instanceof Error ? err.message : String(err) } },
        });
    })
    .finally(() => running.delete(id));
});
