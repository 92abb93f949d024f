/**
 * Web Worker of the model designer: holds the file read into columns and answers the page's
 * requests (data checks, the design, the backtest's summaries, "suggest weights" with progress and
 * cancel) off the page's thread. Only forwards messages: the logic is in src/lib/health/design.
 */
import {
  runDesignRequest,
  type DesignRequest,
  type DesignResponse,
  type SessionHolder,
} from '../lib/health/design/worker-messages.ts';

interface WorkerScope {
  postMessage(message: DesignResponse): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<DesignRequest>) => void): void;
}
const scope = self as unknown as WorkerScope;
const cancelled = new Set<string>();
const holder: SessionHolder = { session: null };

scope.addEventListener('message', (e) => {
  const msg = e.data;
  if (msg.type === 'cancel') {
    cancelled.add(msg.id);
    return;
  }
  void runDesignRequest(
    msg,
    holder,
    (r) => scope.postMessage(r),
    () => cancelled.has(msg.id),
  ).finally(() => cancelled.delete(msg.id));
});
