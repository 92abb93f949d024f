/** The chart lifecycle (chart-lifecycle.ts) for the health charts, on chart.js's shared Chart class. */
import type { DependencyList } from 'react';
import { Chart, type ChartConfiguration, type ChartType } from 'chart.js';
import { useChartOf, type ChartTheme } from './chart-lifecycle.ts';

export { chartTheme, type ChartTheme } from './chart-lifecycle.ts';

export function useChart<T extends ChartType>(config: (theme: ChartTheme) => ChartConfiguration<T>, deps: DependencyList) {
  return useChartOf(Chart, config, deps);
}
