/**
 * A chart drawn as soon as its island renders: chart.js is part of the island's first load. Each
 * chart registers only the chart.js parts it needs. The lifecycle and theme are in chart-lifecycle.ts.
 */
import type { DependencyList } from 'react';
import { Chart, type ChartConfiguration, type ChartType } from 'chart.js';
import { useChartOn, type ChartTheme } from './chart-lifecycle.ts';

export { chartTheme, type ChartTheme } from './chart-lifecycle.ts';

/**
 * Returns the ref to put on the <canvas>. `config` is called with the theme whenever `deps` change.
 * With `whenNear`, the chart is drawn only once its canvas comes within a screen of the viewport.
 */
export function useChart<T extends ChartType>(
  config: (theme: ChartTheme) => ChartConfiguration<T>,
  deps: DependencyList,
  whenNear = false,
) {
  return useChartOn<T>(Chart, config, deps, whenNear);
}
