import type { Db } from '../db/client';
import { importNotebook, recordFailure } from './import-notebook';
import type { ImportResult, ImportSource } from './types';

export interface ImportOptions {
  blobDir: string;
  /** Files imported at once: overlaps parsing one file with database round trips of others. */
  concurrency?: number;
  onResult?: (result: ImportResult) => void;
}

/**
 * Imports every source, each on its own: one bad file is reported and the rest go on.
 * Only an infrastructure error (database gone) stops the batch.
 */
export async function importSources(
  db: Db,
  sources: AsyncIterable<ImportSource> | Iterable<ImportSource>,
  opts: ImportOptions,
): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  const inFlight = new Set<Promise<void>>();
  const limit = opts.concurrency ?? 4;
  for await (const source of sources) {
    const task = importOne(db, source, opts.blobDir).then((r) => {
      results.push(r);
      opts.onResult?.(r);
    });
    inFlight.add(task);
    task.finally(() => inFlight.delete(task)).catch(() => {});
    if (inFlight.size >= limit) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  return results;
}

async function importOne(db: Db, source: ImportSource, blobDir: string): Promise<ImportResult> {
  if ('readError' in source) {
    return recordFailure(db, { file: source.file, bytes: 0, contentHash: null, code: source.code ?? 'unreadable', message: source.readError, where: null });
  }
  try {
    // A deadlock with a concurrent import is retried inside (importNotebook's storeRetrying).
    return await importNotebook(db, { file: source.file, bytes: source.bytes, blobDir });
  } catch (e) {
    if (isInfrastructure(e)) throw e;
    // Anything else is about this file (a shape we did not foresee): report it, keep the batch going.
    // The detail goes to the log; the record (which clients read) says what failed, never the SQL.
    console.error(`import of ${source.file} failed:`, e);
    const message = `could not import this file: ${publicReason(e)}`;
    return recordFailure(db, { file: source.file, bytes: source.bytes.length, contentHash: null, code: 'internal', message, where: null });
  }
}

const code = (e: unknown) => String((e as { code?: unknown }).code ?? '');
// Lost or refused connections, and the server shutting down: the batch cannot go on.
const isInfrastructure = (e: unknown) => /^(08|57P)/.test(code(e)) || /^(CONNECT|CONNECTION_|ECONN|ENOTFOUND|ETIMEDOUT)/.test(code(e));

/** What a client may read of an unforeseen error: its first line, unless it comes from the database (SQL and parameters). */
function publicReason(e: unknown): string {
  const err = e as { message?: unknown; query?: unknown; cause?: { code?: unknown } };
  const fromDatabase = err.query !== undefined || typeof err.cause?.code === 'string' || /^Failed query/.test(String(err.message));
  if (fromDatabase) return 'the database refused it (details in the server log)';
  return String(err.message ?? e).split('\n')[0].slice(0, 300);
}
