import type { Db } from '../db/client';
import { AppError } from '../errors';
import { importSources } from './import-sources';
import { readZip } from './read-zip';
import type { ImportResult, ImportSource } from './types';

// Larger files are refused before parsing: the biggest real Kaggle notebooks are ~100 MB.
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

/** Imports one uploaded file: a notebook, or a zip of notebooks. */
export async function importUpload(db: Db, blobDir: string, file: File | null): Promise<ImportResult[]> {
  if (!file) throw new AppError('bad_request', 'Send the notebook as a multipart form field named "file".');
  if (file.size > MAX_UPLOAD_BYTES) {
    throw new AppError('bad_request', `${file.name} is ${(file.size / 1e6).toFixed(0)} MB; the limit is ${MAX_UPLOAD_BYTES / 1e6} MB.`);
  }
  const bytes = Buffer.from(await file.arrayBuffer());
  const name = file.name; // as the user named it: never a path on this server
  // A zip's entries are inflated one at a time under the zip caps (lib/zip/limits.ts), never all at once.
  const sources: AsyncIterable<ImportSource> | ImportSource[] = /\.zip$/i.test(file.name) ? readZip(name, bytes) : [{ file: name, bytes }];
  return importSources(db, sources, { blobDir, concurrency: 2 });
}
