/**
 * Growth over time as a table: one row per date, one column per framework element. Shared by the
 * team review (history from imported files) and the member pages (snapshots in content/team). Pure.
 */

export interface GrowthPoint {
  /** YYYY-MM-DD */
  date: string;
  /** element id → level */
  ratings: Record<string, number>;
  note?: string;
  source?: string;
  /** Levels agreed in a 1:1: who agreed them. */
  agreedBy?: string[];
}

export interface GrowthRow {
  date: string;
  /** One value per element, in framework order; null = not rated on that date. */
  values: (number | null)[];
  note?: string;
  source?: string;
  agreedBy?: string[];
}

/**
 * Rows oldest first; a date that appears twice keeps the later point. Agreed levels and the person's
 * own levels of the same date are two rows (own first).
 */
export function growthRows(points: readonly GrowthPoint[], elements: readonly { id: string }[]): GrowthRow[] {
  const byDate = new Map<string, GrowthPoint>();
  for (const p of points) byDate.set(p.agreedBy ? `${p.date} agreed` : p.date, p);
  return [...byDate.values()]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) || Number(!!a.agreedBy) - Number(!!b.agreedBy))
    .map((p) => {
      const row: GrowthRow = {
        date: p.date,
        values: elements.map((e) =>
          Object.hasOwn(p.ratings, e.id) && Number.isFinite(p.ratings[e.id]) ? p.ratings[e.id] : null,
        ),
      };
      if (p.note !== undefined) row.note = p.note;
      if (p.source !== undefined) row.source = p.source;
      if (p.agreedBy) row.agreedBy = [...p.agreedBy];
      return row;
    });
}

/**
 * Change per element from the first date it was rated to the last (null when rated on fewer than two
 * dates).
 */
export function growthChange(rows: readonly GrowthRow[], count: number): (number | null)[] {
  return Array.from({ length: count }, (_, i) => {
    let first: number | null = null;
    let last: number | null = null;
    let n = 0;
    for (const r of rows) {
      const v = r.values[i];
      if (v === null || v === undefined) continue;
      if (first === null) first = v;
      last = v;
      n++;
    }
    return n >= 2 && first !== null && last !== null ? last - first : null;
  });
}
