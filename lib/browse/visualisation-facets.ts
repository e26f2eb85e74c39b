import { and, count, eq, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { blobs, kaggleKernels, notebooks, visualisationLabels, visualisations, imageSha } from '../db/schema';
import { galleryWhere } from './list-visualisations';
import type { GalleryFilters } from './schemas';
import { notebookRefOf } from './identity';
import { joinedLabelValue, type LabelFacet } from './label-filters';

export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

/** Counts per facet value under the other active filters (a facet does not filter itself). */
export async function visualisationFacets(db: Db, f: GalleryFilters) {
  // Each count joins only what its value and the active filters read: over a million figures a join
  // not needed costs more than the count itself (bench/scale.ts). kaggle_kernels is at most one row per
  // notebook, visualisation_labels one per figure, so neither join changes the counts.
  // `setReturning`: the value is unnest(…), which PostgreSQL allows in the select list but not inside coalesce.
  type Join = 'kaggle' | 'labels' | 'blobs';
  const countBy = async (column: SQL | AnyColumn, without: keyof GalleryFilters, joins: Join[] = [], label?: SQL<string>, setReturning = false): Promise<FacetValue[]> => {
    const value = setReturning ? sql<string>`${column}` : sql<string>`coalesce(${column}::text, 'unknown')`;
    const filters = { ...f, [without]: undefined };
    let q = db
      .select({ value, label: label ?? sql<string>`''`, count: count() })
      .from(visualisations)
      .innerJoin(notebooks, eq(notebooks.id, visualisations.notebookId))
      .$dynamic();
    if (joins.includes('kaggle')) q = q.leftJoin(kaggleKernels, eq(kaggleKernels.notebookId, visualisations.notebookId));
    if (joins.includes('labels')) q = q.leftJoin(visualisationLabels, eq(visualisationLabels.visualisationId, visualisations.id));
    if (joins.includes('blobs') || filters.group) q = q.leftJoin(blobs, eq(blobs.sha256, imageSha()));
    const rows = await q.where(and(...galleryWhere(filters))).groupBy(sql`1`).orderBy(sql`3 desc`).limit(50);
    return rows.filter((r) => r.value !== null).map((r) => ({ value: r.value, label: String(r.label || r.value), count: Number(r.count) }));
  };
  // Kaggle facets list only collected notebooks' values.
  const kaggle = async (expr: SQL, without: keyof GalleryFilters, setReturning = false) =>
    (await countBy(expr, without, ['kaggle'], undefined, setReturning)).filter((v) => v.value !== 'unknown');
  const byLabel = (facet: LabelFacet) => countBy(joinedLabelValue(facet), facet, ['labels']);
  const [mime, library, chartType, stage, multiPanel, kind, context, notebook, groups, competition, medal] = await Promise.all([
    countBy(visualisations.mime, 'mime'),
    byLabel('library'),
    byLabel('chartType'),
    byLabel('stage'),
    byLabel('multiPanel'),
    countBy(visualisations.kind, 'kind'),
    countBy(sql`case when ${visualisations.hasContext} then 'yes' else 'no' end`, 'context'),
    countBy(sql`${visualisations.notebookId}`, 'notebook', [], sql<string>`min(${notebooks.title}) || ' — ' || min(${notebookRefOf(notebooks.id, notebooks.fileName)})`),
    countBy(blobs.dupGroup, 'group', ['blobs']),
    kaggle(sql`unnest(${kaggleKernels.competitions})`, 'competition', true),
    kaggle(sql`${kaggleKernels.medal}`, 'medal'),
  ]);
  // Only groups with several figures are near-duplicates worth browsing.
  const group = groups.filter((g) => g.value !== 'unknown' && g.count > 1).map((g) => ({ ...g, label: `${g.count} near-identical` }));
  return { mime, chartType, stage, library, multiPanel, kind, context, notebook, group, competition, medal };
}
