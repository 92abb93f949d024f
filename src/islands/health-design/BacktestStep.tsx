/**
 * Steps 5 and 6 of the model designer (loaded with chart.js once there is a design): the backtest
 * of the current design on the file's rows, redrawn on every change — churn rate per band, ROC and
 * AUC with its DeLong interval, the lowest band's precision and recall, the lift in the riskiest
 * 10 % — and the bands: suggested from the data, editable, with what each threshold would have caught.
 */
import { memo, useMemo } from 'react';
import type { Translate } from '../../i18n/translator.ts';
import type { Locale } from '../../i18n/locales.ts';
import type { HealthModel } from '../../schemas/health.ts';
import { backtest, type BacktestAccount } from '../../lib/health/backtest.ts';
import { thinRoc } from '../../lib/health/design/bands.ts';
import {
  bandOf,
  BAND_COLOURS,
  type Bilingual,
  type Design,
  type DesignBand,
  type RowScores,
} from '../../lib/health/design/design.ts';
import { delongCi } from '../../lib/health/design/auc-ci.ts';
import { suggestBands, thresholdTable } from '../../lib/health/design/bands.ts';
import { formatAuc, formatNumber, formatPercent } from '../../lib/health/number-format.ts';
import { BandChart } from '../health-batch/BandChart.tsx';
import { RocChart } from '../health-batch/RocChart.tsx';

const toNum = (s: string): number => (s.trim() === '' ? NaN : Number(s));

