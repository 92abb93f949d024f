/**
 * Accounts per band: a chart.js bar chart (only the bar parts registered) with the band names on
 * the axis, a text summary and a table alternative.
 */
import { useChart } from '../useChart.ts';
import { BarController, BarElement, CategoryScale, Chart, LinearScale } from 'chart.js';
import { ChartDataTable } from '../ChartDataTable.tsx';

Chart.register(BarController, BarElement, CategoryScale, LinearScale);

export interface BandBar {
  label: string;
  count: number;
  colour: string;
  share: string;
}

export function BandChart(props: {
  title: string;
  bars: BandBar[];
  summary: string;
  tableCaption: string;
  bandHeading: string;
  countHeading: string;
  shareHeading: string;
  axisLabel: string;
}) {
  const { title, bars, summary, tableCaption, bandHeading, countHeading, shareHeading, axisLabel } = props;

  const canvas = useChart<'bar'>(
    (theme) => {
      const { grid, text } = theme;
      const data = {
        labels: bars.map((b) => b.label),
        datasets: [
          {
            label: countHeading,
            data: bars.map((b) => b.count),
            backgroundColor: bars.map((b) => b.colour),
            borderColor: text,
            borderWidth: 1,
          },
        ],
      };
      return {
        type: 'bar',
        data,
        options: {
          animation: false,
          responsive: true,
          maintainAspectRatio: false,
          scales: {
            x: { ticks: { color: text }, grid: { display: false } },
            y: {
              beginAtZero: true,
              ticks: { color: text, precision: 0 },
              grid: { color: grid },
              title: { display: true, text: axisLabel, color: text },
            },
          },
        },
      };
    },
    [bars, countHeading, axisLabel],
  );

  return (
    <figure className="batch-chart">
      <div className="batch-canvas">
        <canvas ref={canvas} role="img" aria-label={`${title}. ${summary}`} data-testid="band-chart" />
      </div>
      <figcaption>{summary}</figcaption>
      <ChartDataTable
        toggle={tableCaption}
        caption={title}
        testId="band-table"
        columns={[bandHeading, countHeading, shareHeading]}
        rows={bars.map((b) => ({
          key: b.label,
          head: (
            <>
              <span className="swatch" style={{ background: b.colour }} aria-hidden="true" />
              {b.label}
            </>
          ),
          cells: [b.count, b.share],
        }))}
      />
    </figure>
  );
}
