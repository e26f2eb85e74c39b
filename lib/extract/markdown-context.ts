type CellLike = { cell_type: string };

// How many markdown cells before a figure count as its context: a notebook's intro is not.
const MAX_BEFORE = 3;

/**
 * The markdown context of the cell at `position`: the nearest run of markdown cells before it
 * (walking back over code cells until one is found, then up to three consecutive ones), and the
 * first markdown cell after it. Returned as cell positions, so one join fetches the text.
 */
export function markdownContext(cells: CellLike[], position: number): { before: number[]; after: number | null } {
  const before: number[] = [];
  let i = position - 1;
  while (i >= 0 && cells[i].cell_type !== 'markdown') i--;
  while (i >= 0 && cells[i].cell_type === 'markdown' && before.length < MAX_BEFORE) before.unshift(i--);
  let after: number | null = null;
  for (let j = position + 1; j < cells.length; j++) {
    if (cells[j].cell_type === 'markdown') {
      after = j;
      break;
    }
  }
  return { before, after };
}
