import { rawSql, type Db } from '../db/client';
import { blobs, notebooks } from '../db/schema';
import type { PreparedNotebook } from './prepare-notebook';

// postgres.js sends at most 65,534 parameters per statement: rows of up to 11 values besides the notebook's id.
const BATCH = 5000;

type Ready = Extract<PreparedNotebook, { kind: 'ready' }>;

/**
 * Stores a prepared notebook, its cells and visualisations in one transaction, so a crash leaves
 * nothing half-imported. Returns null when the same content was stored concurrently by another process.
 */
export async function storeNotebook(db: Db, p: Ready): Promise<number | null> {
  return db.transaction(async (txn) => {
    const tx = txn as unknown as Db;
    const [row] = await tx
      .insert(notebooks)
      .values({ ...p.values, status: 'imported' })
      .onConflictDoNothing({ target: notebooks.contentHash })
      .returning({ id: notebooks.id });
    if (!row) return null;
    const cellIds = await insertCells(tx, row.id, p.cells);
    await insertVisualisations(tx, row.id, cellIds, p);
    return row.id;
  });
}

/**
 * Cells and figures go in through postgres.js directly: this is the import's hot path, and drizzle's
 * per-value mapping cost more than the insert itself (measured: 890 ms vs 549 ms for the cells of the
 * corpus). Unnamed statements (prepare: false): each row count is another statement text, and
 * postgres.js kept every one prepared on its connection, in its own memory and the server's, for as
 * long as the connection lived (one per notebook imported, without end on a long import).
 */
async function insertCells(db: Db, notebookId: number, cells: Ready['cells']): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < cells.length; i += BATCH) {
    const rows = cells.slice(i, i + BATCH).map((c) => [c.position, c.cell_type, c.source, c.execution_count, c.outputs, c.metadata]);
    const inserted = await insertRows<{ id: string; position: number }>(db, 'cells', CELL_COLUMNS, notebookId, rows, 'returning id, position');
    for (const r of inserted) ids[r.position] = Number(r.id);
  }
  return ids;
}

async function insertVisualisations(db: Db, notebookId: number, cellIds: number[], p: Ready): Promise<void> {
  if (p.visualisations.length === 0) return;
  if (p.images.length > 0) {
    // Prepared in hash order: two notebooks sharing images lock their blob rows in the same order (no deadlock).
    await db
      .insert(blobs)
      .values(p.images.map((img) => ({ sha256: img.sha256, mime: img.mime, bytes: img.size, width: img.width, height: img.height })))
      .onConflictDoNothing();
  }
  for (let i = 0; i < p.visualisations.length; i += BATCH) {
    const rows = p.visualisations.slice(i, i + BATCH).map((v) => [
      cellIds[v.cellPosition], v.cellPosition, v.outputIndex, v.kind, v.mime, v.mimes, v.blobSha256, v.spec, v.contextBefore, v.contextAfter, v.hasContext,
    ]);
    await insertRows(db, 'visualisations', VISUALISATION_COLUMNS, notebookId, rows);
  }
}

const CELL_COLUMNS = 'notebook_id, position, cell_type, source, execution_count, outputs, metadata';
const VISUALISATION_COLUMNS =
  'notebook_id, cell_id, cell_position, output_index, kind, mime, mimes, blob_sha256, spec, context_before, context_after, has_context';

/** `insert into <table> (<columns>) values ($1, …), …`, the notebook's id ($1) first in every row. */
async function insertRows<T>(db: Db, table: 'cells' | 'visualisations', columns: string, notebookId: number, rows: unknown[][], returning = ''): Promise<T[]> {
  const params: unknown[] = [notebookId];
  const values = rows.map((row) => `($1, ${row.map((v) => `$${params.push(v)}`).join(', ')})`).join(', ');
  return rawSql(db).unsafe(`insert into ${table} (${columns}) values ${values} ${returning}`, params as never[], { prepare: false }) as unknown as Promise<T[]>;
}
