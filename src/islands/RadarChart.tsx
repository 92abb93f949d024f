/**
 * A radar chart (chart.js, only the radar parts registered) with a data-table alternative and a
 * text summary. Series differ by line style and point shape as well as colour. Beside it, the same
 * data as "now vs target" bars, the view a phone can read where a radar's labels cannot; the
 * radar/bars switch; and the remembered view choices (lib/prefs) every chart island shares. Its chart.js is a
 * copy of its own (astro.config.mjs, ownModuleCopy), so its pages carry no bar or scatter code.
 */
import { startTransition, useEffect, useState } from 'react';
import { Chart, LineElement, PointElement, RadarController, RadialLinearScale } from 'chart.js';
import type { Translate } from '../i18n/translator.ts';
import { useChartOn } from './chart-lifecycle.ts';
import { ChartDataTable } from './ChartDataTable.tsx';
import { parsePrefs, PREFS_KEY, serialisePrefs, wrapLabel, type ChartView, type Prefs } from '../lib/prefs.ts';
import { browserStorage } from './browser.ts';

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

  const canvas = useChartOn<'radar'>(
    Chart,
    (theme) => {
      const { grid, text } = theme;
      const data = {
        labels,
        datasets: series.map((s) => {
          const st = STYLES[s.style];
          return {
            label: s.label,
            data: s.values.map((v) => v ?? 0),
            borderColor: st.border,
            backgroundColor: st.fill,
            borderDash: st.dash,
            pointStyle: st.point,
            pointRadius: s.style === 'solid' ? 5 : 4,
            pointBackgroundColor: st.border,
            borderWidth: s.style === 'solid' ? 3 : 2,
            fill: false,
          };
        }),
      };
      return {
        type: 'radar',
        data,
        // After each draw, record whether every axis label lies inside the canvas (tests read it: no clipped labels).
        plugins: [
          {
            id: 'labelsFit',
            afterDraw(c: Chart) {
              const items =
                (
                  c.scales.r as unknown as {
                    _pointLabelItems?: { left: number; right: number; top: number; bottom: number }[];
                  }
                )._pointLabelItems ?? [];
              c.canvas.dataset.labelsFit = String(
                items.every((i) => i.left >= 0 && i.top >= 0 && i.right <= c.width && i.bottom <= c.height),
              );
            },
          },
        ],
        options: {
          animation: false,
          responsive: true,
          maintainAspectRatio: true,
          scales: {
            r: {
              min: 0,
              max,
              ticks: { stepSize: 1, color: text, backdropColor: 'transparent' },
              grid: { color: grid },
              angleLines: { color: grid },
              pointLabels: {
                color: text,
                font: { size: 12 },
                // Full names wrapped on a wide chart; numbers (with the key below) on a narrow one.
                callback(this: { chart: Chart }, label: string, i: number) {
                  return this.chart.width < NUMBERED_BELOW
                    ? String(i + 1)
                    : wrapLabel(label, /\s/.test(label) ? 16 : 9);
                },
              },
            },
          },
        },
      };
    },
    [labels, series, max],
    true,
  );

  return (
    <figure className="radar" data-series={JSON.stringify(series.map((s) => ({ label: s.label, values: s.values })))}>
      <div className="radar-canvas">
        <canvas ref={canvas} role="img" aria-label={`${title}. ${summary}`} data-testid="radar-canvas" />
      </div>
      {keyList && (
        <ol className="radar-key" aria-hidden="true">
          {labels.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ol>
      )}
      <ul className="radar-legend" aria-hidden="true">
        {series.map((s) => (
          <li key={s.label} className={`legend-${s.style}`}>
            <span className="legend-swatch" />
            {s.label}
          </li>
        ))}
      </ul>
      <figcaption className="radar-summary">{summary}</figcaption>
      <ChartDataTable
        className="radar-table"
        toggle={tableCaption}
        caption={title}
        testId="radar-table"
        columns={[axisLabel, ...series.map((s) => s.label)]}
        rows={labels.map((l, i) => ({ key: l, head: l, cells: series.map((s) => s.values[i] ?? notRated) }))}
      />
    </figure>
  );
}

