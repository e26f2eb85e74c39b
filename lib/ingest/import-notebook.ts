import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { importFailures, notebooks } from '../db/schema';
import { blobStoreOf, removeUnreferencedBlobs, sha256Hex, type BlobStore } from '../blobs';
import { cellSummary, prepareNotebook, type PreparedNotebook } from './prepare-notebook';
import { storeNotebook } from './store-notebook';
import type { ImportResult } from './types';

/**
 * Imports one notebook file in this thread: parse, extract, write image blobs, then store notebook,
 * cells and visualisations in one transaction (a crash leaves nothing half-imported). The same bytes
 * twice are a no-op (found by hash before parsing); a file that cannot be parsed is recorded as
 * failed with what and where. Batches prepare in worker threads instead (import-sources.ts).
 */
export async function importNotebook(
  db: Db,
  input: { file: string; bytes: Uint8Array; blobDir: string | BlobStore },
): Promise<ImportResult> {
  const contentHash = sha256Hex(input.bytes);
  const existing = await findImported(db, contentHash);
  if (existing) return { file: input.file, bytes: input.bytes.length, status: 'duplicate', ...existing };
  return importPrepared(db, { file: input.file, bytes: input.bytes.length, blobDir: input.blobDir }, prepareNotebook(input.file, input.bytes, contentHash));
}

/**
 * The database part of an import: what prepareNotebook made (here or in a worker thread) is written,
 * image blobs first, then the rows in one transaction; a failure is recorded with what and where.
 * A duplicate is found by the insert itself (no lookup first: one round trip less per notebook).
 */
export async function importPrepared(
  db: Db,
  input: { file: string; bytes: number; blobDir: string | BlobStore },
  p: PreparedNotebook,
): Promise<ImportResult> {
  const base = { file: input.file, bytes: input.bytes };
  const { contentHash } = p;
  const duplicate = async (): Promise<ImportResult> => ({ ...base, status: 'duplicate', ...(await findImported(db, contentHash)) });
  if (p.kind === 'failed') return recordFailure(db, { ...base, contentHash, code: p.code, message: p.message, where: p.where });
  if (p.kind === 'rejected') {
    const id = await insertNotebook(db, { ...p.values, status: 'rejected', rejectReason: p.reason });
    if (id === null) return duplicate();
    return { ...base, status: 'rejected', notebookId: id, error: { code: 'language', message: p.reason, where: null } };
  }

  const store = blobStoreOf(db, input.blobDir);
  // Images a worker thread wrote to the blob folder already come without their bytes.
  const toPut = p.images.filter((img) => img.bytes !== null);
  const written = await Promise.all(toPut.map((img) => store.put(img.sha256, img.bytes!, img.mime)));
  const created = [...(p.blobsWritten ?? []), ...toPut.flatMap((img, i) => (written[i] ? [img.sha256] : []))];

  let notebookId: number | null;
  try {
    notebookId = await storeRetrying(db, p);
  } catch (e) {
    // Nothing of this notebook was stored: the blobs it alone brought must not stay behind.
    await removeUnreferencedBlobs(db, store, created);
    const refused = refusedData(e);
    if (!refused) throw e;
    return recordFailure(db, { ...base, contentHash, code: 'database', message: `the database refused this notebook's content (${refused})`, where: null });
  }
  if (notebookId === null) return duplicate();
  return { ...base, status: 'imported', notebookId, ...p.summary };
}

/**
 * storeNotebook, tried again (up to 3 times) when a concurrent import deadlocked it or a serialization
 * failure rolled it back: here, so every caller (CLI and upload batches, collection runs, reproductions) gets it.
 */
async function storeRetrying(db: Db, input: Parameters<typeof storeNotebook>[1]): Promise<number | null> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await storeNotebook(db, input);
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      if ((code === '40P01' || code === '40001') && attempt < 3) continue;
      throw e;
    }
  }
}

/**
 * A PostgreSQL "data exception" (SQLSTATE class 22, e.g. a \u0000 in JSON metadata) is about this
 * file's content: the file fails, the batch goes on. Anything else (connection lost) is thrown.
 */
function refusedData(e: unknown): string | null {
  // drizzle wraps the driver's error (its message holds the SQL and parameters); PostgreSQL's own
  // message, on the cause, names only the problem — that is all a client may see.
  const pg = (e as { cause?: unknown }).cause ?? e;
  const code = (pg as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('22') ? `SQLSTATE ${code}: ${(pg as Error).message.split('\n')[0].slice(0, 200)}` : null;
}

/** The notebook already stored with these bytes, as a duplicate's result reports it. */
async function findImported(db: Db, contentHash: string): Promise<Partial<ImportResult> | null> {
  const [n] = await db
    .select({ id: notebooks.id, codeCells: notebooks.codeCells, markdownCells: notebooks.markdownCells, rawCells: notebooks.rawCells, headingCells: notebooks.headingCells })
    .from(notebooks)
    .where(eq(notebooks.contentHash, contentHash));
  if (!n) return null;
  return {
    notebookId: n.id,
    cells: cellSummary({ code: n.codeCells, markdown: n.markdownCells, raw: n.rawCells, headings: n.headingCells }),
  };
}

export async function recordFailure(
  db: Db,
  f: { file: string; bytes: number; contentHash: string | null; code: string; message: string; where: string | null },
): Promise<ImportResult> {
  await db.insert(importFailures).values({
    fileName: f.file,
    contentHash: f.contentHash,
    code: f.code,
    message: f.message,
    location: f.where,
  });
  return { file: f.file, bytes: f.bytes, status: 'failed', error: { code: f.code, message: f.message, where: f.where } };
}

async function insertNotebook(db: Db, values: typeof notebooks.$inferInsert): Promise<number | null> {
  const [row] = await db
    .insert(notebooks)
    .values(values)
    .onConflictDoNothing({ target: notebooks.contentHash })
    .returning({ id: notebooks.id });
  return row?.id ?? null;
}
