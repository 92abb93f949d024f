/** The batch page's BatchService on the page's own thread: where there is no Worker, and in tests. */
import { BatchCancelled, BatchService } from '../../lib/health/worker-protocol.ts';
import { BatchError, type BatchClient } from './runner.ts';

export function inPageClient(): BatchClient {
  const service = new BatchService();
  return async (task, onProgress, signal) => {
    try {
      return await service.handle(task, { onProgress, signal });
    } catch (e) {
      if (e instanceof BatchCancelled) throw e;
      throw new BatchError({ code: 'worker-failed', params: { message: e instanceof Error ? e.message : String(e) } });
    }
  };
}
