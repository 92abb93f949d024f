/**
 * The chart.js lifecycle every chart island shares: create the chart on its canvas once, update its
 * data without animation when the inputs change, destroy it on unmount; plus theme colours for light
 * and dark mode. Each chart registers only the chart.js parts it needs.
 */
import { useEffect, useRef, type DependencyList } from 'react';
import { Chart, type ChartConfiguration, type ChartType } from 'chart.js';

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

/** Returns the ref to put on the <canvas>. `config` is called with the theme whenever `deps` change. */
export function useChart<T extends ChartType>(config: (theme: ChartTheme) => ChartConfiguration<T>, deps: DependencyList) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<T> | null>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const cfg = config(chartTheme());
    if (chart.current) {
      chart.current.data = cfg.data;
      chart.current.update('none');
      return;
    }
    chart.current = new Chart(canvas.current, cfg);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  useEffect(() => () => { chart.current?.destroy(); chart.current = null; }, []);
  return canvas;
}
