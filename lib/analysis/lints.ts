// Notebook lints: pynblint's rules with its default thresholds (collab-uniba/pynblint, config.py:
// 50 cells, 30 lines per code cell, 3 initial and 3 final cells, 0.3 markdown/code ratio), written
// anew here, plus lints about figures.
import type { NbCell } from '../notebooks';
import type { Program } from './program';

export interface Lint {
  rule: string;
  cell?: number;
  message: string;
}

export const PYNBLINT = { maxCells: 50, maxLinesInCodeCell: 30, initialCells: 3, finalCells: 3, minMarkdownCodeRatio: 0.3 } as const;

const isCode = (c: NbCell) => c.cell_type === 'code';
const isMarkdown = (c: NbCell) => c.cell_type === 'markdown';
const isHeadingOnly = (c: NbCell) => c.source.trim() !== '' && c.source.split('\n').every((l) => l.trim() === '' || /^\s*#/.test(l));

export function notebookLints(cells: NbCell[], program: Program, fileName?: string): Lint[] {
  const lints: Lint[] = [];
  const code = cells.map((c, i) => ({ c, i })).filter(({ c }) => isCode(c));
  const counts = code.map(({ c }) => c.execution_count).filter((n): n is number => typeof n === 'number');
  if (counts.some((n, k) => k > 0 && n < counts[k - 1])) {
    lints.push({ rule: 'non-linear-execution', message: 'code cells were executed in a non-linear order (execution counts are not ascending)' });
  }
  if (cells.length > PYNBLINT.maxCells) {
    lints.push({ rule: 'notebook-too-long', message: `the notebook has ${cells.length} cells (more than ${PYNBLINT.maxCells})` });
  }
  if (fileName) {
    const base = fileName.split('/').pop()!;
    if (/^Untitled\d*\.ipynb$/.test(base)) lints.push({ rule: 'untitled-notebook', message: 'the notebook still has the default title' });
    if (/-Copy\d+\.ipynb$/.test(base)) lints.push({ rule: 'duplicate-notebook-not-renamed', message: 'the duplicated notebook was not renamed' });
    if (!/^[A-Za-z0-9_.-]+$/.test(base)) lints.push({ rule: 'non-portable-chars-in-nb-name', message: 'the file name has characters outside [A-Za-z0-9_.-]' });
  }
  // pynblint checks `import x` statements beyond the first code cell.
  const firstCode = code[0]?.i;
  const importCells = new Set(program.stmts.filter((s) => s.cell !== firstCode && s.isImport).map((s) => s.cell));
  for (const cell of [...importCells].sort((a, b) => a - b)) {
    lints.push({ rule: 'imports-beyond-first-cell', cell, message: 'import statements beyond the first code cell' });
  }
  const initial = cells.slice(0, PYNBLINT.initialCells);
  const final = cells.slice(-PYNBLINT.finalCells);
  const h1 = initial.filter(isMarkdown).some((c) => c.source.split('\n').some((l) => /^\s*#\s*[^#\n]*$/.test(l) || /<h1[\s>]/i.test(l)));
  if (!h1) lints.push({ rule: 'missing-h1-MD-heading', message: `no H1 markdown heading in the first ${PYNBLINT.initialCells} cells` });
  if (!initial.some((c) => isMarkdown(c) && !isHeadingOnly(c))) {
    lints.push({ rule: 'missing-opening-MD-text', message: `no markdown text in the first ${PYNBLINT.initialCells} cells` });
  }
  if (!final.some((c) => isMarkdown(c) && !isHeadingOnly(c))) {
    lints.push({ rule: 'missing-closing-MD-text', message: `no markdown text in the last ${PYNBLINT.finalCells} cells` });
  }
  const markdownCount = cells.filter(isMarkdown).length;
  if (code.length > 0 && markdownCount / code.length < PYNBLINT.minMarkdownCodeRatio) {
    lints.push({ rule: 'too-few-MD-cells', message: `${markdownCount} markdown cells for ${code.length} code cells (ratio below ${PYNBLINT.minMarkdownCodeRatio})` });
  }
  for (const e of program.syntaxErrors) lints.push({ rule: 'invalid-python-syntax', cell: e.cell, message: `line ${e.line + 1}: ${e.message}` });
  const executed = code.filter(({ c }) => c.execution_count !== null);
  if (code.length > 0 && executed.length === 0) lints.push({ rule: 'non-executed-notebook', message: 'no code cell was executed' });
  for (const { c, i } of code) {
    if (executed.length > 0 && c.execution_count === null && c.source.trim() !== '') {
      lints.push({ rule: 'non-executed-cells', cell: i, message: 'code cell not executed' });
    }
    if (c.source.trim() === '') lints.push({ rule: 'empty-cells', cell: i, message: 'empty code cell' });
    const lines = c.source.split('\n').length;
    if (lines > PYNBLINT.maxLinesInCodeCell) {
      lints.push({ rule: 'cells-too-long', cell: i, message: `${lines} lines (more than ${PYNBLINT.maxLinesInCodeCell})` });
    }
  }
  return lints;
}

/** Code cells executed out of order: a count lower than one of an earlier cell's. */
export function outOfOrderCells(cells: NbCell[]): Set<number> {
  const out = new Set<number>();
  let max = -Infinity;
  cells.forEach((c, i) => {
    if (!isCode(c) || typeof c.execution_count !== 'number') return;
    if (c.execution_count < max) out.add(i);
    max = Math.max(max, c.execution_count);
  });
  return out;
}
