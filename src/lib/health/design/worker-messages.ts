/**
 * Messages between the model designer and its Web Worker (src/workers/health-design.worker.ts),
 * and what the worker runs: reading a file into columns (readDesignFile) and suggestWeights, with
 * progress and cancel. Plain data that survives structured cloning; the typed arrays are
 * transferred, not copied.
 */
import type { ColumnData } from './columns.ts';
import type { Design } from './design.ts';
import { FitCancelled, suggestWeights, type SuggestOptions, type SuggestResult } from './fit.ts';
import { readDesignFile, tableBuffers, type DesignFileData } from './file-columns.ts';

export type DesignRequest =
  | { type: 'suggest'; id: string; design: Design; columns: ColumnData[]; outcome: Int8Array; options: SuggestOptions }
  | { type: 'read'; id: string; bytes: Uint8Array }
  | { type: 'cancel'; id: string };

export type DesignResponse =
  | { type: 'progress'; id: string; done: number; total: number }
  | { type: 'result'; id: string; result: SuggestResult }
  | { type: 'file'; id: string; file: DesignFileData }
  | { type: 'cancelled'; id: string }
  | { type: 'error'; id: string; message: string };

/**
 * Runs one request; `isCancelled` is polled between steps (Newton steps of the fit, chunks of rows
 * of the file) after yielding, so "cancel" messages get through. `post`'s second argument lists the
 * buffers to transfer.
 */
export async function runDesignRequest(
  msg: Exclude<DesignRequest, { type: 'cancel' }>,
  post: (r: DesignResponse, transfer?: ArrayBuffer[]) => void,
  isCancelled: () => boolean,
): Promise<void> {
  const check = async () => {
    await new Promise((r) => setTimeout(r, 0));
    if (isCancelled()) throw new FitCancelled();
  };
  const progress = (done: number, total: number) => post({ type: 'progress', id: msg.id, done, total });
  try {
    if (msg.type === 'read') {
      const file = await readDesignFile(msg.bytes, progress, check);
      post({ type: 'file', id: msg.id, file }, tableBuffers(file.table));
      return;
    }
    const result = await suggestWeights(
      msg.design,
      { columns: msg.columns, outcome: msg.outcome },
      msg.options,
      progress,
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
