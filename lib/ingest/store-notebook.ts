import { rawSql, type Db } from '../db/client';
import { blobs, notebooks, visualisations } from '../db/schema';
import type { PreparedNotebook } from './prepare-notebook';

// postgres.js sends at most 65,534 parameters per statement; a cell has 6 besides the notebook's id.
const CELL_BATCH = 5000;

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
 * Cells go in through postgres.js directly: this is the import's hot path, and drizzle's
 * per-value mapping cost more than the insert itself (measured: 890 ms vs 549 ms on the corpus).
 * Unnamed statements (prepare: false): each row count is another statement text, and postgres.js
 * kept every one prepared on its connection, in its own memory and the server's, for as long as
 * the connection lived (one per notebook imported, without end on a long import).
 */
async function insertCells(db: Db, notebookId: number, cells: Ready['cells']): Promise<number[]> {
  const sql = rawSql(db);
  const ids: number[] = [];
  for (let i = 0; i < cells.length; i += CELL_BATCH) {
    const params: unknown[] = [notebookId];
    const rows = cells.slice(i, i + CELL_BATCH).map((c) => {
      const n = params.push(c.position, c.cell_type, c.source, c.execution_count, c.outputs, c.metadata);
      return `($1, $${n - 5}, $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}, $${n})`;
    });
    const inserted = await sql.unsafe<{ id: string; position: number }[]>(
      `insert into cells (notebook_id, position, cell_type, source, execution_count, outputs, metadata) values ${rows.join(', ')} returning id, position`,
      params as never[],
      { prepare: false },
    );
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
  await db.insert(visualisations).values(p.visualisations.map((v) => ({ ...v, notebookId, cellId: cellIds[v.cellPosition] })));
}
