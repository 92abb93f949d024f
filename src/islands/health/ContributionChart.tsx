/**
 * Each measure's contribution to the score (points × effective weight; the bars add up to the
 * score) as a horizontal bar chart — chart.js with only the bar parts registered — with a text
 * summary and a data table. Scenario A is drawn as solid bars, scenario B as outlined bars, so the
 * two differ without colour; the legend under the chart says which is which.
 */
import { useEffect, useRef } from 'react';
import { useChart } from '../useChart.ts';
import { BarController, BarElement, CategoryScale, Chart, LinearScale } from 'chart.js';
import { ChartDataTable } from '../ChartDataTable.tsx';

Chart.register(BarController, BarElement, CategoryScale, LinearScale);

export interface ContributionSeries {
  label: string;
  /** Points each measure adds to the score; null = no data. */
  values: (number | null)[];
  style: 'solid' | 'outline';
}
export interface ContributionRow {
  measure: string;
  /** Cells after the measure name (value, points, share, contribution … per scenario). */
  cells: string[];
}

export function ContributionChart(props: {
  title: string;
  labels: string[];
  series: ContributionSeries[];
  summary: string;
  tableCaption: string;
  columns: string[];
  rows: ContributionRow[];
  axisLabel: string;
}) {
  const { title, labels, series, summary, tableCaption, columns, rows, axisLabel } = props;
  const wrap = useRef<HTMLDivElement>(null);
  const height = Math.max(12, labels.length * (series.length > 1 ? 2.6 : 1.9) + 4);

  // Set through the CSSOM (a style attribute in the server-rendered HTML would break the CSP), before
  // the chart is drawn, so the page does not move when it is.
  useEffect(() => {
    if (wrap.current) wrap.current.style.height = `${height}rem`;
  }, [height]);
  // Drawn when it comes near the viewport: on a phone it is below the first screen.
  const canvas = useChart<'bar'>(
    (theme) => {
      const { grid, text } = theme;
      const { brand } = theme;
      const data = {
        labels: labels.map((l) => (l.length > 28 ? `${l.slice(0, 27)}…` : l)),
        datasets: series.map((s) => ({
          label: s.label,
          data: s.values.map((v) => v ?? 0),
          backgroundColor: s.style === 'solid' ? brand : 'rgba(0,0,0,0)',
          borderColor: s.style === 'solid' ? brand : text,
          borderWidth: s.style === 'solid' ? 0 : 2,
          borderSkipped: false as const,
        })),
      };
      return {
        type: 'bar',
        data,
        options: {
          animation: false,
          indexAxis: 'y',
          responsive: true,
          maintainAspectRatio: false,
          scales: {
            x: {
              beginAtZero: true,
              grid: { color: grid },
              ticks: { color: text },
              title: { display: true, text: axisLabel, color: text },
            },
            y: { grid: { display: false }, ticks: { color: text, autoSkip: false, font: { size: 11 } } },
          },
        },
      };
    },
    [labels, series, axisLabel],
    true,
  );

  return (
    <figure
      className="contribution"
      data-series={JSON.stringify(series.map((s) => ({ label: s.label, values: s.values })))}
    >
      <div className="contribution-canvas" ref={wrap}>
        <canvas ref={canvas} role="img" aria-label={`${title}. ${summary}`} data-testid="contribution-canvas" />
      </div>
      {series.length > 1 && (
        <ul className="contribution-legend" aria-hidden="true">
          {series.map((s) => (
            <li key={s.label} className={`legend-${s.style}`}>
              <span className="legend-box" />
              {s.label}
            </li>
          ))}
        </ul>
      )}
      <figcaption className="contribution-summary">{summary}</figcaption>
      <ChartDataTable
        className="contribution-table"
        toggle={tableCaption}
        caption={title}
        testId="contribution-table"
        columns={columns}
        rows={rows.map((r, i) => ({ key: i, head: r.measure, cells: r.cells }))}
      />
    </figure>
  );
}
