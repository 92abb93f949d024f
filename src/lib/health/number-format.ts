/** Numbers, percentages and AUC values as the health pages show them, in the page language. */

/** Locale number formatting lives in src/lib/text/number.ts; re-exported for the batch page's islands. */
export { formatNumber, formatPercent } from '../text/number.ts';

/** AUC with three decimals, the way the page and its tests show it. */
export function formatAuc(x: number | null): string {
  return x === null ? '—' : x.toFixed(3);
}
