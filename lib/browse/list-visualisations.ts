import { and, asc, eq, gt, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { blobs, notebooks, visualisations, imageSha } from '../db/schema';
import { cellsMatch } from '../search/search-cells';
import type { GalleryFilters, GalleryQuery } from './schemas';
import { notebookRefOf } from './identity';
import { LABEL_FACETS, labelFilter, labelValue } from './label-filters';

export function galleryWhere(f: GalleryFilters): SQL[] {
  const where: SQL[] = [];
  // Originals unless asked: a reproduced figure must not stand beside its original by default.
  const origin = f.origin ?? 'originals';
  if (origin === 'originals') where.push(isNull(notebooks.reproducedFrom));
  if (origin === 'reproductions') where.push(isNotNull(notebooks.reproducedFrom));
  if (f.notebook) where.push(eq(visualisations.notebookId, f.notebook));
  if (f.mime) where.push(eq(visualisations.mime, f.mime));
  for (const facet of LABEL_FACETS) if (f[facet]?.length) where.push(labelFilter(facet, f[facet]));
  if (f.kind) where.push(eq(visualisations.kind, f.kind));
  if (f.context) where.push(eq(visualisations.hasContext, f.context === 'yes'));
  if (f.group) where.push(eq(blobs.dupGroup, f.group));
  // Kaggle metadata of collected notebooks (lib/kaggle): a notebook may draw on several competitions.
  if (f.competition) where.push(sql`exists (select 1 from kaggle_kernels k where k.notebook_id = ${visualisations.notebookId} and ${f.competition} = any(k.competitions))`);
  if (f.medal) where.push(sql`exists (select 1 from kaggle_kernels k where k.notebook_id = ${visualisations.notebookId} and k.medal = ${f.medal})`);
  // Full-text search (lib/search) over what surrounds a figure: its generating cell and its markdown context.
  // Written from the matching cells outward (the full-text index finds them, then their notebooks'
  // figures): a check per figure in id order took seconds over a million figures (bench/scale.ts).
  if (f.q) {
    where.push(sql`${visualisations.id} in (select fv.id from cells c join visualisations fv on fv.notebook_id = c.notebook_id
      and (c.position = fv.cell_position or c.position = any(fv.context_before) or c.position = fv.context_after)
      where ${cellsMatch(f.q, f.qKind)})`);
  }
  return where;
}

/** One gallery page in id order; `nextCursor` is the last id (keyset pagination: page 1,000 costs what page 1 does). */
export async function listVisualisations(db: Db, q: GalleryQuery) {
  const where = galleryWhere(q);
  if (q.cursor) where.push(gt(visualisations.id, q.cursor));
  const rows = await db
    .select({
      id: visualisations.id,
      notebookId: visualisations.notebookId,
      notebookTitle: notebooks.title,
      notebookRef: notebookRefOf(notebooks.id, notebooks.fileName),
      cellPosition: visualisations.cellPosition,
      kind: visualisations.kind,
      mime: visualisations.mime,
      library: labelValue('library'),
      chartType: labelValue('chartType'),
      blobSha256: imageSha(),
      // Drawn in the background from an interactive spec (lib/render), not the notebook's own image.
      rendered: sql<boolean>`${visualisations.blobSha256} is null and ${visualisations.renderedSha256} is not null`,
      renderError: visualisations.renderError,
      hasThumbnail: sql<boolean>`${blobs.thumbnailAt} is not null and ${blobs.derivativeError} is null`,
      width: blobs.width,
      height: blobs.height,
      dupGroup: blobs.dupGroup,
    })
    .from(visualisations)
    .innerJoin(notebooks, eq(notebooks.id, visualisations.notebookId))
    .leftJoin(blobs, eq(blobs.sha256, imageSha()))
    .where(and(...where))
    .orderBy(asc(visualisations.id))
    .limit(q.limit + 1);
  const more = rows.length > q.limit;
  const items = more ? rows.slice(0, q.limit) : rows;
  return { items, nextCursor: more ? items[items.length - 1].id : null };
}
