/**
 * The health pages' cancellable work (reading a CSV in the worker, scoring, fitting): one task at a
 * time with its progress state, cancel, and the notice it ends with. Shared by the batch page and
 * the model designer.
 */
import { useEffect, useRef, useState } from 'react';
import type { Translate } from '../../i18n/translator.ts';
import { sniffFile, type FileProblem } from '../../lib/health/csv-file-check.ts';
import { BatchCancelled } from '../../lib/health/csv-stream.ts';
import { BatchError } from '../health-batch/runner.ts';
import { fileProblemText } from '../health-batch/issue-text.ts';
import type { Notice } from '../notices.tsx';

/** A worker's failure in words: its structured error, or the error as a string. */
export const workerErrorText = (t: Translate, e: unknown): string =>
  e instanceof BatchError
    ? t('batch.error.worker', { message: String(e.issue.params.message ?? e.issue.code) })
    : String(e);

export interface TaskEnd {
  /** The error class a cancelled task rejects with. */
  cancel: abstract new (
    ...args: never[]
  ) => Error;
  /** The notice after a cancel. */
  cancelled: string;
  /** Any other rejection. */
  failed: (e: unknown) => void;
}

export interface CsvLoad<B> {
  /** Bytes read to check the file (all of it when absent); they go to `parse`. */
  head?: number;
  /** Largest file accepted (the check's default when absent). */
  maxBytes?: number;
  /** The notice when the file cannot be used. */
  failed: string;
  /** Progress state while `parse` runs. */
  start: B;
  /** Reads the file in the worker; a problem found in what it read is shown as the file's failure. */
  parse: (bytes: Uint8Array, signal: AbortSignal) => Promise<FileProblem | null>;
}

export function useTask<B>(t: Translate) {
  const [busy, setBusy] = useState<B | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  /** Runs one task: busy from `start` until it settles, the notice cleared, a rejection turned into a notice. */
  async function run(start: B, work: (signal: AbortSignal) => Promise<void>, end: TaskEnd): Promise<void> {
    const ac = new AbortController();
    abort.current = ac;
    setBusy(start);
    setNotice(null);
    try {
      await work(ac.signal);
    } catch (e) {
      if (e instanceof end.cancel) setNotice({ kind: 'info', text: end.cancelled });
      else end.failed(e);
    } finally {
      if (abort.current === ac) abort.current = null;
      setBusy(null);
    }
  }

  /** Checks that a file can be a CSV (size, binary content) and reads it in a task; each problem becomes a notice. */
  async function loadCsv(f: File, load: CsvLoad<B>): Promise<void> {
    if (busy) return;
    const failed = (details: string[]) => setNotice({ kind: 'error', text: load.failed, details });
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await (load.head === undefined ? f : f.slice(0, load.head)).arrayBuffer());
    } catch {
      failed([t('batch.file.unreadable')]);
      return;
    }
    const problem = sniffFile(bytes, f.name, { size: f.size, maxBytes: load.maxBytes });
    if (problem) {
      failed([fileProblemText(t, problem)]);
      return;
    }
    await run(
      load.start,
      async (signal) => {
        const p = await load.parse(bytes, signal);
        if (p) failed([fileProblemText(t, p)]);
      },
      {
        cancel: BatchCancelled,
        cancelled: t('batch.file.cancelled', { file: f.name }),
        failed: (e) => failed([workerErrorText(t, e)]),
      },
    );
  }

  return { busy, setBusy, notice, setNotice, run, loadCsv, cancel: () => abort.current?.abort() };
}
