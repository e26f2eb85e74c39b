import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { importFailures, notebooks } from '../db/schema';
import { parseNotebook, checkLanguage, NotebookError, V3_HEADING_KEY, type ParsedNotebook } from '../notebooks';
import { blobStoreOf, removeUnreferencedBlobs, sha256Hex, type BlobStore } from '../blobs';
import { findImpossibleImage } from '../extract/check-image-size';
import { extractVisualisations, type ExtractedVisualisation } from '../extract/extract-visualisations';
import { notebookTitle } from './notebook-title';
import { storeNotebook } from './store-notebook';
import type { ImportResult } from './types';

/**
 * Imports one notebook file: parse, extract, write image blobs, then store notebook, cells and
 * visualisations in one transaction (a crash leaves nothing half-imported). The same bytes twice
 * are a no-op; a file that cannot be parsed is recorded as failed with what and where.
 */
export async function importNotebook(
  db: Db,
  input: { file: string; bytes: Uint8Array; blobDir: string | BlobStore },
): Promise<ImportResult> {
  const { file, bytes } = input;
  const store = blobStoreOf(db, input.blobDir);
  const contentHash = sha256Hex(bytes);
  const base = { file, bytes: bytes.length };

  const existing = await findImported(db, contentHash);
  if (existing) return { ...base, status: 'duplicate', ...existing };

  let nb: ParsedNotebook;
  try {
    nb = parseNotebook(bytes);
  } catch (e) {
    if (!(e instanceof NotebookError)) throw e;
    return recordFailure(db, { ...base, contentHash, code: e.code, message: e.message, where: e.where });
  }

  const title = notebookTitle(nb, file);
  const language = checkLanguage(nb);
  const counts = countCells(nb);
  const common = {
    contentHash,
    fileName: file,
    title,
    originalNbformat: nb.originalNbformat,
    nbformatMinor: nb.nbformatMinor,
    language: nb.language,
    kernelName: nb.kernelName,
    bytes: bytes.length,
    metadata: nb.metadata,
  };
  if (!language.ok) {
    const id = await insertNotebook(db, { ...common, status: 'rejected', rejectReason: language.reason });
    if (id === null) return { ...base, status: 'duplicate' };
    return { ...base, status: 'rejected', notebookId: id, error: { code: 'language', message: language.reason, where: null } };
  }

  const found = extractVisualisations(nb.cells);
  const impossible = findImpossibleImage(found);
  if (impossible) return recordFailure(db, { ...base, contentHash, code: 'image', message: impossible.message, where: impossible.where });
  const written = await Promise.all(found.map((v) => v.image && store.put(v.image.sha256, v.image.bytes, v.image.mime)));
  const created = found.flatMap((v, i) => (written[i] && v.image ? [v.image.sha256] : []));

  let notebookId: number | null;
  try {
    notebookId = await storeRetrying(db, { values: { ...common, ...countColumns(counts, found.length) }, nb, found });
  } catch (e) {
    // Nothing of this notebook was stored: the blobs it alone brought must not stay behind.
    await removeUnreferencedBlobs(db, store, created);
    const refused = refusedData(e);
    if (!refused) throw e;
    return recordFailure(db, { ...base, contentHash, code: 'database', message: `the database refused this notebook's content (${refused})`, where: null });
  }
  if (notebookId === null) return { ...base, status: 'duplicate' };

  return {
    ...base,
    status: 'imported',
    notebookId,
    cells: cellSummary(counts),
    visualisations: { total: found.length, byMime: byMime(found) },
  };
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

function countCells(nb: ParsedNotebook) {
  const counts = { code: 0, markdown: 0, raw: 0, headings: 0, errors: 0 };
  for (const c of nb.cells) {
    if (c.cell_type === 'markdown' && V3_HEADING_KEY in c.metadata) counts.headings++;
    else counts[c.cell_type]++;
    for (const o of c.outputs) if (o.output_type === 'error') counts.errors++;
  }
  return counts;
}

function countColumns(counts: ReturnType<typeof countCells>, visualisationCount: number) {
  return {
    codeCells: counts.code,
    markdownCells: counts.markdown,
    rawCells: counts.raw,
    headingCells: counts.headings,
    errorOutputs: counts.errors,
    visualisationCount,
  };
}

function cellSummary(c: { code: number; markdown: number; raw: number; headings: number }): ImportResult['cells'] {
  return c.headings ? { code: c.code, markdown: c.markdown, raw: c.raw, headings: c.headings } : { code: c.code, markdown: c.markdown, raw: c.raw };
}

function byMime(found: ExtractedVisualisation[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of found) out[v.mime] = (out[v.mime] ?? 0) + 1;
  return out;
}
