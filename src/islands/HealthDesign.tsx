/**
 * Health model designer: read any accounts CSV (the batch page's worker: encodings, row errors),
 * choose the measure, outcome and account columns, take or edit the suggested scoring per column,
 * set or fit the weights (cross-validated in a Web Worker), see the backtest redraw on every change,
 * choose bands from the data and export the model as content YAML. State and rendering only: the
 * rules live in src/lib/health/design.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { translator, type Dict } from '../i18n/translator.ts';
import type { Locale } from '../i18n/locales.ts';
import { checkParsed } from '../lib/health/csv-file-check.ts';
import type { Issue } from '../lib/health/score.ts';
import type { ColumnTable } from '../lib/health/design/file-columns.ts';
import { formatNumber, formatPercent } from '../lib/health/number-format.ts';
import {
  dataIssues,
  guessRoles,
  outcomeCounts,
  profileColumns,
  readColumn,
  readOutcome,
  MIN_CHURNED,
  type ColumnKind,
  type ColumnProfile,
} from '../lib/health/design/columns.ts';
import { startDesign, suggestMeasure } from '../lib/health/design/start.ts';
import {
  designProblems,
  pointsColumn,
  scoreRowsFast,
  toHealthModel,
  type Design,
  type DesignMeasure,
} from '../lib/health/design/design.ts';
import { FitCancelled, type SuggestResult } from '../lib/health/design/fit.ts';
import { workerRead, workerSuggest, type FileRunner, type SuggestRunner } from './health-design/runner.ts';
import { ColumnsStep, type Role } from './health-design/ColumnsStep.tsx';
import { MeasuresStep } from './health-design/MeasuresStep.tsx';
import { WeightsStep } from './health-design/WeightsStep.tsx';
import { ExportStep } from './health-design/ExportStep.tsx';
import { dataIssueText, problemText } from './health-design/text.ts';
import { todayIso } from './browser.ts';
import { Notices } from './notices.tsx';
import { FileStep, ProgressPanel } from './health-shared/FileStep.tsx';
import { useTask } from './health-shared/use-task.ts';

// The backtest and its charts load once there is a design (chart.js is not needed before).
const BacktestStep = lazy(() => import('./health-design/BacktestStep.tsx'));

export interface DesignFile {
  name: string;
  encoding: string | null;
  headers: string[];
  /** The file by column: no row arrays of strings on the page. */
  table: ColumnTable;
  parseErrors: Issue[];
}
type Busy = { phase: 'reading' | 'fitting'; done: number; total: number };

export interface DesignProps {
  lang: Locale;
  dict: Dict;
  batchHref: string;
  read?: FileRunner;
  suggest?: SuggestRunner;
}

const designKey = (d: Design) =>
  JSON.stringify([d.measures.map((m) => [m.scoring, m.weight, m.group, m.direction]), d.groups, d.minCoverage]);

