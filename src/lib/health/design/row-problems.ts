/** Per row: the design's measures with no value, with a value that is not a number, or with a number outside the measure's range. Pure. */
import type { ColumnData } from './columns.ts';
import type { Design } from './design.ts';

export interface RowProblem {
  index: number;
  missing: string[];
  unreadable: { measure: string }[];
  outOfRange: { measure: string; value: number; min: number; max: number }[];
}

export function rowProblems(d: Design, columns: ColumnData[]): RowProblem[] {
  const byRow = new Map<number, RowProblem>();
  const at = (i: number) => {
    let p = byRow.get(i);
    if (!p) byRow.set(i, (p = { index: i, missing: [], unreadable: [], outOfRange: [] }));
    return p;
  };
  d.measures.forEach((m, j) => {
    const c = columns[j];
    if (!c) return;
    if (c.kind === 'categorical') {
      c.codes.forEach((code, i) => {
        if (code < 0) at(i).missing.push(m.id);
      });
      return;
    }
    const invalid = new Set(c.invalid);
    const lo = m.min ?? -Infinity;
    const hi = m.max ?? Infinity;
    c.values.forEach((v, i) => {
      if (invalid.has(i)) at(i).unreadable.push({ measure: m.id });
      else if (Number.isNaN(v)) at(i).missing.push(m.id);
      else if (v < lo || v > hi) at(i).outOfRange.push({ measure: m.id, value: v, min: lo, max: hi });
    });
  });
  return [...byRow.values()].sort((a, b) => a.index - b.index);
}
