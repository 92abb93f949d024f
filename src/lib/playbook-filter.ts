/** Playbook library filters, kept in the URL. Pure: used by the page script and the tests. */
export const FILTER_KEYS = ['phase', 'type', 'layer', 'touch', 'element', 'owner'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export const SORTS = ['phase', 'title', 'reviewed'] as const;
export type Sort = (typeof SORTS)[number];

export interface PlaybookFacets {
  id: string;
  title: string;
  phase: string;
  type: string;
  layer: string[];
  touch: string[];
  /** "<framework>/<element>" */
  element: string[];
  owner: string;
  reviewed: string;
  phaseOrder: number;
}

export interface FilterState {
  filters: Partial<Record<FilterKey, string>>;
  sort: Sort;
}

export function parseFilterQuery(search: string): FilterState {
  const q = new URLSearchParams(search);
  const filters: Partial<Record<FilterKey, string>> = {};
  for (const k of FILTER_KEYS) {
    const v = q.get(k);
    if (v) filters[k] = v;
  }
  const s = q.get('sort');
  return { filters, sort: (SORTS as readonly string[]).includes(s ?? '') ? (s as Sort) : 'phase' };
}

export function toFilterQuery(state: FilterState): string {
  const q = new URLSearchParams();
  for (const k of FILTER_KEYS) if (state.filters[k]) q.set(k, state.filters[k]!);
  if (state.sort !== 'phase') q.set('sort', state.sort);
  const s = q.toString();
  return s ? `?${s}` : '';
}

export function matches(p: PlaybookFacets, filters: FilterState['filters']): boolean {
  for (const k of FILTER_KEYS) {
    const want = filters[k];
    if (!want) continue;
    const have = p[k];
    if (Array.isArray(have) ? !have.includes(want) : have !== want) return false;
  }
  return true;
}

/** The ids of matching playbooks, in the chosen order. */
export function applyFilters(
  all: PlaybookFacets[],
  state: FilterState,
  compare: (a: string, b: string) => number,
): string[] {
  const list = all.filter((p) => matches(p, state.filters));
  const by: Record<Sort, (a: PlaybookFacets, b: PlaybookFacets) => number> = {
    phase: (a, b) => a.phaseOrder - b.phaseOrder || compare(a.title, b.title),
    title: (a, b) => compare(a.title, b.title),
    reviewed: (a, b) => b.reviewed.localeCompare(a.reviewed) || compare(a.title, b.title),
  };
  return list.sort(by[state.sort]).map((p) => p.id);
}

/** How many playbooks each option of each filter would leave, given the other filters. */
export function facetCounts(
  all: PlaybookFacets[],
  filters: FilterState['filters'],
): Record<FilterKey, Record<string, number>> {
  const out = Object.fromEntries(FILTER_KEYS.map((k) => [k, {} as Record<string, number>])) as Record<
    FilterKey,
    Record<string, number>
  >;
  for (const k of FILTER_KEYS) {
    const others = { ...filters, [k]: undefined };
    for (const p of all) {
      if (!matches(p, others)) continue;
      const vals = p[k];
      for (const v of Array.isArray(vals) ? vals : [vals]) out[k][v] = (out[k][v] ?? 0) + 1;
    }
  }
  return out;
}
