import { asc, count, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { cells, kaggleKernels, notebookAnalyses, notebooks, visualisationLabels, visualisations, imageSha } from '../db/schema';
import { notebookLibraries } from './label-filters';
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
  const [cellRows, visRows, [kaggle], [{ cellCount }], [libs], [analysis]] = await Promise.all([
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
        labels: {
          chartType: visualisationLabels.chartType,
          mlStage: visualisationLabels.mlStage,
          library: visualisationLabels.library,
          slice: visualisationLabels.slice,
        },
      })
      .from(visualisations)
      .leftJoin(visualisationLabels, eq(visualisationLabels.visualisationId, visualisations.id))
      .where(eq(visualisations.notebookId, id))
      .orderBy(asc(visualisations.id)),
    db.select().from(kaggleKernels).where(eq(kaggleKernels.notebookId, id)),
    db.select({ cellCount: count() }).from(cells).where(eq(cells.notebookId, id)),
    db.select({ libraries: notebookLibraries(notebooks.id) }).from(notebooks).where(eq(notebooks.id, id)),
    db.select().from(notebookAnalyses).where(eq(notebookAnalyses.notebookId, id)),
  ]);
  // Libraries from the analysis engine's labels (one source of truth), not the import-time guess.
  return { ...notebook, libraries: libs.libraries, kaggle: kaggle ?? null, cellCount, cells: cellRows, visualisations: visRows, analysis: analysis ?? null };
}
