import { asc, count, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { cells, kaggleKernels, notebooks, visualisations, imageSha } from '../db/schema';
import { AppError } from '../errors';

/**
 * A notebook with its cells in order and, per output, the visualisation extracted from it.
 * `cellLimit` sends only the first cells (the page shows those at once while the rest load);
 * `cellCount` is always the whole notebook's.
 */
export async function getNotebook(db: Db, id: number, opts: { cellLimit?: number } = {}) {
  const [notebook] = await db.select().from(notebooks).where(eq(notebooks.id, id));
  if (!notebook) throw new AppError('not_found', `There is no notebook ${id}.`);
  const cellQuery = db.select().from(cells).where(eq(cells.notebookId, id)).orderBy(asc(cells.position));
  const [cellRows, visRows, [kaggle], [{ cellCount }]] = await Promise.all([
    opts.cellLimit ? cellQuery.limit(opts.cellLimit) : cellQuery,
    db
      .select({
        id: visualisations.id,
        cellPosition: visualisations.cellPosition,
        outputIndex: visualisations.outputIndex,
        kind: visualisations.kind,
        blobSha256: imageSha(),
        mime: visualisations.mime,
        spec: visualisations.spec,
      })
      .from(visualisations)
      .where(eq(visualisations.notebookId, id))
      .orderBy(asc(visualisations.id)),
    db.select().from(kaggleKernels).where(eq(kaggleKernels.notebookId, id)),
    db.select({ cellCount: count() }).from(cells).where(eq(cells.notebookId, id)),
  ]);
  return { ...notebook, kaggle: kaggle ?? null, cellCount, cells: cellRows, visualisations: visRows };
}
