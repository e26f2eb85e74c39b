// Static flags of an original notebook, as Pimentel et al. (EMSE 2021, "Understanding and improving
// the quality and reproducibility of Jupyter notebooks") define them, from the execution counts the
// author's last session left in the file. Only non-empty code cells count.

export interface StaticFlags {
  outOfOrder: boolean; // execution counts not increasing from top to bottom
  skippedCounts: boolean; // in order but with gaps: cells ran that are no longer there (hidden state)
  neverExecutedCells: number; // non-empty code cells with no execution count
}

export function staticFlags(cells: Array<{ cellType: string; executionCount: number | null; source: string }>): StaticFlags {
  const code = cells.filter((c) => c.cellType === 'code' && c.source.trim() !== '');
  const counts = code.map((c) => c.executionCount).filter((n): n is number => n !== null);
  let outOfOrder = false;
  for (let i = 1; i < counts.length; i++) if (counts[i] <= counts[i - 1]) outOfOrder = true;
  // Skips are judged on the sorted counts, so an out-of-order notebook can have both flags; the
  // first count above 1 is a skip too (cells ran before the first one still in the notebook).
  const sorted = [...counts].sort((a, b) => a - b);
  const skippedCounts = sorted.length > 0 && (sorted[0] !== 1 || sorted.some((n, i) => i > 0 && n - sorted[i - 1] > 1));
  return { outOfOrder, skippedCounts, neverExecutedCells: code.length - counts.length };
}
