/**
 * Health model designer: read any accounts CSV into the designer's worker (encodings, row errors),
 * choose the measure, outcome and account columns, take or edit the suggested scoring per column,
 * set or fit the weights (cross-validated in a Web Worker), see the backtest redraw on every change,
 * choose bands from the data and export the model as content YAML. The rows stay in the worker: the
 * page sends the roles and the design, and gets summaries back. State and rendering only: the rules
 * live in src/lib/health/design.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { translator, type Dict } from '../i18n/translator.ts';
import type { Locale } from '../i18n/locales.ts';
import { checkParsed } from '../lib/health/csv-file-check.ts';
import type { Issue } from '../lib/health/score.ts';
import { formatNumber, formatPercent } from '../lib/health/number-format.ts';
import { issueSeverity, MIN_CHURNED, type ColumnKind, type ColumnProfile } from '../lib/health/design/columns.ts';
import type { suggestMeasure } from '../lib/health/design/start.ts';
import { designProblems, type Design, type DesignMeasure } from '../lib/health/design/design.ts';
import { FitCancelled, type SuggestResult } from '../lib/health/design/fit.ts';
import { LatestOnly } from '../lib/health/design/latest.ts';
import type { CheckAnswer, DesignView, OutcomeSpec } from '../lib/health/design/session.ts';
import type { Query, QueryAnswer } from '../lib/health/design/worker-messages.ts';
import { workerClient, type DesignClient } from './health-design/runner.ts';
import { ColumnsStep, type ColumnRole } from './health-design/ColumnsStep.tsx';
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

/** The file as the page knows it: its rows stay in the worker. */
export interface DesignFile {
  name: string;
  encoding: string | null;
  headers: string[];
  rowCount: number;
  profiles: ColumnProfile[];
  parseErrors: Issue[];
}
type Busy = { phase: 'reading' | 'fitting'; done: number; total: number };

export interface DesignProps {
  lang: Locale;
  dict: Dict;
  batchHref: string;
  /** Where the file is read and the rows are worked on (the designer's worker by default). */
  client?: DesignClient;
}

const designKey = (d: Design) =>
  JSON.stringify([d.measures.map((m) => [m.scoring, m.weight, m.group, m.direction]), d.groups, d.minCoverage]);
/** What the backtest's summaries depend on: the design but its bands (redrawn on the page), the outcome, the account column. */
const viewKey = (d: Design, outcome: OutcomeSpec, account: number | null) =>
  JSON.stringify([{ ...d, bands: undefined, bandWhy: undefined }, outcome, account]);

/** One kind of query to the client, latest wins. */
function useLatest<Q extends Query>(client: DesignClient) {
  return useMemo(() => new LatestOnly<Q, QueryAnswer<Q>>((q) => client.query(q)), [client]);
}

