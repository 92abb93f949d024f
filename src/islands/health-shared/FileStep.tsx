/**
 * The health pages' first step and their progress bar: a drop zone and file picker for a CSV, the
 * privacy note, the facts of the file read (name, encoding, rows, columns) and its parse problems;
 * and the progress of the running task with its Cancel button. Shared by the batch page and the
 * model designer.
 */
import { useRef, useState, type ReactNode, type Ref } from 'react';
import type { Translate } from '../../i18n/translator.ts';
import type { Locale } from '../../i18n/locales.ts';
import type { Issue } from '../../lib/health/score.ts';
import { formatNumber } from '../../lib/health/number-format.ts';
import { parseIssueText } from '../health-batch/issue-text.ts';

export interface FileFacts {
  name: string;
  /** The encoding in words. */
  encoding: string;
  rows: number;
  columns: number;
  parseErrorCount: number;
  /** The first parse problems (at most 100 are listed). */
  parseErrors: Issue[];
}

export function FileStep({
  t,
  lang,
  idPrefix,
  title,
  busy,
  onFile,
  facts,
  dropRef,
  children,
}: {
  t: Translate;
  lang: Locale;
  /** Prefix of the step's element ids ('batch', 'design'). */
  idPrefix: string;
  title: string;
  busy: boolean;
  onFile: (f: File) => void;
  facts: FileFacts | null;
  dropRef?: Ref<HTMLButtonElement>;
  /** Shown above the drop zone (the batch page's model choice). */
  children?: ReactNode;
}) {
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  return (
    <section className="batch-step" aria-labelledby={`${idPrefix}-step-file`}>
      <h2 id={`${idPrefix}-step-file`}>{title}</h2>
      {children}
      <button
        type="button"
        ref={dropRef}
        className={`drop-zone${dragging ? ' dragging' : ''}`}
        data-testid="drop-zone"
        aria-describedby={`${idPrefix}-privacy`}
        disabled={busy}
        onClick={() => input.current?.click()}
        onDragEnter={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          const f = e.dataTransfer.files?.[0];
          if (f) onFile(f);
        }}
      >
        <span className="drop-title">{t('batch.drop.title')}</span>
        <span className="drop-hint">{t('batch.drop.hint')}</span>
      </button>
      <input
        ref={input}
        type="file"
        accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
        className="visually-hidden"
        tabIndex={-1}
        aria-label={t('batch.file.input')}
        data-testid="csv-file"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) onFile(f);
        }}
      />
      <p id={`${idPrefix}-privacy`} className="muted">
        {t('batch.privacy')}
      </p>
      {facts && (
        <dl className="file-facts" data-testid="file-facts">
          <div>
            <dt>{t('batch.file.name')}</dt>
            <dd data-testid="file-name">{facts.name}</dd>
          </div>
          <div>
            <dt>{t('batch.file.encoding')}</dt>
            <dd data-testid="encoding">{facts.encoding}</dd>
          </div>
          <div>
            <dt>{t('batch.file.rows')}</dt>
            <dd data-testid="row-count">{formatNumber(facts.rows, lang, 0)}</dd>
          </div>
          <div>
            <dt>{t('batch.file.columns')}</dt>
            <dd>{formatNumber(facts.columns, lang, 0)}</dd>
          </div>
        </dl>
      )}
      {facts && facts.parseErrorCount > 0 && (
        <details className="parse-errors" data-testid="parse-errors">
          <summary>{t('batch.file.parseErrors', { n: formatNumber(facts.parseErrorCount, lang, 0) })}</summary>
          <ul>
            {facts.parseErrors.slice(0, 100).map((e, i) => (
              <li key={i}>{parseIssueText(t, e)}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

/** The running task: its progress bar (indeterminate until the total is known), status line and Cancel. */
export function ProgressPanel({
  t,
  barId,
  label,
  done,
  total,
  barText,
  status,
  onCancel,
}: {
  t: Translate;
  barId: string;
  label: string;
  done: number;
  total: number;
  /** The bar's fallback text. */
  barText?: string;
  status: string;
  onCancel: () => void;
}) {
  return (
    <div className="batch-progress" data-testid="progress">
      <label htmlFor={barId}>{label}</label>
      <progress id={barId} max={Math.max(1, total)} value={total ? done : undefined}>
        {barText}
      </progress>
      <p role="status" className="muted">
        {status}
      </p>
      <button type="button" onClick={onCancel} data-testid="cancel">
        {t('batch.cancel')}
      </button>
    </div>
  );
}