/**
 * The person's view choices, read after hydration (so the server HTML stays the same), and whether the
 * window is phone-narrow (where bars are the default view). Each change is kept at once.
 */
export function usePrefs(): { prefs: Prefs; setPref: (p: Prefs) => void; narrow: boolean } {
  const [prefs, setPrefs] = useState<Prefs>({});
  const [narrow, setNarrow] = useState(false);
  useEffect(() => {
    const saved = parsePrefs(browserStorage()?.getItem(PREFS_KEY) ?? null); // unreadable: the defaults
    const isNarrow = window.matchMedia?.('(max-width: 40rem)').matches ?? false;
    // As a transition: on a phone this swaps the radar for bars, a re-render of the whole island that
    // would otherwise run as one long task right after hydration.
    startTransition(() => {
      setPrefs(saved);
      setNarrow(isNarrow);
    });
  }, []);
  const setPref = (p: Prefs) =>
    setPrefs((old) => {
      const next = { ...old, ...p };
      try {
        browserStorage()?.setItem(PREFS_KEY, serialisePrefs(next));
      } catch {
        /* storage full or blocked: the choice lasts for this visit */
      }
      return next;
    });
  return { prefs, setPref, narrow };
}

/** Radar or bars: two toggle buttons (aria-pressed). */
export function ViewSwitch({ view, onChange, t }: { view: ChartView; onChange: (v: ChartView) => void; t: Translate }) {
  return (
    <div className="view-switch no-print" role="group" aria-label={t('assess.view.label')}>
      {(['radar', 'bars'] as const).map((v) => (
        <button key={v} type="button" aria-pressed={view === v} onClick={() => onChange(v)} data-testid={`view-${v}`}>
          {t(`assess.view.${v}`)}
        </button>
      ))}
    </div>
  );
}

type Levels = Record<string, number | null | undefined>;

/**
 * One row per element: the "now" level as filled cells and, where there is one, the target as hatched
 * cells with the gap. `detail` is shown after the "now" value (e.g. the team's range).
 */
export function LevelBars({
  levels,
  elements,
  now,
  target,
  detail,
  nowLabel,
  targetLabel,
  notRated,
  summary,
}: {
  levels: number;
  elements: { id: string; name: string }[];
  now: Levels;
  target?: Levels;
  detail?: Record<string, string | undefined>;
  nowLabel: string;
  targetLabel?: string;
  notRated: string;
  summary: string;
}) {
  const cells = (n: number, kind: string) =>
    Array.from({ length: levels }, (_, i) => <i key={i} className={i + 1 <= n ? kind : undefined} />);
  return (
    <figure className="level-bars" data-testid="level-bars">
      <ul>
        {elements.map(({ id, name }) => {
          const n = now[id] ?? null;
          const want = target?.[id];
          return (
            <li key={id}>
              <span className="bar-name">{name}</span>
              <span className="bar-row">
                <span className="bar-key">{nowLabel}</span>
                <span className="cells" aria-hidden="true">
                  {cells(n ?? 0, 'on')}
                </span>
                <span data-now={n ?? ''}>
                  {n ?? notRated}
                  {detail?.[id] ? ` ${detail[id]}` : ''}
                </span>
              </span>
              {want != null && (
                <span className="bar-row">
                  <span className="bar-key">{targetLabel}</span>
                  <span className="cells" aria-hidden="true">
                    {cells(want, 'want')}
                  </span>
                  <span data-target={want}>
                    {want}
                    {n !== null && n < want ? ` (−${want - n})` : ''}
                  </span>
                </span>
              )}
            </li>
          );
        })}
      </ul>
      <figcaption className="radar-summary">{summary}</figcaption>
    </figure>
  );
}
