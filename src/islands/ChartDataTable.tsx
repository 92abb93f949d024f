/**
 * The data-table alternative every chart has: a disclosure with a captioned table whose first column
 * is the row header and whose other columns are numbers.
 */
import type { ReactNode } from 'react';

export interface ChartTableRow {
  key: string | number;
  head: ReactNode;
  cells: ReactNode[];
}

export function ChartDataTable(props: {
  toggle: string;
  caption: string;
  testId: string;
  columns: ReactNode[];
  rows: ChartTableRow[];
  className?: string;
  wrapClassName?: string;
}) {
  const { toggle, caption, testId, columns, rows, className, wrapClassName } = props;
  return (
    <details className={className}>
      <summary>{toggle}</summary>
      <div
        className={wrapClassName ? `table-wrap ${wrapClassName}` : 'table-wrap'}
        tabIndex={0}
        role="region"
        aria-label={caption}
      >
        <table data-testid={testId}>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((c, i) => (
                <th scope="col" className={i === 0 ? undefined : 'num'} key={i}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.head}</th>
                {r.cells.map((c, i) => (
                  <td className="num" key={i}>
                    {c}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
