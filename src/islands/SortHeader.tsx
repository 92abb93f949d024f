/**
 * A sortable column header: a `<th>` with `aria-sort` and a button that sorts by the column (Enter
 * or Space from the keyboard). The arrow shows the direction; screen readers hear it from aria-sort
 * and the button's hidden text. Used by every table the islands let people sort.
 */
import type { ThHTMLAttributes } from 'react';
import type { Translate } from '../i18n/translator.ts';
import { ariaSortOf, type SortState } from '../lib/table-sort.ts';

type CellAttributes = Omit<ThHTMLAttributes<HTMLTableCellElement>, 'aria-sort' | 'scope' | 'children'> & {
  [data: `data-${string}`]: string | undefined;
};

export function SortHeader<K extends string>(props: {
  label: string;
  sortKey: K;
  sort: SortState<K>;
  onSort: (key: K) => void;
  t: Translate;
  /** Show ↕ on the columns not sorted by (where nothing else marks the header as a button). */
  idleIcon?: boolean;
  cell?: CellAttributes;
}) {
  const { label, sortKey, sort, onSort, t, idleIcon = false, cell } = props;
  const aria = ariaSortOf(sort, sortKey);
  const icon = aria === 'ascending' ? '▲' : aria === 'descending' ? '▼' : idleIcon ? '↕' : '';
  return (
    <th scope="col" {...cell} aria-sort={aria}>
      <button type="button" className="sort-button" onClick={() => onSort(sortKey)} data-sort={sortKey}>
        {label}
        {icon && <span className="sort-icon" aria-hidden="true">{` ${icon}`}</span>}
        <span className="visually-hidden">
          {t(aria === 'ascending' ? 'common.sort.asc' : aria === 'descending' ? 'common.sort.desc' : 'common.sort.by')}
        </span>
      </button>
    </th>
  );
}