export default function HealthDesign({ lang, dict, read = workerRead, suggest = workerSuggest }: DesignProps) {
  const t = useMemo(() => translator(dict), [dict]);
  const [file, setFile] = useState<DesignFile | null>(null);
  const [roles, setRoles] = useState<Role[]>([]);
  const [churnLabels, setChurnLabels] = useState<string[]>([]);
  const [design, setDesign] = useState<Design | null>(null);
  const [fit, setFit] = useState<{ result: SuggestResult; key: string; applied?: boolean } | null>(null);
  const { busy, setBusy, notice, setNotice, run, loadCsv, cancel } = useTask<Busy>(t);
  const [ready, setReady] = useState(false);

  useEffect(() => setReady(true), []);

  const profiles: ColumnProfile[] = useMemo(() => (file ? profileColumns(file.headers, file.table) : []), [file]);
  const outcomeCol = roles.indexOf('outcome');
  const accountCol = roles.indexOf('account');
  const measureRoles = roles
    .map((r, col) => ({ r, col }))
    .filter((x) => x.r === 'numeric' || x.r === 'categorical')
    .map((x) => ({ col: x.col, kind: x.r as ColumnKind }));
  const outcome = useMemo(
    () => (file && outcomeCol >= 0 ? readOutcome(file.table, outcomeCol, churnLabels) : null),
    [file, outcomeCol, churnLabels],
  );
  const issues = useMemo(
    () =>
      file
        ? dataIssues(file.headers, file.table, profiles, {
            outcome: outcomeCol >= 0 ? outcomeCol : null,
            account: accountCol >= 0 ? accountCol : null,
            churnLabels,
            measures: measureRoles,
          })
        : [],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [file, profiles, roles, churnLabels],
  );
  const counts = outcome ? outcomeCounts(outcome) : null;
  const blocking = issues.some(
    (i) => i.code === 'one-class' || i.code === 'too-few-rows' || i.code === 'no-churn-label',
  );
  const canBuild = file !== null && outcome !== null && measureRoles.length > 0 && !blocking && busy === null;

  // Column data of the design's measures, read once per set of columns.
  const colKey = design ? design.measures.map((m) => `${m.col}:${m.kind}`).join(',') : '';
  const columns = useMemo(
    () => (file && design ? design.measures.map((m) => readColumn(file.table, m.col, m.kind)) : []),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [file, colKey],
  );
  const model = useMemo(() => (design ? toHealthModel(design) : null), [design]);
  const problems = useMemo(() => (design ? designProblems(design) : []), [design]);
  const scores = useMemo(() => {
    if (!model || problems.length > 0) return null;
    return scoreRowsFast(
      model,
      model.measures.map((m, j) => pointsColumn(m, columns[j])),
    );
  }, [model, columns, problems]);

  function resetFile(f: DesignFile) {
    setFile(f);
    const prof = profileColumns(f.headers, f.table);
    const g = guessRoles(prof, f.table.rowCount);
    setRoles(
      prof.map((p) =>
        p.col === g.outcome
          ? 'outcome'
          : p.col === g.account
            ? 'account'
            : p.constant || p.missingShare > 0.5 || (p.distinct > 50 && p.kind === 'categorical')
              ? 'ignore'
              : p.kind,
      ),
    );
    setChurnLabels(g.churnLabels);
    setDesign(null);
    setFit(null);
  }

  function loadFile(f: File) {
    return loadCsv(f, {
      failed: t('design.file.failed', { file: f.name }),
      start: { phase: 'reading', done: 0, total: 0 },
      parse: async (bytes, signal) => {
        const out = await read(bytes, (done, total) => setBusy({ phase: 'reading', done, total }), signal);
        const p = checkParsed({ headers: out.headers, rowCount: out.table.rowCount });
        if (p) return p;
        resetFile({ name: f.name, ...out });
        return null;
      },
    });
  }

  function build() {
    if (!canBuild || !file || !outcome) return;
    setDesign(
      startDesign({
        headers: file.headers,
        rows: file.table,
        measures: measureRoles,
        outcome,
        file: file.name,
        date: todayIso(),
      }),
    );
    setFit(null);
  }

  const updateMeasure = useCallback(
    (id: string, change: Partial<DesignMeasure> | ((m: DesignMeasure, j: number) => DesignMeasure)) => {
      setDesign(
        (d) =>
          d && {
            ...d,
            measures: d.measures.map((m, j) =>
              m.id !== id ? m : typeof change === 'function' ? change(m, j) : { ...m, ...change },
            ),
          },
      );
    },
    [],
  );
  const resuggest = useCallback(
    (id: string, force: Parameters<typeof suggestMeasure>[3]) => {
      if (!outcome) return;
      updateMeasure(id, (m, j) => suggestMeasure(m, columns[j], outcome, force));
    },
    [outcome, columns, updateMeasure],
  );
  const setCoverage = useCallback((minCoverage: number) => setDesign((d) => d && { ...d, minCoverage }), []);
  const setBands = useCallback(
    (bands: Design['bands'], bandWhy: Design['bandWhy']) => setDesign((d) => d && { ...d, bands, bandWhy }),
    [],
  );

  function applyFit() {
    if (!design || !fit) return;
    const measures = design.measures.map((m, j) => ({ ...m, weight: fit.result.weights[j] }));
    const groups = design.groups.map((g) => ({
      ...g,
      weight: measures.filter((m) => m.group === g.id).reduce((a, m) => a + m.weight, 0) || g.weight,
    }));
    const next = { ...design, measures, groups };
    setDesign(next);
    setFit({ result: fit.result, key: designKey(next), applied: true });
  }

  async function runFit(seed: number) {
    if (!design || !outcome || busy) return;
    const key = designKey(design);
    await run(
      { phase: 'fitting', done: 0, total: 6 },
      async (signal) => {
        const result = await suggest(
          { design, columns, outcome, options: { k: 5, seed, lambda: 1 } },
          (done, total) => setBusy({ phase: 'fitting', done, total }),
          signal,
        );
        setFit({ result, key });
      },
      {
        cancel: FitCancelled,
        cancelled: t('design.fit.cancelled'),
        failed: (e) =>
          setNotice({
            kind: 'error',
            text: t('design.fit.failed'),
            details: [String(e instanceof Error ? e.message : e)],
          }),
      },
    );
  }

  const progress = busy && (
    <ProgressPanel
      t={t}
      barId="design-progress-bar"
      label={busy.phase === 'reading' ? t('batch.progress.reading') : t('design.fit.progress')}
      done={busy.done}
      total={busy.total}
      status={
        busy.total
          ? t(busy.phase === 'reading' ? 'batch.progress.rows' : 'design.fit.steps', {
              done: formatNumber(busy.done, lang, 0),
              total: formatNumber(busy.total, lang, 0),
              pct: formatPercent(busy.done / busy.total, lang, 0),
            })
          : t('batch.progress.starting')
      }
      onCancel={cancel}
    />
  );

  return (
    <div className="health-design" data-ready={ready ? 'true' : 'false'}>
      <FileStep
        t={t}
        lang={lang}
        idPrefix="design"
        title={t('design.step.file')}
        busy={busy !== null}
        onFile={(f) => void loadFile(f)}
        facts={
          file && {
            name: file.name,
            encoding:
              file.encoding === null
                ? t('batch.encoding.text')
                : t(`batch.encoding.${file.encoding}` as 'batch.encoding.utf-8'),
            rows: file.table.rowCount,
            columns: file.headers.length,
            parseErrorCount: file.parseErrors.length,
            parseErrors: file.parseErrors,
          }
        }
      />

      <Notices notices={notice ? [notice] : []} onDismiss={() => setNotice(null)} t={t} testId="notice" />

      {file && (
        <ColumnsStep
          t={t}
          lang={lang}
          profiles={profiles}
          roles={roles}
          onRoles={setRoles}
          churnLabels={churnLabels}
          onChurnLabels={setChurnLabels}
          counts={counts}
        >
          {issues.length > 0 && (
            <ul className="problem-list design-issues" data-testid="data-issues">
              {issues.map((i, k) => (
                <li
                  key={k}
                  data-code={i.code}
                  className={
                    i.code === 'one-class' ||
                    i.code === 'too-few-rows' ||
                    i.code === 'no-churn-label' ||
                    i.code === 'leakage'
                      ? 'error'
                      : 'warn'
                  }
                >
                  {dataIssueText(t, lang, i)}
                </li>
              ))}
            </ul>
          )}
          <div className="actions">
            <button type="button" className="primary" onClick={build} disabled={!canBuild} data-testid="build">
              {design ? t('design.rebuild') : t('design.build')}
            </button>
          </div>
          {outcomeCol < 0 && (
            <p className="muted" data-testid="need-outcome">
              {t('design.needOutcome')}
            </p>
          )}
          {outcomeCol >= 0 && measureRoles.length === 0 && <p className="muted">{t('design.needMeasure')}</p>}
        </ColumnsStep>
      )}

      {busy?.phase === 'reading' && progress}

      {file && design && outcome && (
        <>
          <MeasuresStep
            t={t}
            lang={lang}
            design={design}
            columns={columns}
            outcome={outcome}
            scores={scores}
            table={file.table}
            accountCol={accountCol}
            onMeasure={updateMeasure}
            onResuggest={resuggest}
            onCoverage={setCoverage}
          />
          <WeightsStep
            t={t}
            lang={lang}
            design={design}
            setDesign={setDesign}
            fit={fit && fit.key === designKey(design) ? fit.result : null}
            staleFit={fit && fit.key !== designKey(design) ? fit.result : null}
            churned={counts?.churned ?? 0}
            busy={busy !== null}
            onFit={(seed) => void runFit(seed)}
            minChurned={MIN_CHURNED}
            applied={fit !== null && fit.applied === true && fit.key === designKey(design)}
            onApply={applyFit}
          >
            {busy?.phase === 'fitting' && progress}
          </WeightsStep>
          {problems.length > 0 && (
            <ul className="problem-list" data-testid="design-problems">
              {problems.map((p, i) => (
                <li key={i}>{problemText(t, design, p)}</li>
              ))}
            </ul>
          )}
          {scores && model && (
            <Suspense fallback={<p className="muted">{t('batch.results.loading')}</p>}>
              <BacktestStep
                t={t}
                lang={lang}
                design={design}
                model={model}
                scores={scores}
                outcome={outcome}
                fileName={file.name}
                onBands={setBands}
              />
            </Suspense>
          )}
          <ExportStep t={t} lang={lang} design={design} problems={problems} setDesign={setDesign} />
        </>
      )}
    </div>
  );
}
