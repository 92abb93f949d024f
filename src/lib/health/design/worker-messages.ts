/**
 * Messages between the model designer and its Web Worker (src/workers/health-design.worker.ts),
 * and the function the worker runs: suggestWeights with progress and cancel. Plain data that
 * survives structured cloning; the typed arrays are transferred, not copied.
 */
import type { ColumnData } from './columns.ts';
import type { Design } from './design.ts';
import { FitCancelled, suggestWeights, type SuggestOptions, type SuggestResult } from './fit.ts';

export type DesignRequest =
  | { type: 'suggest'; id: string; design: Design; columns: ColumnData[]; outcome: Int8Array; options: SuggestOptions }
  | { type: 'cancel'; id: string };

export type DesignResponse =
  | { type: 'progress'; id: string; done: number; total: number }
  | { type: 'result'; id: string; result: SuggestResult }
  | { type: 'cancelled'; id: string }
  | { type: 'error'; id: string; message: string };

/** Runs one request; `isCancelled` is polled between Newton steps (after yielding, so "cancel" messages get through). */
export async function runSuggest(
  msg: Extract<DesignRequest, { type: 'suggest' }>,
  post: (r: DesignResponse) => void,
  isCancelled: () => boolean,
): Promise<void> {
  const check = async () => {
    await new Promise((r) => setTimeout(r, 0));
    if (isCancelled()) throw new FitCancelled();
  };
  try {
    const result = await suggestWeights(
      msg.design,
      { columns: msg.columns, outcome: msg.outcome },
      msg.options,
      (done, total) => post({ type: 'progress', id: msg.id, done, total }),
      check,
    );
    post({ type: 'result', id: msg.id, result });
  } catch (e) {
    if (e instanceof FitCancelled) post({ type: 'cancelled', id: msg.id });
    else post({ type: 'error', id: msg.id, message: e instanceof Error ? e.message : String(e) });
  }
}

/** The buffers of the columns and outcome, to transfer instead of copying. */
export function transferables(columns: ColumnData[], outcome: Int8Array): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const c of columns) out.add((c.kind === 'numeric' ? c.values.buffer : c.codes.buffer) as ArrayBuffer);
  out.add(outcome.buffer as ArrayBuffer);
  return [...out];
}
