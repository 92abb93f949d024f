/**
 * Sort state of a sortable table, shared by every island that sorts a table by its column headers.
 * Pure. A column key is a string (e.g. "score", "col:3", "element:2").
 */
export type SortDir = 'asc' | 'desc';
export interface SortState<K extends string = string> {
  key: K;
  dir: SortDir;
}

/**
 * The sort state after a column's sort button is pressed: the same column flips its direction, a
 * new column starts in `firstDir(key)` (ascending unless the table says otherwise).
 */
export function nextSort<K extends string>(
  current: SortState<K>,
  key: K,
  firstDir: (key: K) => SortDir = () => 'asc',
): SortState<K> {
  if (current.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { key, dir: firstDir(key) };
}

/** The `aria-sort` value of a column header: the direction on the sorted column, none elsewhere. */
export function ariaSortOf(sort: SortState, key: string): 'ascending' | 'descending' | undefined {
  if (sort.key !== key) return undefined;
  return sort.dir === 'asc' ? 'ascending' : 'descending';
}

/** +1 for ascending, −1 for descending: multiply a comparison by it. */
export const dirSign = (dir: SortDir): 1 | -1 => (dir === 'asc' ? 1 : -1);
