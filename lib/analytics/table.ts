import { chiSquare, type ChiSquare } from './chi-square';
import type { CrossTabCell } from './cross-tab';

// A cross-tab's cells as a matrix with margins and the χ² test: the shape the page, the CSV and the
// tests read. Pure; the counts come from crossTab.
export interface Table {
  rows: string[];
  cols: string[];
  counts: number[][];
  rowTotals: number[];
  colTotals: number[];
  total: number;
  test: ChiSquare | null;
}

export function toTable(cells: CrossTabCell[]): Table {
  const rows = [...new Set(cells.map((c) => c.row))].sort();
  const cols = [...new Set(cells.map((c) => c.col))].sort();
  const counts = rows.map(() => cols.map(() => 0));
  for (const c of cells) counts[rows.indexOf(c.row)][cols.indexOf(c.col)] += c.count;
  const rowTotals = counts.map((r) => r.reduce((a, b) => a + b, 0));
  const colTotals = cols.map((_, j) => counts.reduce((a, r) => a + r[j], 0));
  const total = rowTotals.reduce((a, b) => a + b, 0);
  return { rows, cols, counts, rowTotals, colTotals, total, test: cols.length > 1 ? chiSquare(counts) : null };
}
