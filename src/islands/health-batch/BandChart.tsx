/**
 * Accounts per band: a chart.js bar chart (only the bar parts registered) with the band names on
 * the axis, a text summary and a table alternative.
 */
import { useChart } from '../useChart.ts';
import { BarController, BarElement, CategoryScale, Chart, LinearScale } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale);

export interface BandBar { label: string; count: number; colour: string; share: string }

export function BandChart(props: { title: string; bars: BandBar[]; summary: string; tableCaption: string; bandHeading: string; countHeading: string; shareHeading: string; axisLabel: string }) {
  const { title, bars, summary, tableCaption, bandHeading, countHeading, shareHeading, axisLabel } = props;

  const canvas = useChart<'bar'>((theme) => {
    const { grid, text } = theme;
    const data = {
      labels: bars.map((b) => b.label),
      datasets: [{ label: countHeading, data: bars.map((b) => b.count), backgroundColor: bars.map((b) => b.colour), borderColor: text, borderWidth: 1 }],
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
          y: { beginAtZero: true, ticks: { color: text, precision: 0 }, grid: { color: grid }, title: { display: true, text: axisLabel, color: text } },
        },
      },
    };
  }, [bars, countHeading, axisLabel]);

  return (
    <figure className="batch-chart">
      <div className="batch-canvas">
        <canvas ref={canvas} role="img" aria-label={`${title}. ${summary}`} data-testid="band-chart" />
      </div>
      <figcaption>{summary}</figcaption>
      <details>
        <summary>{tableCaption}</summary>
        <div className="table-wrap">
          <table data-testid="band-table">
            <caption>{title}</caption>
            <thead><tr><th scope="col">{bandHeading}</th><th scope="col" className="num">{countHeading}</th><th scope="col" className="num">{shareHeading}</th></tr></thead>
            <tbody>
              {bars.map((b) => (
                <tr key={b.label}>
                  <th scope="row"><span className="swatch" style={{ background: b.colour }} aria-hidden="true" />{b.label}</th>
                  <td className="num">{b.count}</td>
                  <td className="num">{b.share}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
