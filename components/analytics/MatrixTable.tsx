import type { ReactNode } from 'react';

/**
 * A rows × columns table of numbers in a box that scrolls sideways (the cross-tab's counts, the χ²
 * test's expected counts). `cell` renders one <td>; `rowTotals` adds a total column, `colTotals` a
 * total row (ending in `total` when both are given).
 */
export function MatrixTable(props: { testId: string; corner?: string; rows: string[]; cols: string[]; cell: (i: number, j: number) => ReactNode; rowTotals?: string[]; colTotals?: string[]; total?: string }) {
  const { rows, cols, rowTotals, colTotals } = props;
  return (
    <div style={{ overflowX: 'auto' }}>
      <table className="list" data-testid={props.testId}>
        <thead>
          <tr>
            <th>{props.corner}</th>
            {cols.map((c) => <th key={c} className="num">{c}</th>)}
            {rowTotals && <th className="num">total</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r}>
              <td>{r}</td>
              {cols.map((_, j) => props.cell(i, j))}
              {rowTotals && <td className="num">{rowTotals[i]}</td>}
            </tr>
          ))}
          {colTotals && (
            <tr>
              <th>total</th>
              {colTotals.map((n, j) => <th key={j} className="num">{n}</th>)}
              {rowTotals && <th className="num">{props.total}</th>}
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
