import path from 'node:path';
import type { ParsedNotebook } from '../notebooks/types';

/** The notebook's first markdown heading, else its file name: what a reader would call it. */
export function notebookTitle(nb: ParsedNotebook, file: string): string {
  const kaggleTitle = (nb.metadata as { kaggle?: { title?: unknown } }).kaggle?.title;
  if (typeof kaggleTitle === 'string' && kaggleTitle.trim()) return kaggleTitle.trim();
  for (const cell of nb.cells) {
    if (cell.cell_type !== 'markdown') continue;
    const m = /^\s{0,3}#{1,3}\s+(.+?)\s*#*\s*$/m.exec(cell.source);
    if (m) return stripInlineMarkup(m[1]).slice(0, 200) || fallback(file);
  }
  return fallback(file);
}

function stripInlineMarkup(s: string): string {
  return s
    .replace(/<[^>]*>/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]/g, '')
    .trim();
}

function fallback(file: string): string {
  return path.basename(file).replace(/\.ipynb$/i, '');
}
