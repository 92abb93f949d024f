/**
 * Table parts of the health pages: a scrollable table that keyboard users can reach (a labelled
 * region), its column headers (numeric ones right-aligned), and "n×" cells.
 */
import type { ReactNode } from 'react';
import type { Translate } from '../../i18n/translator.ts';
import type { Locale } from '../../i18n/locales.ts';
import { formatNumber } from '../../lib/health/number-format.ts';

/** A column header: its label, or `{ num: label }` for a numeric column. */
export type Col = ReactNode | { num: ReactNode };

const isNum = (c: Col): c is { num: ReactNode } => typeof c === 'object' && c !== null && 'num' in c;

/** One header row of a table. */
export function HeadRow({ cols }: { cols: Col[] }) {
  return (
    <tr>
      {cols.map((c, i) =>
        isNum(c) ? (
          <th key={i} scope="col" className="num">
            {c.num}
          </th>
        ) : (
          <th key={i} scope="col">
            {c}
          </th>
        ),
      )}
    </tr>
  );
}

/**
 * A table in a scrolling region named `label` (focusable, so the keyboard can scroll it), with
 * `label` as its caption (`visually-hidden` for screen readers only, `none` for no caption).
 */
export function ScrollTable({
  label,
  caption = 'shown',
  testId,
  className,
  cols,
  children,
}: {
  label: string;
  caption?: 'shown' | 'hidden' | 'none';
  testId?: string;
  className?: string;
  cols: Col[];
  /** The body (and footer) of the table. */
  children: ReactNode;
}) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={label}>
      <table className={className} data-testid={testId}>
        {caption !== 'none' && (
          <caption className={caption === 'hidden' ? 'visually-hidden' : undefined}>{label}</caption>
        )}
        <thead>
          <HeadRow cols={cols} />
        </thead>
        {children}
      </table>
    </div>
  );
}

/** "2.5×" (how many times a rate), or a dash when there is none. */
export const timesText = (t: Translate, lang: Locale, x: number | null): string =>
  x === null ? '—' : t('batch.times', { n: formatNumber(x, lang, 1) });