export default function HealthDesign({ lang, dict, client: given }: DesignProps) {
  const t = useMemo(() => translator(dict), [dict]);
  const client = useMemo(() => given ?? workerClient(), [given]);
  const [file, setFile] = useState<DesignFile | null>(null);
  const [roles, setRoles] = useState<ColumnRole[]>([]);
  const [churnLabels, setChurnLabels] = useState<string[]>([]);
  const [design, setDesign] = useState<Design | null>(null);
  const [fit, setFit] = useState<{ result: SuggestResult; key: string; applied?: boolean } | null>(null);
  const [check, setCheck] = useState<{ key: string; answer: CheckAnswer } | null>(null);
  const [view, setView] = useState<{ key: string; view: DesignView } | null>(null);
  const [building, setBuilding] = useState(false);
  const { busy, setBusy, notice, setNotice, run, loadCsv, cancel } = useTask<Busy>(t);
  const [ready, setReady] = useState(false);
  const checks = useLatest<Extract<Query, { type: 'check' }>>(client);
  const views = useLatest<Extract<Query, { type: 'view' }>>(client);
  // The design as last rendered, and how many designs were built (a late answer for an older one is dropped).
  const current = useRef<{ design: Design | null; built: number }>({ design: null, built: 0 });
  current.current.design = design;

  useEffect(() => setReady(true), []);

  const profiles = file?.profiles ?? [];
  const outcomeCol = roles.indexOf('outcome');
  const accountCol = roles.indexOf('account');
  const measureRoles = roles
    .map((r, col) => ({ r, col }))
    .filter((x) => x.r === 'numeric' || x.r === 'categorical')
    .map((x) => ({ col: x.col, kind: x.r as ColumnKind }));
  const outcomeSpec = useMemo(
    () => (outcomeCol >= 0 ? { col: outcomeCol, churnLabels } : null),
    [outcomeCol, churnLabels],
  );
  const checkQuery = {
    outcome: outcomeCol >= 0 ? outcomeCol : null,
    account: accountCol >= 0 ? accountCol : null,
    churnLabels,
    measures: measureRoles,
  };
  const checkKey = JSON.stringify(checkQuery);
  // The data checks read every row: asked of the worker on each change of roles, latest wins.
  useEffect(() => {
    if (!file) return;
    const key = checkKey;
    checks.request({ type: 'check', query: checkQuery }, (answer) => setCheck({ key, answer }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [file, checkKey, checks]);
  const checked = check?.key === checkKey ? check.answer : null;
  const issues = checked?.issues ?? [];
  const counts = checked?.counts ?? null;
  const blocking = issues.some((i) => issueSeverity(i) === 'blocks');
  const canBuild =
    file !== null &&
    outcomeSpec !== null &&
    checked !== null &&
    measureRoles.length > 0 &&
    !blocking &&
    busy === null &&
    !building;

  const problems = useMemo(() => (design ? designProblems(design) : []), [design]);
  const currentViewKey = design && outcomeSpec ? viewKey(design, outcomeSpec, accountCol >= 0 ? accountCol : null) : '';
  // Scores, rows with problems and the backtest's summaries: from the worker on each change, latest wins.
  useEffect(() => {
    if (!design || !outcomeSpec) return;
    const key = currentViewKey;
    views.request(
      { type: 'view', query: { design, outcome: outcomeSpec, account: accountCol >= 0 ? accountCol : null } },
      (v) => setView({ key, view: v }),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [currentViewKey, views]);
  const shownView = view?.view ?? null;

  function resetFile(f: DesignFile, guess: { outcome: number | null; account: number | null; churnLabels: string[] }) {
    checks.reset();
    views.reset();
    current.current.built++;
    setCheck(null);
    setView(null);
    setFile(f);
    setRoles(
      f.profiles.map((p) =>
        p.col === guess.outcome
          ? 'outcome'
          : p.col === guess.account
            ? 'account'
            : p.constant || p.missingShare > 0.5 || (p.distinct > 50 && p.kind === 'categorical')
              ? 'ignore'
              : p.kind,
      ),
    );
    setChurnLabels(guess.churnLabels);
    setDesign(null);
    setFit(null);
  }

  function loadFile(f: File) {
    return loadCsv(f, {
      failed: t('design.file.failed', { file: f.name }),
      start: { phase: 'reading', done: 0, total: 0 },
      parse: async (bytes, signal) => {
        const out = await client.read(bytes, (done, total) => setBusy({ phase: 'reading', done, total }), signal);
        const p = checkParsed({ headers: out.headers, rowCount: out.rowCount });
        if (p) return p;
        const { guess, ...rest } = out;
        resetFile({ name: f.name, ...rest }, guess);
        return null;
      },
    });
  }

  const failed = (e: unknown) =>
    setNotice({ kind: 'error', text: t('design.fit.failed'), details: [String(e instanceof Error ? e.message : e)] });

  function build() {
    if (!canBuild || !file || !outcomeSpec) return;
    const built = ++current.current.built;
    setBuilding(true);
    client
      .query({
        type: 'build',
        query: { measures: measureRoles, outcome: outcomeSpec, file: file.name, date: todayIso() },
      })
      .then((d) => {
        if (built !== current.current.built) return;
        views.reset();
        setView(null);
        setDesign(d);
        setFit(null);
      }, failed)
      .finally(() => setBuilding(false));
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
      const m = current.current.design?.measures.find((x) => x.id === id);
      if (!outcomeSpec || !m) return;
      const built = current.current.built;
      client.query({ type: 'resuggest', measure: m, outcome: outcomeSpec, force: force ?? {} }).then((next) => {
        if (built !== current.current.built) return;
        // The scoring as suggested; names, group and weight as they are now.
        updateMeasure(id, (cur) => ({ ...next, label: cur.label, group: cur.group, weight: cur.weight }));
      }, failed);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [outcomeSpec, client, updateMeasure],
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
    if (!design || !outcomeSpec || busy) return;
    const key = designKey(design);
    await run(
      { phase: 'fitting', done: 0, total: 6 },
      async (signal) => {
        const result = await client.suggest(
          { design, outcome: outcomeSpec, options: { k: 5, seed, lambda: 1 } },
          (done, total) => setBusy({ phase: 'fitting', done, total }),
          signal,
        );
        setFit({ result, key });
      },
      {
        cancel: FitCancelled,
        cancelled: t('design.fit.cancelled'),
        failed,
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
            rows: file.rowCount,
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
                <li key={k} data-code={i.code} className={issueSeverity(i) === 'warn' ? 'warn' : 'error'}>
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

      {file && design && outcomeSpec && (
        <>
          <MeasuresStep
            t={t}
            lang={lang}
            design={design}
            view={shownView}
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
            churned={(counts ?? check?.answer.counts)?.churned ?? 0}
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
          {problems.length === 0 && shownView?.scores && (
            <Suspense fallback={<p className="muted">{t('batch.results.loading')}</p>}>
              <BacktestStep
                t={t}
                lang={lang}
                design={design}
                scores={shownView.scores.backtest}
                current={view?.key === currentViewKey}
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
