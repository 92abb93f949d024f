/**
 * The radar of one framework's elements: an axis per element in the framework's order, the scale from
 * 0 to its top level. The self-assessment, the manager's 1:1 and the team page draw theirs with it.
 */
import { useMemo } from 'react';
import type { Translate } from '../i18n/translator.ts';
import { RadarChart, type RadarSeries } from './RadarChart.tsx';

export function FrameworkRadar(props: {
  fw: { elements: readonly { name: string }[]; levels: readonly unknown[] };
  title: string;
  series: RadarSeries[];
  summary: string;
  tableCaption: string;
  notRated: string;
  keyList?: boolean;
  t: Translate;
}) {
  const { fw, title, series, summary, tableCaption, notRated, keyList, t } = props;
  const labels = useMemo(() => fw.elements.map((e) => e.name), [fw]);
  return (
    <RadarChart
      title={title}
      labels={labels}
      series={series}
      max={fw.levels.length}
      tableCaption={tableCaption}
      axisLabel={t('common.elements')}
      summary={summary}
      notRated={notRated}
      keyList={keyList}
    />
  );
}
