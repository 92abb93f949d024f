/**
 * Batch scoring and backtest island: choose a model, load a CSV (drop zone or file picker), map
 * columns and value labels, score every row in a Web Worker (progress, cancel), then see the band
 * distribution, a sortable table, the rows with problems, the backtest and export the scored CSV.
 * The file stays a File: the worker reads it in chunks, so a million rows never reach this page.
 * State and rendering only: the rules live in src/lib/health (csv, backtest, csv-file-check, column-mapping, value-labels…).
 */
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { translator, type Dict } from '../i18n/translator.ts';
import { guessMapping } from '../lib/health/csv.ts';
import type { ColumnMapping, Encoding, ValueMaps } from '../lib/health/csv.ts';
import { BatchCancelled } from '../lib/health/csv-stream.ts';
import type { BatchSummary, InspectOutput, BatchProgress } from '../lib/health/batch-session.ts';
import { checkParsed, MAX_STREAMED_BYTES } from '../lib/health/csv-file-check.ts';
import { duplicateColumns, mappedCoverage, rangeWarnings } from '../lib/health/column-mapping.ts';
import { buildValueMaps, unresolvedLabels, valueSteps } from '../lib/health/value-labels.ts';
import { formatNumber, formatPercent } from '../lib/health/number-format.ts';
import type { BatchClientData } from '../lib/health/batch-props.ts';
import { workerClient, type BatchClient } from './health-batch/runner.ts';
import { ColumnMappingStep, ValueLabelStep } from './health-batch/Mapping.tsx';
import { Notices } from './notices.tsx';
import { FileStep, ProgressPanel } from './health-shared/FileStep.tsx';
import { useTask, workerErrorText } from './health-shared/use-task.ts';

// Charts, tables and the backtest load once there are results (chart.js is not needed before).
const Results = lazy(() => import('./health-batch/Results.tsx'));

export interface LoadedFile extends InspectOutput {
  file: File;
  name: string;
}

export interface BatchResults {
  /** The scored file in the worker, for the table's pages and the export. */
  run: string;
  summary: BatchSummary;
  modelId: string;
  fileName: string;
  /** What the results were computed from, to tell when they are out of date. */
  signature: string;
}

/** Reading: progress in bytes of the file (rows are counted as they come); scoring: in rows. */
type Busy = { phase: 'reading' | 'scoring'; rows: number; done: number; total: number };

const signatureOf = (
  modelId: string,
  file: LoadedFile | null,
  mapping: ColumnMapping | null,
  maps: ValueMaps,
): string => JSON.stringify([modelId, file?.name, file?.file.size, file?.file.lastModified, mapping, maps]);

/** Bytes read to tell whether a file can be a CSV at all. */
const SNIFF_BYTES = 65536;

