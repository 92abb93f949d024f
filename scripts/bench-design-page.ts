/**
 * Runs in Chromium for the model-designer benchmark: builds a design from synthetic rows, starts the
 * designer's real Web Worker (bundled by scripts/bench.ts) and times "suggest weights" with 5-fold
 * cross-validation from the message to the result. `prepare` makes the data (not timed), `load`
 * starts a worker and has it read the data as a CSV (not timed, as the page does), `run` times one fit on it and leaves its worker running until `stop`, so the caller can read the
 * worker thread's CPU time.
 */
import { DESIGN_BENCH_HEADERS, syntheticDesignRows } from './bench-design-data.ts';
import { readOutcome } from '../src/lib/health/design/columns.ts';
import type { Design } from '../src/lib/health/design/design.ts';
import { startDesign } from '../src/lib/health/design/start.ts';
import type { DesignRequest, DesignResponse } from '../src/lib/health/design/worker-messages.ts';

let worker: Worker | null = null;
let prepared: { design: Design; csv: string; rows: number } | null = null;
const OUTCOME = { col: DESIGN_BENCH_HEADERS.length - 1, churnLabels: ['yes'] };

function prepare(n: number): void {
  const rows = syntheticDesignRows(n, 7);
  const outcome = readOutcome(rows, OUTCOME.col, OUTCOME.churnLabels);
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
  const csv = [DESIGN_BENCH_HEADERS.join(','), ...rows.map((r) => r.join(','))].join('\n');
  prepared = { design, csv, rows: n };
}

/** One request to the worker; resolves with its last answer, counting progress messages. */
function ask(w: Worker, msg: DesignRequest): Promise<{ last: DesignResponse; progress: number }> {
  let progress = 0;
  return new Promise((resolve) => {
    w.onmessage = (e: MessageEvent<DesignResponse>) => {
      if (e.data.type === 'progress') progress++;
      else resolve({ last: e.data, progress });
    };
    w.postMessage(msg);
  });
}

/** Starts a fresh worker and has it read the file (not timed: the worker keeps the file, as on the page). */
async function load(workerUrl: string): Promise<void> {
  if (!prepared) throw new Error('prepare first');
  stop();
  const w = new Worker(workerUrl);
  worker = w;
  const { last } = await ask(w, { type: 'read', id: 'read', bytes: new TextEncoder().encode(prepared.csv) });
  if (last.type !== 'file') throw new Error(`worker answered ${last.type}`);
}

async function run(): Promise<{ ms: number; auc: number | null; measures: number; rows: number; progress: number }> {
  if (!prepared || !worker) throw new Error('load first');
  const { design, rows } = prepared;
  const t0 = performance.now();
  const { last, progress } = await ask(worker, {
    type: 'suggest',
    id: 'bench',
    design,
    outcome: OUTCOME,
    options: { k: 5, seed: 1 },
  });
  const ms = performance.now() - t0;
  if (last.type !== 'result') throw new Error(`worker answered ${last.type}`);
  return { ms, auc: last.result.suggestedAuc, measures: design.measures.length, rows, progress };
}

/** Ends the last run's worker (kept alive until then so the caller can read its thread's CPU time). */
function stop(): void {
  worker?.terminate();
  worker = null;
}

(
  globalThis as unknown as {
    __benchDesign: { prepare: typeof prepare; load: typeof load; run: typeof run; stop: typeof stop };
  }
).__benchDesign = { prepare, load, run, stop };
