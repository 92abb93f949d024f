/**
 * Team aggregation: the heatmap matrix (members × elements), gaps against each member's target role,
 * and per-element median / min / max. Pure, and O(members × elements): levels are small integers, so
 * medians come from counting, not sorting.
 *
 * Gap: a member's level on an element is below what their target role expects for it (an unrated
 * element counts as level 0; elements the role expects at 0 never have a gap). A member without a
 * target role, or whose target role has no expectations for the framework, has no gaps marked.
 */
import type { AssessmentKind } from '../../schemas/assessment.ts';
import { currentLevels, type Member, type RatingSource } from './members.ts';
import { dirSign, type SortState } from '../table-sort.ts';

export interface TeamRoleInfo {
  id: string;
  name?: string;
  rank?: number;
  /** framework id → element id → expected level */
  expected: Record<string, Record<string, number>>;
}

export interface HeatCell {
  /** null = not rated */
  level: number | null;
  /** What the target role expects (null when there is no target or no expectation). */
  expected: number | null;
  /** expected − level (unrated = 0) when positive, else 0. */
  gap: number;
}

export interface HeatRow {
  key: string;
  name: string;
  unnamedSource?: string;
  role?: string;
  targetRole?: string;
  /** Which assessment the row shows. */
  kind: AssessmentKind;
  /** updatedAt of that assessment. */
  updatedAt: string;
  hasSelf: boolean;
  hasManager: boolean;
  /** The member has an agreed record (optional so rows built before agreed records still fit). */
  hasAgreed?: boolean;
  /** One cell per framework element, in framework order. */
  cells: HeatCell[];
  /** Elements with a gap. */
  gapCount: number;
  /** Elements rated. */
  rated: number;
}

export interface ElementStats {
  element: string;
  /** Members who rated the element. */
  rated: number;
  /** Median of the rated levels (the mean of the two middle ones for an even count); null when none. */
  median: number | null;
  min: number | null;
  max: number | null;
}

const finiteLevel = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null);

/**
 * One row per member that has an assessment of the wanted kind (members without one are left out),
 * in the members' order.
 */
export function heatmap(
  members: readonly Member[],
  fw: { id: string; elements: readonly { id: string }[] },
  roles: readonly TeamRoleInfo[],
  source: RatingSource = 'preferred',
): HeatRow[] {
  const roleById = new Map(roles.map((r) => [r.id, r]));
  const rows: HeatRow[] = [];
  for (const m of members) {
    const cur = currentLevels(m, source);
    if (!cur) continue;
    const expected = m.targetRole ? roleById.get(m.targetRole)?.expected[fw.id] : undefined;
    let gapCount = 0;
    let rated = 0;
    const cells: HeatCell[] = fw.elements.map((el) => {
      const level = Object.hasOwn(cur.levels, el.id) ? finiteLevel(cur.levels[el.id]) : null;
      const exp = expected && Object.hasOwn(expected, el.id) ? finiteLevel(expected[el.id]) : null;
      const gap = exp !== null && exp > (level ?? 0) ? exp - (level ?? 0) : 0;
      if (gap > 0) gapCount++;
      if (level !== null) rated++;
      return { level, expected: exp, gap };
    });
    const row: HeatRow = {
      key: m.key,
      name: m.name,
      kind: cur.kind,
      updatedAt: cur.entry.assessment.updatedAt,
      hasSelf: Boolean(m.self),
      hasManager: Boolean(m.manager),
      hasAgreed: Boolean(m.agreed),
      cells,
      gapCount,
      rated,
    };
    if (m.unnamedSource) row.unnamedSource = m.unnamedSource;
    if (m.role) row.role = m.role;
    if (m.targetRole) row.targetRole = m.targetRole;
    rows.push(row);
  }
  return rows;
}

/** Rows whose current role is `role` ('' or undefined keeps every row). */
export function filterByRole(rows: readonly HeatRow[], role: string | undefined): HeatRow[] {
  if (!role) return [...rows];
  return rows.filter((r) => r.role === role);
}

/** Median, min and max per element over the rows (unrated cells are left out). */
export function elementStats(rows: readonly HeatRow[], elements: readonly { id: string }[]): ElementStats[] {
  return elements.map((el, i) => {
    // Levels are small non-negative integers: count them (out-of-range values go through a map).
    const counts: number[] = [];
    let n = 0;
    let min: number | null = null;
    let max: number | null = null;
    const odd = new Map<number, number>();
    for (const r of rows) {
      const v = r.cells[i]?.level;
      if (v === null || v === undefined) continue;
      n++;
      if (min === null || v < min) min = v;
      if (max === null || v > max) max = v;
      if (Number.isInteger(v) && v < 1000) counts[v] = (counts[v] ?? 0) + 1;
      else odd.set(v, (odd.get(v) ?? 0) + 1);
    }
    if (n === 0) return { element: el.id, rated: 0, median: null, min: null, max: null };
    const values: [number, number][] = [];
    counts.forEach((c, v) => {
      if (c) values.push([v, c]);
    });
    if (odd.size) values.push(...[...odd.entries()].sort((a, b) => a[0] - b[0]));
    values.sort((a, b) => a[0] - b[0]); // at most the number of distinct levels
    const at = (k: number) => {
      let seen = 0;
      for (const [v, c] of values) {
        seen += c;
        if (k < seen) return v;
      }
      return values[values.length - 1][0];
    };
    const median = n % 2 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
    return { element: el.id, rated: n, median, min, max };
  });
}

/**
 * Per element, the median of what the members' target roles expect (members without an expectation
 * left out): the team's "target" beside its median level; null where no member has one.
 */
export function expectedMedians(rows: readonly HeatRow[], elements: readonly { id: string }[]): (number | null)[] {
  const asLevels = rows.map((r) => ({ ...r, cells: r.cells.map((c) => ({ ...c, level: c.expected })) }));
  return elementStats(asLevels, elements).map((s) => s.median);
}

/** A heatmap column: the member's name, the gap count, or the element at an index. */
export type HeatColumn = 'name' | 'gaps' | `element:${number}`;

/**
 * Sort rows: by name (locale collation), by gap count or by the level of one element (unrated
 * always last). Ties fall back to the name, so the order is stable and predictable.
 */
export function sortHeatRows(
  rows: readonly HeatRow[],
  sort: SortState<HeatColumn>,
  compareText: (a: string, b: string) => number,
): HeatRow[] {
  const sign = dirSign(sort.dir);
  const key = sort.key;
  const byName = (a: HeatRow, b: HeatRow) =>
    compareText(a.name || a.unnamedSource || '', b.name || b.unnamedSource || '') ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  return [...rows].sort((a, b) => {
    if (key === 'name') return sign * byName(a, b);
    if (key === 'gaps') return sign * (a.gapCount - b.gapCount) || byName(a, b);
    const index = Number(key.slice('element:'.length));
    const x = a.cells[index]?.level ?? null;
    const y = b.cells[index]?.level ?? null;
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return sign * (x - y) || byName(a, b);
  });
}

/**
 * Heat bucket 0–5 for a level on a scale of `max` levels (so a 4-level and a 5-level framework use the
 * same colour ramp); null for unrated.
 */
export function heatBucket(level: number | null, max: number): number | null {
  if (level === null) return null;
  if (max <= 0) return 0;
  return Math.max(0, Math.min(5, Math.round((Math.min(level, max) / max) * 5)));
}
