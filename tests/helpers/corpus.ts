import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsvObjects } from '../../lib/csv/parse-csv';

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
  return parseCsvObjects(fs.readFileSync(path.join(CORPUS_DIR, 'manifest.csv'), 'utf8')).map((row) => ({
    file: row.file,
    nbformat: Number(row.nbformat),
    language: row.language.toLowerCase(),
    n_code_cells: Number(row.n_code_cells),
    n_markdown_cells: Number(row.n_markdown_cells),
    n_image_outputs: Number(row.n_image_outputs),
    n_error_outputs: Number(row.n_error_outputs),
  }));
}

export function corpusFile(name: string): string {
  return path.join(CORPUS_DIR, name);
}
