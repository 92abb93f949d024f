/**
 * Each measure's contribution to the score, per scenario: the chart's series, the data table's
 * columns and rows, and the summary in words.
 */
import { useMemo } from 'react';
import { formatNumber } from '../../lib/text/number.ts';
import type { ScoreResult } from '../../lib/health/score.ts';
import type { Scenario, ScenarioValues } from '../../lib/health/simulator-state.ts';
import { ContributionChart, type ContributionRow, type ContributionSeries } from './ContributionChart.tsx';
import { measureLabel, measureValueText, pct1, scenarioName, score1, type SimView } from './format.ts';

export function ContributionSection({
  view,
  resA,
  resB,
  a,
  b,
}: {
  view: SimView;
  resA: ScoreResult;
  resB: ScoreResult | null;
  a: ScenarioValues;
  b: ScenarioValues | null;
}) {
  const chart = useMemo(() => {
    const { cm, model, lang, t } = view;
    const labels = model.measures.map((m) => measureLabel(cm, m.id));
    const scen: [Scenario, ScoreResult, ScenarioValues][] = [['a', resA, a]];
    if (resB && b) scen.push(['b', resB, b]);
    const multi = scen.length > 1;
    const series: ContributionSeries[] = scen.map(([s, r]) => ({
      label: multi ? scenarioName(s, t) : t('healthSim.chart.series'),
      values: r.measures.map((x) => (x.hasData ? Math.round(x.contribution * 100) / 100 : null)),
      style: s === 'a' ? 'solid' : 'outline',
    }));
    const columns = [t('health.measures')];
    for (const [s] of scen) {
      const suffix = multi ? ` (${s.toUpperCase()})` : '';
      columns.push(
        t('healthSim.col.value') + suffix,
        t('healthSim.col.points') + suffix,
        t('healthSim.col.weight') + suffix,
        t('healthSim.col.contribution') + suffix,
      );
    }
    const rows: ContributionRow[] = model.measures.map((m, i) => ({
      measure: labels[i],
      cells: scen.flatMap(([, r, v]) => {
        const x = r.measures[i];
        return [
          measureValueText(view, m.id, v[m.id] ?? null),
          x.points === null ? '—' : formatNumber(x.points, lang, 1),
          `${pct1(x.effectiveWeight)} %`,
          x.hasData ? score1(x.contribution) : '—',
        ];
      }),
    }));
    const withData = resA.measures.filter((x) => x.hasData);
    const top = [...withData].sort((p, q) => q.contribution - p.contribution)[0];
    const parts = [
      resA.score === null
        ? t('healthSim.chart.summaryNone', { n: withData.length, total: model.measures.length })
        : t('healthSim.chart.summary', { n: withData.length, total: model.measures.length, score: score1(resA.score) }),
    ];
    if (top)
      parts.push(t('healthSim.chart.top', { measure: measureLabel(cm, top.id), points: score1(top.contribution) }));
    if (resB)
      parts.push(
        resB.score === null
          ? t('healthSim.chart.summaryBNone')
          : t('healthSim.chart.summaryB', { score: score1(resB.score) }),
      );
    return { labels, series, columns, rows, summary: parts.join(' ') };
  }, [view, resA, resB, a, b]);

  const { t } = view;
  return (
    <section className="sim-contribution" aria-labelledby="contribution-title">
      <h2 id="contribution-title">{t('healthSim.chart.title')}</h2>
      <p className="muted">{t('healthSim.chart.lead')}</p>
      <ContributionChart
        title={t('healthSim.chart.title')}
        labels={chart.labels}
        series={chart.series}
        summary={chart.summary}
        tableCaption={t('healthSim.chart.table')}
        columns={chart.columns}
        rows={chart.rows}
        axisLabel={t('healthSim.chart.axis')}
      />
    </section>
  );
}
