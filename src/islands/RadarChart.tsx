/**
 * A radar chart (chart.js, only the radar parts registered) with a data-table alternative and a
 * text summary. Series differ by line style and point shape as well as colour. Its chart.js is a
 * copy of its own (astro.config.mjs, ownModuleCopy), so its pages carry no bar or scatter code.
 */
import { Chart, LineElement, PointElement, RadarController, RadialLinearScale } from 'chart.js';
import { useChartOf } from './chart-lifecycle.ts';
import { ChartDataTable } from './ChartDataTable.tsx';
import { wrapLabel } from '../lib/prefs.ts';

/** Below this chart width the axes are numbered and the names listed under the chart (the CSS container query matches). */
const NUMBERED_BELOW = 560;

// Only the radar parts (no filler, legend or tooltip plugins): series differ by line style and point
// shape, the legend is HTML under the canvas, and the table replaces tooltips.
Chart.register(RadarController, RadialLinearScale, PointElement, LineElement);

export interface RadarSeries {
  label: string;
  values: (number | null)[];
  /** Visual style: solid area, dashed line, dotted line, dash-dot line (a fourth series, e.g. the team overlay). */
  style: 'solid' | 'dashed' | 'dotted' | 'dashdot';
}

const STYLES = {
  solid: { border: '#0b6b5d', fill: 'rgba(11,107,93,0.22)', dash: [] as number[], point: 'circle' as const },
  dashed: { border: '#b45309', fill: 'rgba(180,83,9,0.05)', dash: [8, 5], point: 'rectRot' as const },
  dotted: { border: '#4c5d99', fill: 'rgba(76,93,153,0.04)', dash: [2, 4], point: 'triangle' as const },
  dashdot: { border: '#8a3b6b', fill: 'rgba(138,59,107,0.04)', dash: [10, 4, 2, 4], point: 'rect' as const },
};

export function RadarChart(props: {
  title: string;
  labels: string[];
  series: RadarSeries[];
  max: number;
  tableCaption: string;
  axisLabel: string;
  summary: string;
  notRated: string;
  /** List the axis names under a narrow chart (off where the page already lists them in order). */
  keyList?: boolean;
}) {
  const { title, labels, series, max, tableCaption, axisLabel, summary, notRated, keyList = true } = props;

  const canvas = useChartOf<'radar'>(Chart, (theme) => {
    const { grid, text } = theme;
    const data = {
      labels,
      datasets: series.map((s) => {
        const st = STYLES[s.style];
        return {
          label: s.label, data: s.values.map((v) => v ?? 0), borderColor: st.border, backgroundColor: st.fill,
          borderDash: st.dash, pointStyle: st.point, pointRadius: s.style === 'solid' ? 5 : 4, pointBackgroundColor: st.border, borderWidth: s.style === 'solid' ? 3 : 2, fill: false,
        };
      }),
    };
    return {
      type: 'radar',
      data,
      // After each draw, record whether every axis label lies inside the canvas (tests read it: no clipped labels).
      plugins: [{ id: 'labelsFit', afterDraw(c: Chart) {
        const items = (c.scales.r as unknown as { _pointLabelItems?: { left: number; right: number; top: number; bottom: number }[] })._pointLabelItems ?? [];
        c.canvas.dataset.labelsFit = String(items.every((i) => i.left >= 0 && i.top >= 0 && i.right <= c.width && i.bottom <= c.height));
      } }],
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: true,
        scales: { r: { min: 0, max, ticks: { stepSize: 1, color: text, backdropColor: 'transparent' }, grid: { color: grid }, angleLines: { color: grid }, pointLabels: {
          color: text, font: { size: 12 },
          // Full names wrapped on a wide chart; numbers (with the key below) on a narrow one.
          callback(this: { chart: Chart }, label: string, i: number) {
            return this.chart.width < NUMBERED_BELOW ? String(i + 1) : wrapLabel(label, /\s/.test(label) ? 16 : 9);
          },
        } } },
      },
    };
  }, [labels, series, max], true);

  return (
    <figure className="radar" data-series={JSON.stringify(series.map((s) => ({ label: s.label, values: s.values })))}>
      <div className="radar-canvas">
        <canvas ref={canvas} role="img" aria-label={`${title}. ${summary}`} data-testid="radar-canvas" />
      </div>
      {keyList && <ol className="radar-key" aria-hidden="true">{labels.map((l) => <li key={l}>{l}</li>)}</ol>}
      <ul className="radar-legend" aria-hidden="true">
        {series.map((s) => <li key={s.label} className={`legend-${s.style}`}><span className="legend-swatch" />{s.label}</li>)}
      </ul>
      <figcaption className="radar-summary">{summary}</figcaption>
      <ChartDataTable className="radar-table" toggle={tableCaption} caption={title} testId="radar-table"
        columns={[axisLabel, ...series.map((s) => s.label)]}
        rows={labels.map((l, i) => ({ key: l, head: l, cells: series.map((s) => s.values[i] ?? notRated) }))} />
    </figure>
  );
}
