/**
 * Parts of the backtest panels of the batch page and the model designer: one metric (a figure with
 * its explanation; the AUC with its value for tests and tools) and the ROC chart's labels.
 */
import type { ReactNode } from 'react';
import type { Translate } from '../../i18n/translator.ts';
import type { Locale } from '../../i18n/locales.ts';
import { formatAuc, formatPercent } from '../../lib/health/number-format.ts';
import type { RocLabels } from '../health-batch/RocChart.tsx';

/** One figure of a metrics list: `auc` shows an AUC (with its value in `data-auc`), `value` anything else. */
export function Metric({
  testId,
  label,
  value,
  auc,
  badge,
  explain,
  explainTestId,
}: {
  testId?: string;
  label: string;
  value?: ReactNode;
  auc?: number | null;
  badge?: ReactNode;
  explain: ReactNode;
  explainTestId?: string;
}) {
  return (
    <div className="metric" data-testid={testId}>
      <dt>{label}</dt>
      <dd>
        {auc === undefined ? (
          <strong className="metric-value">{value}</strong>
        ) : (
          <strong className="metric-value" data-testid="auc" data-auc={auc === null ? '' : String(auc)}>
            {formatAuc(auc)}
          </strong>
        )}
        {badge}
        <p className="explain" data-testid={explainTestId}>
          {explain}
        </p>
      </dd>
    </div>
  );
}

/** The ROC chart's words, with its one-line `summary`. */
export const rocLabels = (t: Translate, lang: Locale, summary: string): RocLabels => ({
  title: t('batch.roc.title'),
  summary,
  model: t('batch.roc.model'),
  diagonal: t('batch.roc.diagonal'),
  x: t('batch.roc.x'),
  y: t('batch.roc.y'),
  tableCaption: t('batch.roc.table'),
  threshold: t('batch.roc.threshold'),
  start: t('batch.roc.start'),
  thresholdValue: (score: number) => t('batch.roc.atMost', { score: score.toFixed(1) }),
  pct: (x: number) => formatPercent(x, lang, 1),
});
