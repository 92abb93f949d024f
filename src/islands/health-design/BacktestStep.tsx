/**
 * Steps 5 and 6 of the model designer (loaded with chart.js once there is a design): the backtest
 * of the current design on the file's rows, redrawn on every change — churn rate per band, ROC and
 * AUC with its DeLong interval, the lowest band's precision and recall, the lift in the riskiest
 * 10 % — and the bands: suggested from the data, editable, with what each threshold would have caught.
 */
import { memo, useMemo } from 'react';
import type { Translate } from '../../i18n/translator.ts';
import type { Locale } from '../../i18n/locales.ts';
import { BAND_COLOURS, type Bilingual, type Design, type DesignBand } from '../../lib/health/design/design.ts';
import { bandStats, suggestBandsFrom, tableThresholds, thresholdTableOf } from '../../lib/health/design/bands.ts';
import type { ScoresSummary } from '../../lib/health/design/session.ts';
import { formatAuc, formatNumber, formatPercent } from '../../lib/health/number-format.ts';
import { BandChart } from '../health-batch/BandChart.tsx';
import { RocChart } from '../health-batch/RocChart.tsx';
import { Metric, rocLabels } from '../health-shared/backtest-parts.tsx';
import { ScrollTable, timesText } from '../health-shared/tables.tsx';

const toNum = (s: string): number => (s.trim() === '' ? NaN : Number(s));

function BacktestStep(props: {
  t: Translate;
  lang: Locale;
  design: Design;
  /** The worker's summaries of the scores (bands are applied here, from the scores counted per value). */
  scores: ScoresSummary;
  /** Whether `scores` are those of the design as it is now (a newer answer may be on its way). */
  current: boolean;
  fileName: string;
  onBands: (bands: DesignBand[], why: Bilingual | undefined) => void;
}) {
  const { t, lang, design, scores } = props;
  const pct = (x: number | null) => formatPercent(x, lang, 1);
  const { histogram, ci, roc } = scores;
  const bt = useMemo(() => ({ ...scores, ...bandStats(histogram, design.bands) }), [scores, histogram, design.bands]);
  const suggestion = useMemo(() => suggestBandsFrom(histogram), [histogram]);
  const table = useMemo(() => thresholdTableOf(histogram, tableThresholds(design.bands)), [histogram, design.bands]);
  const bandName = (id: string) => t(`design.band.${id}` as 'design.band.red');
  const current = new Set(design.bands.slice(1).map((b) => b.min));
  const setMin = (i: number, min: number) =>
    props.onBands(
      design.bands.map((b, k) => (k === i ? { ...b, min } : b)),
      undefined,
    );

  const labels = useMemo(
    () => rocLabels(t, lang, t('design.bt.rocSummary', { auc: formatAuc(bt.auc) })),
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
          <Metric
            label={t('batch.bt.auc')}
            auc={bt.auc}
            explainTestId="auc-ci"
            explain={
              ci ? t('design.bt.ci', { lower: formatAuc(ci.lower), upper: formatAuc(ci.upper) }) : t('design.bt.noCi')
            }
          />
          <Metric
            testId="metric-lowest"
            label={t('design.bt.lowest', { band: bandName('red') })}
            value={pct(bt.lowestBand.precision)}
            explain={t('design.bt.lowestExplain', {
              precision: pct(bt.lowestBand.precision),
              recall: pct(bt.lowestBand.recall),
              n: formatNumber(bt.lowestBand.predicted, lang, 0),
            })}
          />
          <Metric
            testId="metric-lift"
            label={t('design.bt.lift')}
            value={timesText(t, lang, bt.lift.lift)}
            explain={t('design.bt.liftExplain', {
              n: formatNumber(bt.lift.size, lang, 0),
              rate: pct(bt.lift.rate),
              overall: pct(bt.churnRate),
            })}
          />
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
          <RocChart roc={roc} labels={labels} />
        </div>
      </section>

      <section className="batch-step" aria-labelledby="design-step-bands">
        <h2 id="design-step-bands">{t('design.step.bands')}</h2>
        <p>{t('design.bands.help')}</p>
        <div className="form-grid">
          {(['yellow', 'green'] as const).map((id, k) => (
            <label key={id}>
              {t(`design.bands.${id}Min`)}
              <input
                type="number"
                min={1}
                max={100}
                step={1}
                value={Number.isNaN(design.bands[k + 1].min) ? '' : design.bands[k + 1].min}
                onChange={(e) => setMin(k + 1, toNum(e.target.value))}
                data-testid={`${id}-min`}
              />
            </label>
          ))}
        </div>
        <div className="actions">
          <button
            type="button"
            disabled={!suggestion || !props.current}
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
        <ScrollTable
          label={t('design.bands.caption')}
          testId="threshold-table"
          cols={[
            { num: t('design.bands.below') },
            { num: t('batch.bt.accounts') },
            { num: t('design.bands.caught') },
            { num: t('batch.bt.rate') },
            { num: t('design.bands.lift') },
            { num: t('design.bands.falseAlarm') },
          ]}
        >
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
                <td className="num">{timesText(t, lang, r.lift)}</td>
                <td className="num">{pct(r.falseAlarm)}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      </section>
    </>
  );
}

export default memo(BacktestStep);
