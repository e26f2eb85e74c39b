import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import type { ImportSource } from './types';

const NOTEBOOK = /\.ipynb$/i;
const ZIP = /\.zip$/i;

/**
 * Expands the paths a user gave (files, folders searched recursively, zip archives) into notebook
 * files, lazily, so a folder of 100,000 notebooks is never held in memory at once.
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
    else if (ZIP.test(p)) for (const s of readZip(p, fs.readFileSync(p))) yield relative(s);
    else yield relative({ file: p, bytes: fs.readFileSync(p) });
  }
}

async function* readFolder(dir: string): AsyncGenerator<ImportSource> {
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) yield* readFolder(full);
    else if (NOTEBOOK.test(e.name)) yield { file: full, bytes: fs.readFileSync(full) };
    else if (ZIP.test(e.name)) yield* readZip(full, fs.readFileSync(full));
  }
}

/** The notebooks inside a zip archive, named `archive.zip/inner/path.ipynb`. */
export function* readZip(name: string, bytes: Uint8Array): Generator<ImportSource> {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => NOTEBOOK.test(f.name) && !f.name.startsWith('__MACOSX/') });
  } catch (e) {
    yield { file: name, readError: `not a readable zip archive: ${(e as Error).message}` };
    return;
  }
  const names = Object.keys(files).sort();
  if (names.length === 0) yield { file: name, readError: 'the zip archive holds no .ipynb files' };
  for (const inner of names) yield { file: `${name}/${inner}`, bytes: files[inner] };
}
