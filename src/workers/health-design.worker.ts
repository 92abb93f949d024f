/**
 * Web Worker of the model designer: reads a file into columns and runs "suggest weights" (fit +
 * cross-validation) off the page's thread, posts progress, the result, an error or "cancelled".
 * Only forwards messages: the logic is in src/lib/health/design.
 */
import { runDesignRequest, type DesignRequest, type DesignResponse } from '../lib/health/design/worker-messages.ts';

interface WorkerScope {
  postMessage(message: DesignResponse, transfer?: ArrayBuffer[]): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<DesignRequest>) => void): void;
}
const scope = self as unknown as WorkerScope;
const cancelled = new Set<string>();

scope.addEventListener('message', (e) => {
  const msg = e.data;
  if (msg.type === 'cancel') {
    cancelled.add(msg.id);
    return;
  }
  void runDesignRequest(
    msg,
    (r, transfer) => scope.postMessage(r, transfer ?? []),
    () => cancelled.has(msg.id),
  ).finally(() => cancelled.delete(msg.id));
});
