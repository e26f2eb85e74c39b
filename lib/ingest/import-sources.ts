import type { Db } from '../db/client';
import { configuredKind } from '../blobs';
import { importNotebook, importPrepared, recordFailure } from './import-notebook';
import type { preparePool } from './prepare-pool';
import type { ImportResult, ImportSource } from './types';

export interface ImportOptions {
  blobDir: string;
  /**
   * Worker threads that prepare each file (prepare-pool.ts); without, files are prepared in this
   * thread. Only the type is imported here, so the web app's bundle never pulls the pool in.
   * A source's bytes are handed over to the pool: a caller must not read them after the import.
   */
  pool?: ReturnType<typeof preparePool>;
  /** Files imported at once: overlaps preparing some files with database round trips of others. */
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
  // With threads: two files per thread, so a thread finds its next file while this one is being stored.
  const limit = opts.concurrency ?? (opts.pool ? 2 * opts.pool.threads + 2 : 4);
  for await (const source of sources) {
    const task = importOne(db, source, opts).then((r) => {
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

async function importOne(db: Db, source: ImportSource, { blobDir, pool }: ImportOptions): Promise<ImportResult> {
  if ('readError' in source) {
    return recordFailure(db, { file: source.file, bytes: 0, contentHash: null, code: source.code ?? 'unreadable', message: source.readError, where: null });
  }
  const bytes = source.bytes.length; // the pool takes the bytes over (prepare-pool.ts)
  try {
    // A deadlock with a concurrent import is retried inside (importPrepared's storeRetrying).
    if (!pool) return await importNotebook(db, { file: source.file, bytes: source.bytes, blobDir });
    // With a blob folder, the thread writes the images it decodes there itself.
    const prepared = await pool.prepare(source.file, source.bytes, configuredKind() === 'folder' ? blobDir : undefined);
    return await importPrepared(db, { file: source.file, bytes, blobDir }, prepared);
  } catch (e) {
    if (isInfrastructure(e)) throw e;
    // Anything else is about this file (a shape we did not foresee): report it, keep the batch going.
    // The detail goes to the log; the record (which clients read) says what failed, never the SQL.
    console.error(`import of ${source.file} failed:`, e);
    const message = `could not import this file: ${publicReason(e)}`;
    return recordFailure(db, { file: source.file, bytes, contentHash: null, code: 'internal', message, where: null });
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
