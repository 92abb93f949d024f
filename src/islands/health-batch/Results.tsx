/**
 * Results of a batch run: band distribution (chart + table), the sortable, paged table of scored
 * rows (each page asked of the worker, which holds the scored file), the rows with problems, the
 * scored-CSV export (written by the worker in chunks) and, with an outcome column, the backtest
 * explained in plain words. Loaded lazily with chart.js once there are results.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Translate } from '../../i18n/translator.ts';
import type { Locale } from '../../i18n/locales.ts';
import type { ScoredRow } from '../../lib/health/csv.ts';
import { backtestStory, type BacktestStory } from '../../lib/health/backtest-story.ts';
import { formatAuc, formatNumber, formatPercent } from '../../lib/health/number-format.ts';
import type { ResultColumn } from '../../lib/health/results-table.ts';
import { nextSort, type SortState } from '../../lib/table-sort.ts';
import { SortHeader } from '../SortHeader.tsx';
import { scoredFileName } from '../../lib/health/csv.ts';
import type { BatchModel } from '../../lib/health/batch-props.ts';
import { MAX_LISTED, type PageResult, type BatchProgress } from '../../lib/health/batch-session.ts';
import { BatchCancelled } from '../../lib/health/csv-stream.ts';
import { parseOutcome, type BacktestResult } from '../../lib/health/backtest.ts';
import { downloadBlob, todayIso } from '../browser.ts';
import type { BatchClient } from './runner.ts';
import { BandChart, type BandBar } from './BandChart.tsx';
import { RocChart } from './RocChart.tsx';
import { badRowText, bandLabel, measureLabel, outcomeIssueText, parseIssueText } from './issue-text.ts';
import type { BatchResults } from '../HealthBatch.tsx';
import { Metric, rocLabels } from '../health-shared/backtest-parts.tsx';
import { HeadRow, timesText } from '../health-shared/tables.tsx';

const INSUFFICIENT_COLOUR = '#9e9e9e';

function whyText(t: Translate, lang: Locale, model: BatchModel, s: ScoredRow): string {
  const r = s.result;
  if (r.status === 'insufficient-data')
    return t('batch.why.insufficient', { coverage: formatPercent(r.coverage, lang, 0) });
  const hit = r.overridesApplied.find((o) => o.changedBand);
  if (hit)
    return t('batch.why.override', {
      band: bandLabel(model, hit.forceBand),
      measure: measureLabel(model, hit.measure),
    });
  const low = r.reasons.find((x) => x.code === 'low-measure');
  if (low)
    return t('batch.why.low', {
      measure: measureLabel(model, low.params.measure),
      lost: formatNumber(Number(low.params.lostPoints), lang),
    });
  return t('batch.why.none');
}

/** The outcome as the backtest reads it (after the value labels), or the raw cell when it cannot. */
function outcomeText(t: Translate, raw: ScoredRow['outcome']): string {
  const o = parseOutcome(raw);
  if (o.ok) return o.churned ? t('batch.value.churned') : t('batch.value.renewed');
  return raw === null || raw === undefined ? '' : String(raw);
}

interface ResultsProps {
  t: Translate;
  lang: Locale;
  model: BatchModel;
  results: BatchResults;
  client: BatchClient;
}

