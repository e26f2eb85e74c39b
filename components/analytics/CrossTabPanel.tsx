'use client';
import { useState } from 'react';
import type { Table } from '@/lib/analytics/table';
import { ChartPanel } from '@/components/agreement/ChartPanel';
import { heatmapSpec, type HeatmapShow } from '@/components/charts/specs/heatmap';
import { barChartSpec } from '@/components/charts/specs/bar-chart';
import { MatrixTable } from './MatrixTable';

const fmt = (n: number) => n.toLocaleString('en-GB');
const pct = (n: number) => `${(n * 100).toFixed(1)} %`;

/** One table as a heatmap (two dimensions) or bars (one), with its numbers behind the toggle. */
export function CrossTabPanel({ table, rows, cols, title }: { table: Table; rows: string; cols?: string; title: string }) {
  const [show, setShow] = useState<HeatmapShow>('count');
  const cells = table.rows.flatMap((r, i) => table.cols.map((c, j) => ({ row: r, col: c, count: table.counts[i][j] }))).filter((c) => c.count > 0);
  const spec = cols
    ? heatmapSpec(cells, { rows, cols, show })
    : barChartSpec(table.rows.map((r, i) => ({ label: r, count: table.counts[i][0] })), { x: 'visualisations', y: rows });
  return (
    <ChartPanel
      title={title}
      spec={spec}
      sub={
        cols ? (
          <span>
            Colour and labels:{' '}
            <select aria-label="Show" value={show} onChange={(e) => setShow(e.target.value as HeatmapShow)}>
              <option value="count">counts</option>
              <option value="rowShare">share of each row</option>
              <option value="colShare">share of each column</option>
            </select>{' '}
            · {fmt(table.total)} visualisations
          </span>
        ) : (
          `${fmt(table.total)} visualisations`
        )
      }
    >
      <MatrixTable
        testId="crosstab-numbers"
        corner={rows}
        rows={table.rows}
        cols={cols ? table.cols : ['visualisations']}
        cell={(i, j) => {
          const n = table.counts[i][j];
          return (
            <td key={j} className="num" title={cols ? `${pct(n / table.rowTotals[i])} of row, ${pct(n / table.colTotals[j])} of column` : undefined}>
              {show === 'count' || !cols ? fmt(n) : pct(show === 'rowShare' ? n / table.rowTotals[i] : n / table.colTotals[j])}
            </td>
          );
        }}
        rowTotals={cols ? table.rowTotals.map(fmt) : undefined}
        colTotals={table.colTotals.map(fmt)}
        total={fmt(table.total)}
      />
    </ChartPanel>
  );
}
