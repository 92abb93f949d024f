/**
 * The chart.js lifecycle every chart island shares: create the chart on its canvas once, update its
 * data without animation when the inputs change, destroy it on unmount; plus theme colours for light
 * and dark mode. This module does not import chart.js: the chart class is handed in, so the radar can
 * use a chart.js copy of its own (astro.config.mjs, ownModuleCopy); useChart.ts is the form on the
 * shared chart.js.
 */
import { useEffect, useRef, type DependencyList } from 'react';
import type { Chart, ChartConfiguration, ChartType } from 'chart.js';

export interface ChartTheme {
  dark: boolean;
  grid: string;
  text: string;
  brand: string;
  muted: string;
}

export function chartTheme(): ChartTheme {
  const dark = window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  return {
    dark,
    grid: dark ? 'rgba(255,255,255,0.18)' : 'rgba(0,0,0,0.12)',
    text: dark ? '#e9ece9' : '#1d2320',
    brand: dark ? '#5cc8b3' : '#0b6b5d',
    muted: dark ? '#b3bcb7' : '#4f5a55',
  };
}

export type ChartClass = typeof Chart;

/**
 * Returns the ref to put on the <canvas>. `config` is called with the theme whenever `deps` change;
 * nothing is drawn while `ChartCtor` is null (chart.js not loaded yet). With `whenNear`, the chart is
 * made only when its canvas comes within a screen of the viewport (or the page is printed): a chart
 * below the first screen costs nothing while the page hydrates, and one that a phone swaps for bars
 * never runs.
 */
export function useChartOn<T extends ChartType>(
  ChartCtor: ChartClass | null,
  config: (theme: ChartTheme) => ChartConfiguration<T>,
  deps: DependencyList,
  whenNear = false,
) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<T> | null>(null);
  const near = useRef(!whenNear);
  // Draws with the latest config: made once, then updated without animation.
  const draw = useRef(() => {});
  draw.current = () => {
    if (!near.current || !canvas.current || !ChartCtor) return;
    const cfg = config(chartTheme());
    if (chart.current) {
      chart.current.data = cfg.data;
      chart.current.update('none');
    } else chart.current = new ChartCtor(canvas.current, cfg) as unknown as Chart<T>;
  };
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => draw.current(), [ChartCtor, ...deps]);
  useEffect(() => {
    const el = canvas.current;
    if (near.current || !el) return;
    const show = () => {
      near.current = true;
      stop();
      draw.current();
    };
    const seen =
      typeof IntersectionObserver === 'undefined'
        ? null
        : new IntersectionObserver(
            (entries) => {
              if (entries.some((e) => e.isIntersecting)) show();
            },
            { rootMargin: '100% 0px' },
          );
    const stop = () => {
      seen?.disconnect();
      removeEventListener('beforeprint', show);
    };
    const box = el.getBoundingClientRect();
    if (!seen || (box.top < 2 * innerHeight && box.bottom > -innerHeight)) {
      show();
      return;
    }
    seen.observe(el);
    addEventListener('beforeprint', show);
    return stop;
  }, []);
  useEffect(
    () => () => {
      chart.current?.destroy();
      chart.current = null;
    },
    [],
  );
  return canvas;
}
