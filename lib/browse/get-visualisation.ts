import { and, asc, desc, eq, gt, inArray, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { blobs, cells, notebooks, visualisations, imageSha } from '../db/schema';
import { AppError } from '../errors';
import { galleryWhere } from './list-visualisations';
import type { GalleryFilters } from './schemas';
import { kaggleRefOf } from './identity';

/**
 * A visualisation with everything its page shows: the figure, its generating code, its markdown
 * context, its neighbours in the gallery (same filters) and its near-duplicates elsewhere.
 */
export async function getVisualisation(db: Db, id: number, filters: GalleryFilters) {
  const [row] = await db
    .select({ vis: visualisations, blob: blobs, notebook: { id: notebooks.id, title: notebooks.title, fileName: notebooks.fileName, kaggleRef: kaggleRefOf(notebooks.id), libraries: notebooks.libraries } })
    .from(visualisations)
    .innerJoin(notebooks, eq(notebooks.id, visualisations.notebookId))
    .leftJoin(blobs, eq(blobs.sha256, imageSha()))
    .where(eq(visualisations.id, id));
  if (!row) throw new AppError('not_found', `There is no visualisation ${id}.`);
  const { vis } = row;

  const positions = [vis.cellPosition, ...vis.contextBefore, ...(vis.contextAfter === null ? [] : [vis.contextAfter])];
  const related = await db
    .select({ position: cells.position, cellType: cells.cellType, source: cells.source, executionCount: cells.executionCount })
    .from(cells)
    .where(and(eq(cells.notebookId, vis.notebookId), inArray(cells.position, positions)))
    .orderBy(asc(cells.position));
  const at = (p: number | null) => related.find((c) => c.position === p);

  const [prev, next, duplicates] = await Promise.all([
    neighbour(db, id, filters, 'prev'),
    neighbour(db, id, filters, 'next'),
    row.blob?.dupGroup ? nearDuplicates(db, id, row.blob.dupGroup) : Promise.resolve([]),
  ]);

  return {
    ...vis,
    blob: row.blob ? { ...row.blob, dhash: row.blob.dhash?.toString() ?? null, dhashV: row.blob.dhashV?.toString() ?? null } : null,
    notebook: row.notebook,
    code: at(vis.cellPosition) ?? null,
    contextBefore: vis.contextBefore.map(at).filter(Boolean),
    contextAfter: at(vis.contextAfter) ?? null,
    prevId: prev,
    nextId: next,
    duplicates,
  };
}

async function neighbour(db: Db, id: number, filters: GalleryFilters, dir: 'prev' | 'next'): Promise<number | null> {
  const [r] = await db
    .select({ id: visualisations.id })
    .from(visualisations)
    .innerJoin(notebooks, eq(notebooks.id, visualisations.notebookId))
    .leftJoin(blobs, eq(blobs.sha256, imageSha()))
    .where(and(...galleryWhere(filters), dir === 'next' ? gt(visualisations.id, id) : lt(visualisations.id, id)))
    .orderBy(dir === 'next' ? asc(visualisations.id) : desc(visualisations.id))
    .limit(1);
  return r?.id ?? null;
}

async function nearDuplicates(db: Db, id: number, group: string) {
  return db
    .select({
      id: visualisations.id,
      notebookId: visualisations.notebookId,
      notebookTitle: notebooks.title,
      blobSha256: imageSha(),
      identical: sql<boolean>`${imageSha()} = (select coalesce(blob_sha256, rendered_sha256) from visualisations where id = ${id})`,
    })
    .from(visualisations)
    .innerJoin(blobs, eq(blobs.sha256, imageSha()))
    .innerJoin(notebooks, eq(notebooks.id, visualisations.notebookId))
    .where(and(eq(blobs.dupGroup, group), ne(visualisations.id, id)))
    .orderBy(asc(visualisations.id))
    .limit(24);
}
