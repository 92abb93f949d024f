/**
 * Web Worker that reads files, share links and stored values for the self-assessment and team pages:
 * receives { id, job } messages, runs runFileJob off the page's thread and posts { id, answer } (or
 * { id, error } when a job itself failed). Only forwards messages: all logic is in src/lib.
 */
import { runFileJob, type FileJob } from '../lib/file-jobs.ts';

interface WorkerScope {
  postMessage(message: { id: number; answer?: unknown; error?: string }): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<{ id: number; job: FileJob }>) => void): void;
}
const scope = self as unknown as WorkerScope;

scope.addEventListener('message', (e) => {
  const { id, job } = e.data;
  try {
    scope.postMessage({ id, answer: runFileJob(job) });
  } catch (err) {
    scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
});
