import path from 'node:path';
import type { ParsedNotebook } from '../notebooks/types';
import { plainText } from '../text/plain-text';

/**
 * What a reader would call the notebook: its Kaggle title when the file carries one (a collected
 * notebook gets the API's title later, in lib/kaggle/runs/record-kernel.ts), else its file name, else
 * (for a generic file name such as "Untitled3" or "__notebook__") a heading that reads as a title.
 * First headings alone gave "Content", "Introduction" and whole sentences on the real corpus.
 */
export function notebookTitle(nb: ParsedNotebook, file: string): string {
  const kaggleTitle = (nb.metadata as { kaggle?: { title?: unknown } }).kaggle?.title;
  if (typeof kaggleTitle === 'string' && kaggleTitle.trim()) return plainText(kaggleTitle).slice(0, 200);
  const stem = fileStem(file);
  if (!GENERIC_FILE.test(stem)) return stem;
  for (const cell of nb.cells) {
    if (cell.cell_type !== 'markdown') continue;
    for (const m of cell.source.matchAll(/^\s{0,3}#{1,3}\s+(.+?)\s*#*\s*$/gm)) {
      const heading = stripInlineMarkup(m[1]);
      if (looksLikeTitle(heading)) return heading.slice(0, 200);
    }
  }
  return stem;
}

/** The file name without folders or `.ipynb`. */
export function fileStem(file: string): string {
  return path.posix.basename(file.replace(/\\/g, '/')).replace(/\.ipynb$/i, '');
}

// File names that say nothing about the notebook (Kaggle's own download is `__notebook__.ipynb`).
const GENERIC_FILE = /^(untitled[\s_-]*\d*|notebook[\s_-]*\d*|kernel[\s_-]*\w{0,12}|__notebook__|__results__|main|script|index|solution|submission|copy of .*|[0-9a-f-]{16,}|\d+)$/i;
// Section headings that are not a notebook's title.
const SECTION = /^(\d+[.)]?\s*)?(table of )?(contents?|introduction|intro|overview|summary|submission|conclusions?|imports?|import (the )?(libraries|packages|modules)|libraries|setup|data|references|acknowledge?ments?|objectives?|problem statement|agenda|outline|background|eda|loading (the )?data|load (the )?data)\b.{0,20}$/i;

function looksLikeTitle(s: string): boolean {
  if (s.length < 3 || s.length > 100 || s.split(/\s+/).length > 12) return false;
  if (/[.:?!,;]$/.test(s)) return false; // a sentence or a lead-in, not a title
  return !SECTION.test(s);
}

function stripInlineMarkup(s: string): string {
  return plainText(s.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_`]/g, ''));
}
