/**
 * Runs in Chromium for the model-designer benchmark: builds a design from synthetic rows, starts the
 * designer's real Web Worker (bundled by scripts/bench.ts) and times "suggest weights" with 5-fold
 * cross-validation from the message to the result. `prepare` makes the data (not timed), `run`
 * times one fit on it and leaves its worker running until `stop`, so the caller can read the
 * worker thread's CPU time.
 */
import { DESIGN_BENCH_HEADERS, syntheticDesignRows } from './bench-design-data.ts';
import { readOutcome } from '../src/lib/health/design/columns.ts';
import type { Design } from '../src/lib/health/design/design.ts';
import { startDesign } from '../src/lib/health/design/start.ts';
import { designData } from '../src/lib/health/design/fit.ts';
import { transferables, type DesignRequest, type DesignResponse } from '../src/lib/health/design/worker-messages.ts';
import type { ColumnData } from '../src/lib/health/design/columns.ts';

let worker: Worker | null = null;
let prepared: { design: Design; columns: ColumnData[]; outcome: Int8Array; rows: number } | null = null;

function prepare(n: number): void {
  const rows = syntheticDesignRows(n, 7);
  const outcome = readOutcome(rows, DESIGN_BENCH_HEADERS.length - 1, ['yes']);
  const measures = DESIGN_BENCH_HEADERS.slice(1, -1).map((_, k) => ({
    col: k + 1,
    kind: (k < 10 ? 'numeric' : 'categorical') as 'numeric' | 'categorical',
  }));
  const design = startDesign({
    headers: DESIGN_BENCH_HEADERS,
    rows,
    measures,
    outcome,
    file: 'bench.csv',
    date: '2026-12-01',
  });
  prepared = { design, ...designData(design, rows, outcome), rows: n };
}

async function run(
  workerUrl: string,
): Promise<{ ms: number; auc: number | null; measures: number; rows: number; progress: number }> {
  if (!prepared) throw new Error('prepare first');
  const { design, rows } = prepared;
  // The columns are transferred (and so gone from this page): send copies, keep the originals for the next run.
  const columns = prepared.columns.map((c) =>
    c.kind === 'numeric' ? { ...c, values: c.values.slice() } : { ...c, codes: c.codes.slice() },
  );
  const outcome = prepared.outcome.slice();
  stop();
  const w = new Worker(workerUrl);
  worker = w;
  let progress = 0;
  const t0 = performance.now();
  const result = await new Promise<DesignResponse>((resolve) => {
    w.onmessage = (e: MessageEvent<DesignResponse>) => {
      if (e.data.type === 'progress') progress++;
      else resolve(e.data);
    };
    w.postMessage(
      { type: 'suggest', id: 'bench', design, columns, outcome, options: { k: 5, seed: 1 } } satisfies DesignRequest,
      transferables(columns, outcome),
    );
  });
  const ms = performance.now() - t0;
  if (result.type !== 'result') throw new Error(`worker answered ${result.type}`);
  return { ms, auc: result.result.suggestedAuc, measures: design.measures.length, rows, progress };
}

/** Ends the last run's worker (kept alive until then so the caller can read its thread's CPU time). */
function stop(): void {
  worker?.terminate();
  worker = null;
}

(
  globalThis as unknown as { __benchDesign: { prepare: typeof prepare; run: typeof run; stop: typeof stop } }
).__benchDesign = { prepare, run, stop };
