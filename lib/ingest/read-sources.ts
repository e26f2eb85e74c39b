import fs from 'node:fs';
import path from 'node:path';
import { readZip } from './read-zip';
import type { ImportSource } from './types';

const NOTEBOOK = /\.ipynb$/i;
const ZIP = /\.zip$/i;

/**
 * Expands the paths a user gave (files, folders searched recursively, zip archives) into notebook
 * files, lazily, so a folder of 100,000 notebooks is never held in memory at once; zips are streamed.
 * Anything unreadable becomes a source with a `readError`, reported like any other failure.
 */
export async function* readSources(paths: string[]): AsyncGenerator<ImportSource> {
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      yield { file: path.basename(p), readError: `no such file or folder: ${path.basename(p)}` };
      continue;
    }
    // Names are kept relative to what was imported (a folder: its contents; a file or zip: its own
    // name), so no local absolute path is ever stored, shown or exported.
    const root = stat.isDirectory() ? p : path.dirname(p);
    const relative = (s: ImportSource): ImportSource => ({ ...s, file: path.relative(root, s.file).split(path.sep).join('/') });
    if (stat.isDirectory()) for await (const s of readFolder(p)) yield relative(s);
    else if (ZIP.test(p)) for await (const s of readZip(p, p)) yield relative(s);
    else yield relative(readFile(p));
  }
}

async function* readFolder(dir: string): AsyncGenerator<ImportSource> {
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) yield* readFolder(full);
    else if (NOTEBOOK.test(e.name)) yield readFile(full);
    else if (ZIP.test(e.name)) yield* readZip(full, full);
  }
}

function readFile(file: string): ImportSource {
  try {
    return { file, bytes: fs.readFileSync(file) };
  } catch (e) {
    return { file, readError: `cannot read this file: ${(e as Error).message}` };
  }
}
