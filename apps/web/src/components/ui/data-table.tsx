import type { ReactNode } from 'react';

export type Column = string | { label: string; numeric?: boolean };

/**
 * A table in its own sideways-scrolling, focusable region (Q13: the page itself never scrolls
 * sideways; the first column stays pinned). Rows are the children: a <tr> each, first cell a <th>.
 */
export function DataTable({ label, columns, children }: { label: string; columns: readonly Column[]; children: ReactNode }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
      <table className="data-table">
        <thead>
          <tr>
            {columns.map((column) => {
              const { label: text, numeric } = typeof column === 'string' ? { label: column, numeric: false } : column;
              return (
                <th key={text} scope="col" className={numeric ? 'num' : undefined}>
                  {text}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
