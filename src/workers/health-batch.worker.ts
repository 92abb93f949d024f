/**
 * Web Worker for the batch-scoring page: receives WorkerRequest messages, runs runBatch (decode →
 * parse → score in chunks → backtest) off the page's thread and posts progress, the result, an
 * error or "cancelled" back. Only forwards messages: all logic is in src/lib/health.
 */
import { BatchCancelled, forPage, runBatch } from '../lib/health/worker-protocol.ts';
import type { WorkerRequest, WorkerResponse } from '../lib/health/worker-protocol.ts';

interface WorkerScope {
  postMessage(message: WorkerResponse): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<WorkerRequest>) => void): void;
}
const scope = self as unknown as WorkerScope;
const running = new Map<string, AbortController>();

scope.addEventListener('message', (e) => {
  const msg = e.data;
  if (msg.type === 'cancel') {
    running.get(msg.id)?.abort();
    return;
  }
  if (msg.type !== 'run') return;
  const { type: _type, id, ...input } = msg;
  const ac = new AbortController();
  running.set(id, ac);
  runBatch(input, (p) => scope.postMessage({ type: 'progress', id, done: p.done, total: p.total }), ac.signal)
    .then((output) => scope.postMessage({ type: 'result', id, output: forPage(output) }))
    .catch((err: unknown) => {
      if (err instanceof BatchCancelled) scope.postMessage({ type: 'cancelled', id });
      else scope.postMessage({ type: 'error', id, error: { code: 'worker-failed', params: { message: err instanceof Error ? err.message : String(err) } } });
    })
    .finally(() => running.delete(id));
});
