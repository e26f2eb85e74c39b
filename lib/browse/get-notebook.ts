import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { cells, kaggleKernels, notebooks, visualisations, imageSha } from '../db/schema';
import { AppError } from '../errors';

/** A notebook with its cells in order and, per output, the visualisation extracted from it. */
export async function getNotebook(db: Db, id: number) {
  const [notebook] = await db.select().from(notebooks).where(eq(notebooks.id, id));
  if (!notebook) throw new AppError('not_found', `There is no notebook ${id}.`);
  const [cellRows, visRows, [kaggle]] = await Promise.all([
    db.select().from(cells).where(eq(cells.notebookId, id)).orderBy(asc(cells.position)),
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
  ]);
  return { ...notebook, kaggle: kaggle ?? null, cells: cellRows, visualisations: visRows };
}
