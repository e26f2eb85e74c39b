import { importZipLimits } from '../zip/limits';
import { ZipReader, ZipTooLargeError } from '../zip/zip-reader';
import type { ImportSource } from './types';

const NOTEBOOK = /\.ipynb$/i;
const ZIP = /\.zip$/i;
const hidden = (name: string) => name.startsWith('__MACOSX/') || name.endsWith('/');

/**
 * The notebooks inside a zip archive (a path, or bytes for an upload), named `archive.zip/inner/path.ipynb`,
 * streamed one entry at a time. Zips inside it are opened down to VIZMINE_ZIP_MAX_DEPTH levels; deeper
 * ones, entries over a cap and unreadable entries are each reported as a failed source, and the other
 * entries are still read.
 */
export async function* readZip(name: string, zip: string | Buffer): AsyncGenerator<ImportSource> {
  const limits = importZipLimits();
  let reader: ZipReader;
  try {
    reader = typeof zip === 'string' ? await ZipReader.open(zip, limits) : await ZipReader.fromBuffer(zip, limits);
  } catch (e) {
    yield { file: name, readError: `not a readable zip archive: ${(e as Error).message}` };
    return;
  }
  let found = 0;
  for await (const source of readEntries(name, reader, 1, limits.maxDepth)) {
    found++;
    yield source;
  }
  if (found === 0) yield { file: name, readError: 'the zip archive holds no .ipynb files' };
}

async function* readEntries(name: string, reader: ZipReader, depth: number, maxDepth: number): AsyncGenerator<ImportSource> {
  try {
    for await (const entry of reader.entries()) {
      const inner = entry.fileName;
      if (hidden(inner) || !(NOTEBOOK.test(inner) || ZIP.test(inner))) continue;
      const file = `${name}/${inner}`;
      if (ZIP.test(inner) && depth > maxDepth) {
        yield { file, code: 'nested-zip', readError: `skipped: a zip ${depth} levels inside the archive; zips are opened ${maxDepth} levels down (VIZMINE_ZIP_MAX_DEPTH)` };
        continue;
      }
      let bytes: Buffer;
      try {
        bytes = await reader.read(entry);
      } catch (e) {
        const tooLarge = e instanceof ZipTooLargeError;
        yield { file, code: tooLarge ? 'too-large' : 'unreadable', readError: tooLarge ? `too large: ${(e as Error).message}` : `cannot read this zip entry: ${(e as Error).message}` };
        continue;
      }
      if (NOTEBOOK.test(inner)) yield { file, bytes };
      else yield* readNested(file, bytes, reader, depth, maxDepth);
    }
  } catch (e) {
    yield { file: name, readError: `the zip archive is damaged: ${(e as Error).message}` };
  }
}

async function* readNested(file: string, bytes: Buffer, outer: ZipReader, depth: number, maxDepth: number): AsyncGenerator<ImportSource> {
  let reader: ZipReader;
  try {
    reader = await ZipReader.fromBuffer(bytes, outer.limits, outer);
  } catch (e) {
    yield { file, readError: `not a readable zip archive: ${(e as Error).message}` };
    return;
  }
  yield* readEntries(file, reader, depth + 1, maxDepth);
}