function BacktestStep(props: {
  t: Translate;
  lang: Locale;
  design: Design;
  model: HealthModel;
  scores: RowScores;
  outcome: Int8Array;
  fileName: string;
  onBands: (bands: DesignBand[], why: Bilingual | undefined) => void;
}) {
  const { t, lang, design, model, scores, outcome } = props;
  const pct = (x: number | null) => formatPercent(x, lang, 1);
  const result = useMemo(() => {
    const accounts: BacktestAccount[] = [];
    const churnedScores: number[] = [];
    const renewedScores: number[] = [];
    for (let i = 0; i < outcome.length; i++) {
      const s = scores.score[i];
      const ok = !Number.isNaN(s);
      accounts.push({
        row: i + 2,
        score: ok ? s : null,
        bandIndex: ok ? bandOf(design.bands, s) : null,
        outcome: outcome[i] < 0 ? '' : outcome[i] === 1,
      });
      if (ok && outcome[i] === 1) churnedScores.push(s);
      else if (ok && outcome[i] === 0) renewedScores.push(s);
    }
    const bt = backtest(model, accounts);
    return { bt, ci: delongCi(churnedScores, renewedScores), roc: thinRoc(bt.roc, 200) };
  }, [model, scores, outcome, design.bands]);
  const suggestion = useMemo(() => suggestBands(scores.score, outcome), [scores, outcome]);
  const ats = useMemo(
    () =>
      [...new Set([10, 20, 30, 40, 50, 60, 70, 80, 90, ...design.bands.slice(1).map((b) => b.min)])]
        .filter((x) => Number.isFinite(x))
        .sort((a, b) => a - b),
    [design.bands],
  );
  const table = useMemo(() => thresholdTable(scores.score, outcome, ats), [scores, outcome, ats]);
  const { bt, ci, roc } = result;
  const bandName = (id: string) => t(`design.band.${id}` as 'design.band.red');
  const current = new Set(design.bands.slice(1).map((b) => b.min));
  const setMin = (i: number, min: number) =>
    props.onBands(
      design.bands.map((b, k) => (k === i ? { ...b, min } : b)),
      undefined,
    );

  const rocLabels = useMemo(
    () => ({
      title: t('batch.roc.title'),
      summary: t('design.bt.rocSummary', { auc: formatAuc(bt.auc) }),
      model: t('batch.roc.model'),
      diagonal: t('batch.roc.diagonal'),
      x: t('batch.roc.x'),
      y: t('batch.roc.y'),
      tableCaption: t('batch.roc.table'),
      threshold: t('batch.roc.threshold'),
      start: t('batch.roc.start'),
      thresholdValue: (s: number) => t('batch.roc.atMost', { score: s.toFixed(1) }),
      pct: (x: number) => formatPercent(x, lang, 1),
    }),
    [bt.auc, t, lang],
  );

  return (
    <>
      <section className="batch-step" aria-labelledby="design-step-backtest" data-testid="backtest">
        <h2 id="design-step-backtest">{t('design.step.backtest')}</h2>
        <p className="notice" data-testid="in-sample">
          {t('design.bt.inSample', { file: props.fileName })}
        </p>
        <dl className="metrics">
          <div className="metric">
            <dt>{t('batch.bt.auc')}</dt>
            <dd>
              <strong className="metric-value" data-testid="auc" data-auc={bt.auc === null ? '' : String(bt.auc)}>
                {formatAuc(bt.auc)}
              </strong>
              <p className="explain" data-testid="auc-ci">
                {ci
                  ? t('design.bt.ci', { lower: formatAuc(ci.lower), upper: formatAuc(ci.upper) })
                  : t('design.bt.noCi')}
              </p>
            </dd>
          </div>
          <div className="metric" data-testid="metric-lowest">
            <dt>{t('design.bt.lowest', { band: bandName('red') })}</dt>
            <dd>
              <strong className="metric-value">{pct(bt.lowestBand.precision)}</strong>
              <p className="explain">
                {t('design.bt.lowestExplain', {
                  precision: pct(bt.lowestBand.precision),
                  recall: pct(bt.lowestBand.recall),
                  n: formatNumber(bt.lowestBand.predicted, lang, 0),
                })}
              </p>
            </dd>
          </div>
          <div className="metric" data-testid="metric-lift">
            <dt>{t('design.bt.lift')}</dt>
            <dd>
              <strong className="metric-value">
                {bt.lift.lift === null ? '—' : t('batch.times', { n: formatNumber(bt.lift.lift, lang, 1) })}
              </strong>
              <p className="explain">
                {t('design.bt.liftExplain', {
                  n: formatNumber(bt.lift.size, lang, 0),
                  rate: pct(bt.lift.rate),
                  overall: pct(bt.churnRate),
                })}
              </p>
            </dd>
          </div>
        </dl>
        <p className="muted">
          {t('design.bt.used', {
            n: formatNumber(bt.n, lang, 0),
            churned: formatNumber(bt.churned, lang, 0),
            insufficient: formatNumber(bt.insufficientData, lang, 0),
          })}
        </p>
        <div className="design-charts">
          <BandChart
            title={t('design.bt.churnByBand')}
            axisLabel={t('design.bt.rateAxis')}
            tableCaption={t('batch.dist.table')}
            bandHeading={t('batch.table.band')}
            countHeading={t('design.bt.rateAxis')}
            shareHeading={t('batch.bt.accounts')}
            summary={bt.bands
              .map((b) => `${bandName(b.id)}${lang === 'ja' ? '' : ' '}${pct(b.rate)}`)
              .join(lang === 'ja' ? '、' : ', ')}
            bars={bt.bands.map((b) => ({
              label: bandName(b.id),
              count: b.rate === null ? 0 : Math.round(b.rate * 1000) / 10,
              colour: BAND_COLOURS[b.id as 'red'],
              share: formatNumber(b.count, lang, 0),
            }))}
          />
          <RocChart roc={roc} labels={rocLabels} />
        </div>
      </section>

      <section className="batch-step" aria-labelledby="design-step-bands">
        <h2 id="design-step-bands">{t('design.step.bands')}</h2>
        <p>{t('design.bands.help')}</p>
        <div className="form-grid">
          <label>
            {t('design.bands.yellowMin')}
            <input
              type="number"
              min={1}
              max={100}
              step={1}
              value={Number.isNaN(design.bands[1].min) ? '' : design.bands[1].min}
              onChange={(e) => setMin(1, toNum(e.target.value))}
              data-testid="yellow-min"
            />
          </label>
          <label>
            {t('design.bands.greenMin')}
            <input
              type="number"
              min={1}
              max={100}
              step={1}
              value={Number.isNaN(design.bands[2].min) ? '' : design.bands[2].min}
              onChange={(e) => setMin(2, toNum(e.target.value))}
              data-testid="green-min"
            />
          </label>
        </div>
        <div className="actions">
          <button
            type="button"
            disabled={!suggestion}
            onClick={() => suggestion && props.onBands(suggestion.bands, suggestion.why)}
            data-testid="suggest-bands"
          >
            {t('design.bands.suggest')}
          </button>
        </div>
        {suggestion && (
          <p className="explain" data-testid="bands-why">
            {suggestion.why[lang]}
          </p>
        )}
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t('design.bands.caption')}>
          <table data-testid="threshold-table">
            <caption>{t('design.bands.caption')}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('design.bands.below')}
                </th>
                <th scope="col" className="num">
                  {t('batch.bt.accounts')}
                </th>
                <th scope="col" className="num">
                  {t('design.bands.caught')}
                </th>
                <th scope="col" className="num">
                  {t('batch.bt.rate')}
                </th>
                <th scope="col" className="num">
                  {t('design.bands.lift')}
                </th>
                <th scope="col" className="num">
                  {t('design.bands.falseAlarm')}
                </th>
              </tr>
            </thead>
            <tbody>
              {table.map((r) => (
                <tr key={r.at} className={current.has(r.at) ? 'current' : undefined} data-at={r.at}>
                  <th scope="row" className="num">
                    {formatNumber(r.at, lang, 1)}
                    {current.has(r.at) ? ` (${t('design.bands.current')})` : ''}
                  </th>
                  <td className="num">
                    {formatNumber(r.below, lang, 0)} ({pct(r.share)})
                  </td>
                  <td className="num">
                    {formatNumber(r.churnedBelow, lang, 0)} ({pct(r.recall)})
                  </td>
                  <td className="num">{pct(r.rate)}</td>
                  <td className="num">
                    {r.lift === null ? '—' : t('batch.times', { n: formatNumber(r.lift, lang, 1) })}
                  </td>
                  <td className="num">{pct(r.falseAlarm)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

export default memo(BacktestStep);