export default function HealthBatch({
  data,
  dict,
  client = workerClient,
  designHref,
}: {
  data: BatchClientData;
  dict: Dict;
  client?: BatchClient;
  designHref?: string;
}) {
  const t = useMemo(() => translator(dict), [dict]);
  const lang = data.lang;
  const [modelId, setModelId] = useState(data.models[0].id);
  const bm = data.models.find((m) => m.id === modelId) ?? data.models[0];
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [choices, setChoices] = useState<Record<string, Record<string, string>>>({});
  const { busy, setBusy, notice, setNotice, run, loadCsv, cancel } = useTask<Busy>(t);
  const [results, setResults] = useState<BatchResults | null>(null);
  const [ready, setReady] = useState(false);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const focusResults = useRef(false);
  const scoreButton = useRef<HTMLButtonElement>(null);
  const dropZone = useRef<HTMLButtonElement>(null);
  const cancelled = useRef(false);

  useEffect(() => setReady(true), []);

  const steps = useMemo(() => (file && mapping ? valueSteps(bm.model, mapping, file.labels) : []), [bm, file, mapping]);
  const valueMaps = useMemo(() => buildValueMaps(steps, choices), [steps, choices]);
  const signature = signatureOf(bm.id, file, mapping, valueMaps);
  const stale = results !== null && results.signature !== signature;
  const duplicates = mapping ? duplicateColumns(mapping) : [];
  const outOfRange = useMemo(
    () => (file && mapping ? rangeWarnings(bm.model, mapping, file.sample) : []),
    [bm, file, mapping],
  );
  const coverage = mapping ? mappedCoverage(bm.model, mapping) : 0;
  const unresolved = unresolvedLabels(steps, choices);
  const canScore =
    file !== null &&
    mapping !== null &&
    Object.keys(mapping.measures).length > 0 &&
    duplicates.length === 0 &&
    busy === null;

  // The Cancel button goes away with the progress bar: give focus back to where the run started.
  useEffect(() => {
    if (busy === null && cancelled.current) {
      cancelled.current = false;
      (scoreButton.current ?? dropZone.current)?.focus();
    }
  }, [busy]);

  useEffect(() => {
    if (results && focusResults.current) {
      focusResults.current = false;
      resultsHeading.current?.focus();
    }
  }, [results]);

  function chooseModel(id: string) {
    setModelId(id);
    const next = data.models.find((m) => m.id === id);
    if (file && next) {
      setMapping(guessMapping(file.headers, next.model));
      setChoices({});
    }
  }

  function loadFile(f: File) {
    return loadCsv(f, {
      head: SNIFF_BYTES,
      maxBytes: MAX_STREAMED_BYTES,
      failed: t('batch.file.failed', { file: f.name }),
      start: { phase: 'reading', rows: 0, done: 0, total: 0 },
      parse: async (_head, signal) => {
        const out = await client(
          { type: 'inspect', file: f },
          (p: BatchProgress) => setBusy({ phase: 'reading', rows: p.rows, done: p.bytes, total: p.totalBytes }),
          signal,
        );
        const p = checkParsed(out);
        if (p) return p;
        setFile({ ...out, file: f, name: f.name });
        setMapping(guessMapping(out.headers, bm.model));
        setChoices({});
        return null;
      },
    });
  }

  async function score() {
    if (!canScore || !file || !mapping) return;
    const sig = signature;
    await run(
      { phase: 'scoring', rows: 0, done: 0, total: file.rowCount },
      async (signal) => {
        const input = { model: bm.model, mapping, valueMaps, encoding: file.encoding };
        const { run, summary } = await client(
          { type: 'score', file: file.file, input },
          (p: BatchProgress) => setBusy({ phase: 'scoring', rows: p.rows, done: p.rows, total: file.rowCount }),
          signal,
        );
        focusResults.current = true;
        if (results) void client({ type: 'release', run: results.run });
        setResults({ run, summary, modelId: bm.id, fileName: file.name, signature: sig });
      },
      {
        cancel: BatchCancelled,
        cancelled: results ? t('batch.score.cancelledKept') : t('batch.score.cancelled'),
        failed: (e) => setNotice({ kind: 'error', text: t('batch.score.failed'), details: [workerErrorText(t, e)] }),
      },
    );
  }

  const encodingLabel = (e: Encoding) => t(`batch.encoding.${e}`);
  const resultModel = results ? (data.models.find((m) => m.id === results.modelId) ?? bm) : bm;

  return (
    <div className="health-batch" data-ready={ready ? 'true' : 'false'}>
      <FileStep
        t={t}
        lang={lang}
        idPrefix="batch"
        title={t('batch.step.file')}
        busy={busy !== null}
        onFile={(f) => void loadFile(f)}
        dropRef={dropZone}
        facts={
          file && {
            name: file.name,
            encoding: encodingLabel(file.encoding),
            rows: file.rowCount,
            columns: file.headers.length,
            parseErrorCount: file.parseErrorCount,
            parseErrors: file.parseErrors,
          }
        }
      >
        <div className="form-grid">
          <label>
            {t('batch.model')}
            <select
              value={modelId}
              onChange={(e) => chooseModel(e.target.value)}
              data-testid="model"
              disabled={busy !== null}
            >
              {data.models.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </label>
        </div>
        <p className="muted">
          <a href={bm.href}>{t('batch.modelLink', { model: bm.name })}</a>
        </p>
      </FileStep>

      <Notices notices={notice ? [notice] : []} onDismiss={() => setNotice(null)} t={t} testId="notice" />

      {file && mapping && (
        <>
          <ColumnMappingStep
            t={t}
            lang={lang}
            model={bm}
            headers={file.headers}
            rows={file.sample}
            mapping={mapping}
            onChange={setMapping}
            coverage={coverage}
            duplicates={duplicates}
            outOfRange={outOfRange}
          />
          {steps.length > 0 && (
            <ValueLabelStep
              t={t}
              lang={lang}
              model={bm}
              headers={file.headers}
              steps={steps}
              choices={choices}
              onChoose={(key, label, value) => setChoices((c) => ({ ...c, [key]: { ...c[key], [label]: value } }))}
            />
          )}
          <section className="batch-step" aria-labelledby="batch-step-score">
            <h2 id="batch-step-score">{t('batch.step.score')}</h2>
            {coverage + 1e-9 < bm.minCoverage && Object.keys(mapping.measures).length > 0 && (
              <p className="notice" data-testid="coverage-warning">
                {t('batch.map.lowCoverage', {
                  coverage: formatPercent(coverage, lang, 0),
                  min: formatPercent(bm.minCoverage, lang, 0),
                })}
              </p>
            )}
            {designHref && coverage + 1e-9 < bm.minCoverage && (
              <p>
                <a href={designHref} data-testid="build-model-link">
                  {t('batch.map.buildModel')}
                </a>
              </p>
            )}
            {unresolved.length > 0 && (
              <p className="muted" data-testid="unresolved">
                {t('batch.values.unresolved', { n: unresolved.length })}
              </p>
            )}
            <div className="actions">
              <button
                type="button"
                className="primary"
                ref={scoreButton}
                onClick={() => void score()}
                disabled={!canScore}
                data-testid="score"
              >
                {t('batch.score')}
              </button>
            </div>
            {Object.keys(mapping.measures).length === 0 && <p className="muted">{t('batch.score.needMeasure')}</p>}
          </section>
        </>
      )}

      {busy && (
        <ProgressPanel
          t={t}
          barId="batch-progress-bar"
          label={busy.phase === 'reading' ? t('batch.progress.reading') : t('batch.progress.scoring')}
          done={busy.done}
          total={busy.total}
          barText={busy.total ? formatPercent(busy.done / busy.total, lang, 0) : ''}
          status={
            !busy.total
              ? t('batch.progress.starting')
              : busy.phase === 'reading'
                ? t('batch.progress.read', {
                    rows: formatNumber(busy.rows, lang, 0),
                    pct: formatPercent(busy.done / busy.total, lang, 0),
                  })
                : t('batch.progress.rows', {
                    done: formatNumber(busy.done, lang, 0),
                    total: formatNumber(busy.total, lang, 0),
                    pct: formatPercent(busy.done / busy.total, lang, 0),
                  })
          }
          onCancel={() => {
            cancelled.current = true;
            cancel();
          }}
        />
      )}

      {results && (
        <section className="batch-results" aria-labelledby="batch-results-title" data-testid="results">
          <h2 id="batch-results-title" ref={resultsHeading} tabIndex={-1}>
            {t('batch.results.title', { file: results.fileName, model: resultModel.name })}
          </h2>
          {stale && (
            <p className="notice" data-testid="stale">
              {t('batch.results.stale')}
            </p>
          )}
          <Suspense fallback={<p className="muted">{t('batch.results.loading')}</p>}>
            <Results t={t} lang={lang} model={resultModel} results={results} client={client} />
          </Suspense>
        </section>
      )}
    </div>
  );
}
