import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The shared corpus is read in place (read-only); it is never copied into the repository.
export const CORPUS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus/notebooks');

export interface ManifestRow {
  file: string;
  nbformat: number;
  language: string;
  n_code_cells: number;
  n_markdown_cells: number;
  n_image_outputs: number;
  n_error_outputs: number;
}

export function readManifest(): ManifestRow[] {
  const [header, ...lines] = fs.readFileSync(path.join(CORPUS_DIR, 'manifest.csv'), 'utf8').trim().split('\n');
  const cols = header.split(',');
  return lines.map((line) => {
    const cells = splitCsvLine(line);
    const row = Object.fromEntries(cols.map((c, i) => [c, cells[i]]));
    return {
      file: row.file,
      nbformat: Number(row.nbformat),
      language: row.language.toLowerCase(),
      n_code_cells: Number(row.n_code_cells),
      n_markdown_cells: Number(row.n_markdown_cells),
      n_image_outputs: Number(row.n_image_outputs),
      n_error_outputs: Number(row.n_error_outputs),
    };
  });
}

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') (cur += '"'), i++;
      else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') out.push(cur), (cur = '');
    else cur += ch;
  }
  out.push(cur);
  return out;
}

export function corpusFile(name: string): string {
  return path.join(CORPUS_DIR, name);
}
