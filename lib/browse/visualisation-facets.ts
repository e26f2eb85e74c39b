import { and, count, eq, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { blobs, kaggleKernels, notebooks, visualisations, imageSha } from '../db/schema';
import { galleryWhere } from './list-visualisations';
import type { GalleryFilters } from './schemas';
import { notebookRefOf } from './identity';

export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

/** Counts per facet value under the other active filters (a facet does not filter itself). */
export async function visualisationFacets(db: Db, f: GalleryFilters) {
  // kaggle_kernels is at most one row per notebook: joining it lets the Kaggle facets share this query.
  // `setReturning`: the value is unnest(…), which PostgreSQL allows in the select list but not inside coalesce.
  const countBy = async (column: SQL | AnyColumn, without: keyof GalleryFilters, label?: SQL<string>, setReturning = false): Promise<FacetValue[]> => {
    const value = setReturning ? sql<string>`${column}` : sql<string>`coalesce(${column}::text, 'unknown')`;
    const rows = await db
      .select({ value, label: label ?? sql<string>`''`, count: count() })
      .from(visualisations)
      .innerJoin(notebooks, eq(notebooks.id, visualisations.notebookId))
      .leftJoin(kaggleKernels, eq(kaggleKernels.notebookId, visualisations.notebookId))
      .leftJoin(blobs, eq(blobs.sha256, imageSha()))
      .where(and(...galleryWhere({ ...f, [without]: undefined })))
      .groupBy(sql`1`)
      .orderBy(sql`3 desc`)
      .limit(50);
    return rows.filter((r) => r.value !== null).map((r) => ({ value: r.value, label: String(r.label || r.value), count: Number(r.count) }));
  };
  // Kaggle facets list only collected notebooks' values.
  const kaggle = async (expr: SQL, without: keyof GalleryFilters, setReturning = false) =>
    (await countBy(expr, without, undefined, setReturning)).filter((v) => v.value !== 'unknown');
  const [mime, library, kind, context, notebook, groups, competition, medal] = await Promise.all([
    countBy(visualisations.mime, 'mime'),
    countBy(visualisations.library, 'library'),
    countBy(visualisations.kind, 'kind'),
    countBy(sql`case when ${visualisations.hasContext} then 'yes' else 'no' end`, 'context'),
    countBy(sql`${visualisations.notebookId}`, 'notebook', sql<string>`min(${notebooks.title}) || ' — ' || min(${notebookRefOf(notebooks.id, notebooks.fileName)})`),
    countBy(blobs.dupGroup, 'group'),
    kaggle(sql`unnest(${kaggleKernels.competitions})`, 'competition', true),
    kaggle(sql`${kaggleKernels.medal}`, 'medal'),
  ]);
  // Only groups with several figures are near-duplicates worth browsing.
  const group = groups.filter((g) => g.value !== 'unknown' && g.count > 1).map((g) => ({ ...g, label: `${g.count} near-identical` }));
  return { mime, library, kind, context, notebook, group, competition, medal };
}