function ResultsTable({ t, lang, model, results, client }: ResultsProps) {
  const out = results.summary;
  const [sort, setSort] = useState<SortState<ResultColumn>>({ key: 'row', dir: 'asc' });
  const [page, setPage] = useState(1);
  const [shown, setShown] = useState<{ key: string; result: PageResult } | null>(null);
  const [failed, setFailed] = useState(false);
  const key = JSON.stringify([results.run, sort, page, lang]);
  // The worker sorts the compact results and reads the page's rows again from the file; the rows
  // shown stay until the next page comes.
  useEffect(() => {
    let live = true;
    setFailed(false);
    client({ type: 'page', run: results.run, sort, page, lang })
      .then((result) => {
        if (live) setShown({ key, result });
      })
      .catch(() => {
        if (live) setFailed(true);
      });
    return () => {
      live = false;
    };
  }, [client, key, results.run, sort, page, lang]);
  const loading = shown?.key !== key;
  const p = shown?.result ?? { items: [], page: 1, pages: 1, from: 0, to: 0, total: out.scoredCount };
  const measureCols = model.measures
    .filter((m) => out.mapping.measures[m.id] !== undefined)
    .map((m) => ({
      id: m.id,
      col: out.mapping.measures[m.id],
      label: out.headers[out.mapping.measures[m.id]] || m.label,
    }));
  const hasOutcome = out.mapping.outcome !== null;
  const onSort = (k: ResultColumn) => {
    setSort((s) => nextSort(s, k));
    setPage(1);
  };
  const h = (label: string, k: ResultColumn, num = false) => (
    <SortHeader
      label={label}
      sortKey={k}
      sort={sort}
      onSort={onSort}
      t={t}
      idleIcon
      cell={{ className: num ? 'num' : undefined }}
    />
  );
  const pager = (where: string) => (
    <nav className="pager" aria-label={t('batch.table.pages', { where })}>
      <button type="button" onClick={() => setPage(1)} disabled={p.page <= 1}>
        {t('batch.table.first')}
      </button>
      <button type="button" onClick={() => setPage(p.page - 1)} disabled={p.page <= 1} data-testid={`prev-${where}`}>
        {t('batch.table.prev')}
      </button>
      <span className="pager-status" data-testid={where === 'top' ? 'page-status' : undefined}>
        {t('batch.table.range', {
          from: formatNumber(p.from, lang, 0),
          to: formatNumber(p.to, lang, 0),
          total: formatNumber(p.total, lang, 0),
          page: p.page,
          pages: p.pages,
        })}
      </span>
      <button
        type="button"
        onClick={() => setPage(p.page + 1)}
        disabled={p.page >= p.pages}
        data-testid={`next-${where}`}
      >
        {t('batch.table.next')}
      </button>
      <button type="button" onClick={() => setPage(p.pages)} disabled={p.page >= p.pages}>
        {t('batch.table.last')}
      </button>
    </nav>
  );
  return (
    <>
      {p.pages > 1 && pager('top')}
      {failed && (
        <p className="notice" role="alert">
          {t('batch.table.failed')}
        </p>
      )}
      <div className="table-wrap results-wrap" aria-busy={loading ? 'true' : 'false'}>
        <table className="results-table" data-testid="results-table" data-loading={loading ? 'true' : 'false'}>
          <caption>{t('batch.table.caption', { n: formatNumber(p.total, lang, 0) })}</caption>
          <thead>
            <tr>
              {h(t('batch.table.row'), 'row', true)}
              {h(t('batch.table.account'), 'account')}
              {h(t('batch.table.score'), 'score', true)}
              {h(t('batch.table.band'), 'band')}
              {h(t('batch.table.coverage'), 'coverage', true)}
              {hasOutcome && h(t('batch.table.outcome'), 'outcome')}
              <th scope="col">{t('batch.table.why')}</th>
              {measureCols.map((m) => (
                <SortHeader key={m.id} label={m.label} sortKey={`col:${m.col}`} sort={sort} onSort={onSort} t={t} />
              ))}
            </tr>
          </thead>
          <tbody>
            {p.items.map((s) => {
              const band = s.result.band ? model.bands[s.result.band.index] : null;
              return (
                <tr key={s.index} data-row={s.row}>
                  <td className="num">{s.row}</td>
                  <th scope="row" className="account">
                    {s.accountId ?? '—'}
                  </th>
                  <td className="num">{s.result.score === null ? '—' : s.result.score.toFixed(1)}</td>
                  <td className="band-cell" data-band={band?.id ?? ''}>
                    {band ? (
                      <>
                        <span className="swatch" style={{ background: band.colour }} aria-hidden="true" />
                        {band.label}
                      </>
                    ) : (
                      t('batch.band.insufficient')
                    )}
                  </td>
                  <td className="num">{formatPercent(s.result.coverage, lang, 0)}</td>
                  {hasOutcome && <td>{outcomeText(t, s.outcome)}</td>}
                  <td className="why">{whyText(t, lang, model, s)}</td>
                  {measureCols.map((m) => (
                    <td key={m.id} className="cell">
                      {s.cells[m.col] ?? ''}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {p.pages > 1 && pager('bottom')}
    </>
  );
}

function BacktestSection({
  t,
  lang,
  model,
  bt,
}: {
  t: Translate;
  lang: Locale;
  model: BatchModel;
  bt: BacktestResult;
}) {
  const story: BacktestStory = useMemo(() => backtestStory(bt), [bt]);
  const pct = (x: number | null) => formatPercent(x, lang, 1);
  const lowLabel = bandLabel(model, story.lowest.band);
  const labels = useMemo(
    () => rocLabels(t, lang, t('batch.roc.summary', { auc: formatAuc(story.auc.value) })),
    [t, lang, story],
  );
  const ratio = story.ratio;
  const ratioText = (() => {
    const low = bandLabel(model, ratio.low);
    const high = bandLabel(model, ratio.high);
    switch (ratio.kind) {
      case 'ratio':
        return t('batch.bt.ratio', {
          low,
          high,
          ratio: formatNumber(ratio.ratio, lang, 1),
          lowRate: pct(ratio.lowRate),
          highRate: pct(ratio.highRate),
        });
      case 'none-high':
        return t('batch.bt.ratioNoneHigh', { low, high, lowRate: pct(ratio.lowRate) });
      case 'not-higher':
        return t('batch.bt.ratioNotHigher', { low, high, lowRate: pct(ratio.lowRate), highRate: pct(ratio.highRate) });
      default:
        return t('batch.bt.ratioEmpty', { low, high });
    }
  })();
  return (
    <section className="backtest" aria-labelledby="batch-backtest" data-testid="backtest">
      <h3 id="batch-backtest">{t('batch.bt.title')}</h3>
      <p>{t('batch.bt.intro')}</p>
      <p data-testid="bt-overall">
        {t('batch.bt.overall', {
          n: formatNumber(story.n, lang, 0),
          churned: formatNumber(story.churned, lang, 0),
          renewed: formatNumber(story.renewed, lang, 0),
          rate: pct(story.overallRate),
        })}
      </p>
      {story.caveats.length > 0 && (
        <ul className="caveats" data-testid="bt-caveats">
          {story.caveats.map((c) => (
            <li key={c}>
              {c === 'few-churned'
                ? t('batch.bt.caveat.few-churned', { n: story.churned })
                : c === 'few-renewed'
                  ? t('batch.bt.caveat.few-renewed', { n: story.renewed })
                  : c === 'insufficient-data'
                    ? t('batch.bt.caveat.insufficient-data', { n: story.insufficientData })
                    : c === 'outcome-errors'
                      ? t('batch.bt.caveat.outcome-errors', { n: story.outcomeErrors })
                      : t('batch.bt.caveat.single-outcome')}
            </li>
          ))}
        </ul>
      )}

      <h4>{t('batch.bt.churnByBand')}</h4>
      <div className="table-wrap">
        <table data-testid="churn-table">
          <caption className="visually-hidden">{t('batch.bt.churnByBand')}</caption>
          <thead>
            <HeadRow
              cols={[
                t('batch.table.band'),
                { num: t('batch.bt.accounts') },
                { num: t('batch.bt.churned') },
                { num: t('batch.bt.rate') },
                { num: t('batch.bt.vsAverage') },
              ]}
            />
          </thead>
          <tbody>
            {story.bands.map((b, i) => (
              <tr key={b.id} data-band={b.id}>
                <th scope="row">
                  <span className="swatch" style={{ background: model.bands[i].colour }} aria-hidden="true" />
                  {model.bands[i].label} <span className="muted">({model.bands[i].range})</span>
                </th>
                <td className="num">{formatNumber(b.count, lang, 0)}</td>
                <td className="num">{formatNumber(b.churned, lang, 0)}</td>
                <td className="num">{pct(b.rate)}</td>
                <td className="num">{timesText(t, lang, b.vsOverall)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('batch.bt.all')}</th>
              <td className="num">{formatNumber(story.n, lang, 0)}</td>
              <td className="num">{formatNumber(story.churned, lang, 0)}</td>
              <td className="num">{pct(story.overallRate)}</td>
              <td className="num">{story.overallRate ? t('batch.times', { n: 1 }) : '—'}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="explain" data-testid="bt-ratio">
        {ratioText}
      </p>

      <dl className="metrics">
        <Metric
          testId="metric-auc"
          label={t('batch.bt.auc')}
          auc={story.auc.value}
          badge={
            <span className={`badge level-${story.auc.level}`} data-testid="auc-level">
              {t(`batch.auc.level.${story.auc.level}`)}
            </span>
          }
          explain={
            <>
              {story.auc.value === null
                ? t('batch.bt.aucNone')
                : t('batch.bt.aucExplain', { pct: formatNumber(story.auc.percent, lang, 1) })}{' '}
              {t(`batch.auc.means.${story.auc.level}`)}
            </>
          }
        />
        <Metric
          testId="metric-precision"
          label={t('batch.bt.precision', { band: lowLabel })}
          value={pct(story.lowest.precision)}
          explain={
            story.lowest.predicted === 0
              ? t('batch.bt.precisionNone', { band: lowLabel })
              : t('batch.bt.precisionExplain', {
                  band: lowLabel,
                  predicted: formatNumber(story.lowest.predicted, lang, 0),
                  tp: formatNumber(story.lowest.truePositives, lang, 0),
                  falseAlarms: formatNumber(story.lowest.falseAlarms, lang, 0),
                })
          }
        />
        <Metric
          testId="metric-recall"
          label={t('batch.bt.recall', { band: lowLabel })}
          value={pct(story.lowest.recall)}
          explain={
            story.churned === 0
              ? t('batch.bt.recallNone')
              : t('batch.bt.recallExplain', {
                  band: lowLabel,
                  churned: formatNumber(story.churned, lang, 0),
                  tp: formatNumber(story.lowest.truePositives, lang, 0),
                  missed: formatNumber(story.lowest.missed, lang, 0),
                })
          }
        />
        <Metric
          testId="metric-lift"
          label={t('batch.bt.lift')}
          value={timesText(t, lang, story.lift.lift)}
          explain={
            story.lift.lift === null
              ? t('batch.bt.liftNone')
              : t('batch.bt.liftExplain', {
                  size: formatNumber(story.lift.size, lang, 0),
                  rate: pct(story.lift.rate),
                  overall: pct(story.lift.overallRate),
                  lift: formatNumber(story.lift.lift, lang, 1),
                })
          }
        />
      </dl>

      <h4>{t('batch.roc.title')}</h4>
      <p>{t('batch.roc.help')}</p>
      {story.auc.value === null ? (
        <p className="muted">{t('batch.bt.aucNone')}</p>
      ) : (
        <RocChart roc={bt.roc} labels={labels} />
      )}

      {bt.errorCount > 0 && (
        <details className="problem-list" data-testid="outcome-errors">
          <summary>{t('batch.bt.errors', { n: formatNumber(bt.errorCount, lang, 0) })}</summary>
          <ul>
            {bt.errors.slice(0, MAX_LISTED).map((e, i) => (
              <li key={i}>
                <strong>{t('batch.row', { row: e.row ?? '?' })}</strong>
                {e.accountId ? ` (${e.accountId})` : ''}: {outcomeIssueText(t, e.reason)}
              </li>
            ))}
          </ul>
          {bt.errorCount > MAX_LISTED && (
            <p className="muted">{t('batch.more', { n: formatNumber(bt.errorCount - MAX_LISTED, lang, 0) })}</p>
          )}
        </details>
      )}
    </section>
  );
}

export default function Results({ t, lang, model, results, client }: ResultsProps) {
  const out = results.summary;
  const dist = out.distribution;
  const [exporting, setExporting] = useState<BatchProgress | null>(null);
  const [exportFailed, setExportFailed] = useState(false);
  const bars: BandBar[] = useMemo(
    () => [
      ...dist.bands.map((b, i) => ({
        label: `${model.bands[i].label} (${model.bands[i].range})`,
        count: b.count,
        colour: model.bands[i].colour,
        share: formatPercent(b.share, lang, 1),
      })),
      {
        label: t('batch.band.insufficient'),
        count: dist.insufficient,
        colour: INSUFFICIENT_COLOUR,
        share: formatPercent(dist.total ? dist.insufficient / dist.total : 0, lang, 1),
      },
    ],
    [dist, model, lang, t],
  );
  const distSummary = [
    ...dist.bands.map((b, i) =>
      t('batch.dist.band', {
        band: model.bands[i].label,
        n: formatNumber(b.count, lang, 0),
        share: formatPercent(b.share, lang, 1),
      }),
    ),
    t('batch.dist.insufficient', { n: formatNumber(dist.insufficient, lang, 0) }),
  ].join(' ');

  const warned = out.warned;
  const warningVars = (w: { params: Record<string, unknown> }) => ({
    header: String(w.params.header ?? `#${Number(w.params.column) + 1}`),
    value: String(w.params.value),
    min: String(w.params.min),
    max: String(w.params.max),
  });
  // The worker writes the file in chunks: the band labels and the warning's wording go with the request.
  const exportCsv = async () => {
    if (exporting) return;
    setExporting({ rows: 0, bytes: 0, totalBytes: 0 });
    setExportFailed(false);
    try {
      const blob = await client(
        {
          type: 'export',
          run: results.run,
          options: {
            labels: {
              score: t('batch.csv.score'),
              band: t('batch.csv.band'),
              coverage: t('batch.csv.coverage'),
              status: t('batch.csv.status'),
              warnings: t('batch.csv.warnings'),
            },
            bandLabels: Object.fromEntries(model.bands.map((b) => [b.id, b.label])),
            warningTemplate: t('batch.csv.warning', {
              header: '{header}',
              value: '{value}',
              min: '{min}',
              max: '{max}',
            }),
          },
        },
        setExporting,
      );
      downloadBlob(scoredFileName(results.fileName, todayIso()), blob);
    } catch (e) {
      if (!(e instanceof BatchCancelled)) setExportFailed(true);
    } finally {
      setExporting(null);
    }
  };

  return (
    <div className="results-body">
      <p data-testid="results-summary">
        {t('batch.results.summary', {
          total: formatNumber(out.rowCount, lang, 0),
          scored: formatNumber(out.scoredCount, lang, 0),
          bad: formatNumber(out.badCount, lang, 0),
          insufficient: formatNumber(dist.insufficient, lang, 0),
        })}
      </p>
      <div className="actions">
        <button type="button" onClick={() => void exportCsv()} disabled={exporting !== null} data-testid="export">
          {t('batch.export')}
        </button>
        {exporting && (
          <span role="status" className="muted" data-testid="export-progress">
            {t('batch.export.progress', {
              pct: formatPercent(exporting.totalBytes ? exporting.bytes / exporting.totalBytes : 0, lang, 0),
            })}
          </span>
        )}
      </div>
      {exportFailed && (
        <p className="notice" role="alert">
          {t('batch.export.failed')}
        </p>
      )}
      <p className="muted">{t('batch.export.help')}</p>

      <h3>{t('batch.dist.title')}</h3>
      <BandChart
        title={t('batch.dist.title')}
        bars={bars}
        summary={distSummary}
        tableCaption={t('batch.dist.table')}
        bandHeading={t('batch.table.band')}
        countHeading={t('batch.bt.accounts')}
        shareHeading={t('batch.dist.share')}
        axisLabel={t('batch.bt.accounts')}
      />

      {out.warnedCount > 0 && (
        <section className="problem-list" aria-labelledby="batch-warned" data-testid="warned-rows">
          <h3 id="batch-warned">{t('batch.warn.title', { n: formatNumber(out.warnedCount, lang, 0) })}</h3>
          <p>{t('batch.warn.help')}</p>
          <ul>
            {warned.slice(0, MAX_LISTED).map((r) => (
              <li key={r.index} data-row={r.row}>
                <strong>{t('batch.row', { row: r.row })}</strong>
                {r.accountId ? (
                  <>
                    {' '}
                    (<bdi>{r.accountId}</bdi>)
                  </>
                ) : (
                  ''
                )}
                :{' '}
                {r
                  .warnings!.map((w) =>
                    t('batch.warn.cell', { ...warningVars(w), measure: measureLabel(model, String(w.params.measure)) }),
                  )
                  .join('; ')}
              </li>
            ))}
          </ul>
          {out.warnedCount > MAX_LISTED && (
            <p className="muted">{t('batch.more', { n: formatNumber(out.warnedCount - MAX_LISTED, lang, 0) })}</p>
          )}
        </section>
      )}
      {out.badCount > 0 && (
        <section className="problem-list" aria-labelledby="batch-bad" data-testid="bad-rows">
          <h3 id="batch-bad">{t('batch.bad.title', { n: formatNumber(out.badCount, lang, 0) })}</h3>
          <p>{t('batch.bad.help')}</p>
          <ul>
            {out.bad.slice(0, MAX_LISTED).map((b) => (
              <li key={b.index} data-row={b.row}>
                <strong>{t('batch.row', { row: b.row })}</strong>
                {b.accountId ? ` (${b.accountId})` : ''}: {badRowText(t, model, b)}
              </li>
            ))}
          </ul>
          {out.badCount > MAX_LISTED && (
            <p className="muted">{t('batch.more', { n: formatNumber(out.badCount - MAX_LISTED, lang, 0) })}</p>
          )}
        </section>
      )}
      {out.parseErrorCount > 0 && (
        <details className="problem-list">
          <summary>{t('batch.file.parseErrors', { n: formatNumber(out.parseErrorCount, lang, 0) })}</summary>
          <ul>
            {out.parseErrors.slice(0, MAX_LISTED).map((e, i) => (
              <li key={i}>{parseIssueText(t, e)}</li>
            ))}
          </ul>
        </details>
      )}

      {out.backtest && <BacktestSection t={t} lang={lang} model={model} bt={out.backtest} />}
      {!out.backtest && (
        <p className="muted" data-testid="no-backtest">
          {t('batch.bt.noOutcome')}
        </p>
      )}

      <h3>{t('batch.table.title')}</h3>
      <ResultsTable t={t} lang={lang} model={model} results={results} client={client} />
    </div>
  );
}
