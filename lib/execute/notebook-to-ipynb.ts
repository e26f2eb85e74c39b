import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { cells, notebooks } from '../db/schema';
import { V3_HEADING_KEY } from '../notebooks';
import { AppError } from '../errors';

/**
 * The stored notebook as nbformat 4 JSON, ready to run: sources and metadata as imported, outputs
 * and execution counts cleared (the run makes its own). Converted nbformat 3 headings go back to
 * markdown without our marker.
 */
export async function notebookToIpynb(db: Db, notebookId: number): Promise<{ bytes: Uint8Array; cells: Array<{ position: number; cellType: string; executionCount: number | null; source: string }> }> {
  const [nb] = await db.select({ metadata: notebooks.metadata }).from(notebooks).where(eq(notebooks.id, notebookId));
  if (!nb) throw new AppError('not_found', `No notebook ${notebookId}.`);
  const rows = await db
    .select({ position: cells.position, cellType: cells.cellType, source: cells.source, metadata: cells.metadata, executionCount: cells.executionCount })
    .from(cells)
    .where(eq(cells.notebookId, notebookId))
    .orderBy(asc(cells.position));
  const json = {
    nbformat: 4,
    nbformat_minor: 4, // 4.5 would require cell ids, which are not stored
    metadata: nb.metadata,
    cells: rows.map((c) => {
      const { [V3_HEADING_KEY]: _heading, ...metadata } = c.metadata as Record<string, unknown>;
      void _heading;
      return c.cellType === 'code'
        ? { cell_type: 'code', metadata, execution_count: null, source: c.source, outputs: [] }
        : { cell_type: c.cellType, metadata, source: c.source };
    }),
  };
  return { bytes: Buffer.from(JSON.stringify(json)), cells: rows };
}
