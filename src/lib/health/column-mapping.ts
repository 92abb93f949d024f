/**
 * Checks of a column mapping (CSV column per measure, account and outcome) against a health model:
 * how much of the model's weight the mapped columns carry, columns chosen twice, and numeric
 * columns whose values mostly fall outside the measure's range. Pure.
 */
import type { HealthModel } from '../../schemas/health.ts';
import { weightShares } from './model-shares.ts';
import { isNumericMeasure, parseInput } from './score.ts';
import type { ColumnMapping } from './csv.ts';

/** Share (0–1) of the model's weight carried by the mapped measures: below minCoverage every account reads "insufficient data". */
export function mappedCoverage(
  model: Pick<HealthModel, 'groups' | 'measures'>,
  mapping: Pick<ColumnMapping, 'measures'>,
): number {
  const shares = weightShares(model);
  let s = 0;
  for (const id of Object.keys(mapping.measures)) s += shares.get(id) ?? 0;
  return s;
}

/** Columns chosen for more than one of the measures and the outcome (their value maps would clash). */
export function duplicateColumns(mapping: ColumnMapping): number[] {
  const seen = new Map<number, number>();
  for (const col of [...Object.values(mapping.measures), ...(mapping.outcome === null ? [] : [mapping.outcome])])
    seen.set(col, (seen.get(col) ?? 0) + 1);
  return [...seen]
    .filter(([, n]) => n > 1)
    .map(([c]) => c)
    .sort((a, b) => a - b);
}

export interface RangeWarning {
  measure: string;
  col: number;
  outside: number;
  numeric: number;
  min: number;
  max: number;
}

/** Share of a column's numbers outside the measure's range above which the mapping step warns. */
export const OUTSIDE_SHARE_WARNING = 0.1;

/**
 * Mapped numeric columns whose numbers mostly do not fit the measure's range (min–max in the model):
 * the sign of a wrong column or another scale (an account NPS of −100 to +100 mapped to a contact's
 * 0–10 answer). Scoring would not fail on them (they score like the nearest end of the range), so
 * the mapping step says so. Warns when at least OUTSIDE_SHARE_WARNING of the numbers are outside.
 */
export function rangeWarnings(
  model: Pick<HealthModel, 'measures'>,
  mapping: Pick<ColumnMapping, 'measures'>,
  rows: string[][],
): RangeWarning[] {
  const out: RangeWarning[] = [];
  for (const m of model.measures) {
    const col = mapping.measures[m.id];
    if (col === undefined || !isNumericMeasure(m) || m.min === undefined || m.max === undefined) continue;
    let numeric = 0;
    let outside = 0;
    for (const cells of rows) {
      const r = parseInput(m, cells[col] ?? '');
      if (!r.ok || typeof r.value !== 'number') continue;
      numeric++;
      if (r.value < m.min || r.value > m.max) outside++;
    }
    if (numeric > 0 && outside / numeric >= OUTSIDE_SHARE_WARNING)
      out.push({ measure: m.id, col, outside, numeric, min: m.min, max: m.max });
  }
  return out;
}
