/**
 * The one chart.js stand-in for component tests (happy-dom has no canvas): records every chart an
 * island makes, with its type and data, instead of drawing. Real drawing is tested in Chromium
 * (test/e2e/). Every unit test gets it through test/setup/unit.ts, which also empties `charts`
 * before each test; a test reads what was drawn with
 *
 *   import { charts } from '../helpers/chart-mock.ts';
 */
export interface MockChart {
  type: string;
  // Tests read the data shape their island hands over.
  // biome-ignore lint/suspicious/noExplicitAny: a test double holds any chart's data
  data: any;
  /** How often the island called update(). */
  updates: number;
}

export const charts: MockChart[] = [];

export class Chart implements MockChart {
  static register(): void {}
  type: string;
  // biome-ignore lint/suspicious/noExplicitAny: see MockChart
  data: any;
  updates = 0;
  constructor(_canvas: unknown, config: { type: string; data: unknown }) {
    this.type = config.type;
    this.data = config.data;
    charts.push(this);
  }
  update(): void {
    this.updates++;
  }
  destroy(): void {}
}

/** The chart.js parts the islands register (registering does nothing here). */
const part = {};
export const BarController = part;
export const BarElement = part;
export const CategoryScale = part;
export const LinearScale = part;
export const ScatterController = part;
export const LineElement = part;
export const PointElement = part;
export const RadarController = part;
export const RadialLinearScale = part;
export const Filler = part;
export const Tooltip = part;
export const Legend = part;
