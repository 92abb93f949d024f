/**
 * How the model designer runs "suggest weights": in its Web Worker so the page never freezes, or on
 * the page where there is no Worker (tests inject their own runner).
 */
import type { ColumnData } from '../../lib/health/design/columns.ts';
import type { Design } from '../../lib/health/design/design.ts';
import { FitCancelled, type SuggestOptions, type SuggestResult } from '../../lib/health/design/fit.ts';
import {
  runSuggest,
  transferables,
  type DesignRequest,
  type DesignResponse,
} from '../../lib/health/design/worker-messages.ts';

export type SuggestRunner = (
  input: { design: Design; columns: ColumnData[]; outcome: Int8Array; options: SuggestOptions },
  onProgress: (done: number, total: number) => void,
  signal: AbortSignal,
) => Promise<SuggestResult>;

function settle(
  resolve: (r: SuggestResult) => void,
  reject: (e: Error) => void,
  onProgress: (d: number, t: number) => void,
) {
  return (m: DesignResponse): boolean => {
    if (m.type === 'progress') {
      onProgress(m.done, m.total);
      return false;
    }
    if (m.type === 'result') resolve(m.result);
    else if (m.type === 'cancelled') reject(new FitCancelled());
    else reject(new Error(m.message));
    return true;
  };
}

export const inPageSuggest: SuggestRunner = (input, onProgress, signal) =>
  new Promise((resolve, reject) => {
    void runSuggest(
      { type: 'suggest', id: 'page', ...input },
      settle(resolve, reject, onProgress),
      () => signal.aborted,
    );
  });

let worker: Worker | null = null;
let seq = 0;

export const workerSuggest: SuggestRunner = (input, onProgress, signal) => {
  if (typeof Worker === 'undefined') return inPageSuggest(input, onProgress, signal);
  return new Promise<SuggestResult>((resolve, reject) => {
    worker ??= new Worker(new URL('../../workers/health-design.worker.ts', import.meta.url), {
      type: 'module',
      name: 'banso-health-design',
    });
    const w = worker;
    const id = `fit-${++seq}`;
    const handle = settle(resolve, reject, onProgress);
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
      reject(new Error(e.message || 'worker error'));
    };
    const onAbort = () => w.postMessage({ type: 'cancel', id } satisfies DesignRequest);
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
    signal.addEventListener('abort', onAbort);
    // Copies of the columns are transferred: the page keeps its own.
    const columns = input.columns.map((c) =>
      c.kind === 'numeric' ? { ...c, values: c.values.slice() } : { ...c, codes: c.codes.slice() },
    );
    const outcome = input.outcome.slice();
    w.postMessage(
      { type: 'suggest', id, design: input.design, columns, outcome, options: input.options } satisfies DesignRequest,
      transferables(columns, outcome),
    );
  });
};
