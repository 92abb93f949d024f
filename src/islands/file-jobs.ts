/**
 * How the islands run file jobs (src/lib/file-jobs.ts): in the file-reading Web Worker, so a file,
 * link or stored value up to the size limit is read without a long task on the page; on the page
 * itself where there is no Worker or it cannot start (tests, a browser that blocks it). Loaded on the
 * first job, never with the page: the worker and the validator are not part of the first visit.
 */
import type { FileJob, FileJobAnswer } from '../lib/file-jobs.ts';

export { jobFrameworks } from '../lib/file-jobs.ts';
export { problemTexts } from '../lib/assessment/problem-text.ts';

type Pending = { resolve: (a: unknown) => void; reject: (e: Error) => void; job: FileJob };

let worker: Worker | null = null;
let broken = false;
let seq = 0;
const pending = new Map<number, Pending>();

const inPage = async <J extends FileJob>(job: J): Promise<FileJobAnswer<J>> =>
  (await import('../lib/file-jobs.ts')).runFileJob(job);

function getWorker(): Worker | null {
  if (broken || typeof Worker === 'undefined') return null;
  if (worker) return worker;
  try {
    worker = new Worker(new URL('../workers/file-jobs.worker.ts', import.meta.url), {
      type: 'module',
      name: 'banso-file-jobs',
    });
  } catch {
    broken = true;
    return null;
  }
  worker.addEventListener('message', (e: MessageEvent<{ id: number; answer?: unknown; error?: string }>) => {
    const p = pending.get(e.data.id);
    if (!p) return;
    pending.delete(e.data.id);
    if (e.data.error !== undefined) p.reject(new Error(e.data.error));
    else p.resolve(e.data.answer);
  });
  // A worker that cannot start (blocked, failed to load): every job waiting on it runs on the page.
  worker.addEventListener('error', () => {
    broken = true;
    worker?.terminate();
    worker = null;
    const waiting = [...pending.values()];
    pending.clear();
    for (const p of waiting) inPage(p.job).then(p.resolve, p.reject);
  });
  return worker;
}

/**
 * Run a job off the page's thread when possible. File bytes are copied, not transferred (a copy of
 * 5 MB takes a millisecond), so a job can still run on the page if the worker fails to start.
 */
export function runJob<J extends FileJob>(job: J): Promise<FileJobAnswer<J>> {
  const w = getWorker();
  if (!w) return inPage(job);
  return new Promise((resolve, reject) => {
    const id = ++seq;
    pending.set(id, { resolve: resolve as (a: unknown) => void, reject, job });
    w.postMessage({ id, job });
  });
}

/**
 * Resolve at the start of a new task, marked `label` on the performance timeline: the reading of a
 * stored value or a link then starts in its own task, never inside the page's first render.
 */
export function nextTask(label: string): Promise<void> {
  return new Promise((resolve) =>
    setTimeout(() => {
      performance.mark?.(label);
      resolve();
    }, 0),
  );
}
