/**
 * ROC curve of a backtest: a chart.js scatter chart drawn as lines (only the scatter parts
 * registered), the model's curve solid with round points, the 0.5 "coin toss" diagonal dashed.
 * HTML legend (line styles, not only colour), a text summary and a table alternative.
 */
import { useChart } from '../useChart.ts';
import { Chart, LinearScale, LineElement, PointElement, ScatterController } from 'chart.js';
import type { RocPoint } from '../../lib/health/backtest.ts';
import { ChartDataTable } from '../ChartDataTable.tsx';

Chart.register(ScatterController, LineElement, PointElement, LinearScale);

export interface RocLabels {
  title: string;
  summary: string;
  model: string;
  diagonal: string;
  x: string;
  y: string;
  tableCaption: string;
  threshold: string;
  start: string;
  thresholdValue: (score: number) => string;
  pct: (x: number) => string;
}

export function RocChart({ roc, labels }: { roc: RocPoint[]; labels: RocLabels }) {
  const canvas = useChart<'scatter'>(
    (theme) => {
      const { grid, text } = theme;
      const line = theme.brand;
      const diag = theme.muted;
      const data = {
        datasets: [
          {
            label: labels.model,
            data: roc.map((p) => ({ x: p.fpr, y: p.tpr })),
            showLine: true,
            borderColor: line,
            backgroundColor: line,
            borderWidth: 3,
            pointRadius: roc.length > 60 ? 0 : 3,
            pointStyle: 'circle' as const,
          },
          {
            label: labels.diagonal,
            data: [
              { x: 0, y: 0 },
              { x: 1, y: 1 },
            ],
            showLine: true,
            borderColor: diag,
            backgroundColor: diag,
            borderWidth: 2,
            borderDash: [6, 5],
            pointRadius: 0,
          },
        ],
      };
      return {
        type: 'scatter',
        data,
        options: {
          animation: false,
          responsive: true,
          maintainAspectRatio: true,
          aspectRatio: 1,
          scales: {
            x: {
              type: 'linear',
              min: 0,
              max: 1,
              ticks: { color: text, stepSize: 0.2 },
              grid: { color: grid },
              title: { display: true, text: labels.x, color: text },
            },
            y: {
              type: 'linear',
              min: 0,
              max: 1,
              ticks: { color: text, stepSize: 0.2 },
              grid: { color: grid },
              title: { display: true, text: labels.y, color: text },
            },
          },
        },
      };
    },
    [roc, labels],
  );

  return (
    <figure className="batch-chart roc">
      <div className="roc-canvas">
        <canvas ref={canvas} role="img" aria-label={`${labels.title}. ${labels.summary}`} data-testid="roc-chart" />
      </div>
      <ul className="radar-legend" aria-hidden="true">
        <li className="legend-solid">
          <span className="legend-swatch" />
          {labels.model}
        </li>
        <li className="legend-dashed roc-diagonal">
          <span className="legend-swatch" />
          {labels.diagonal}
        </li>
      </ul>
      <figcaption>{labels.summary}</figcaption>
      <ChartDataTable
        toggle={labels.tableCaption}
        caption={labels.title}
        testId="roc-table"
        wrapClassName="roc-table-wrap"
        columns={[labels.threshold, labels.x, labels.y]}
        rows={roc.map((p, i) => ({
          key: i,
          head: p.threshold === null ? labels.start : labels.thresholdValue(p.threshold),
          cells: [labels.pct(p.fpr), labels.pct(p.tpr)],
        }))}
      />
    </figure>
  );
}
