import { and, count, eq, inArray, isNotNull, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { blobs, kaggleKernels, notebooks, visualisationLabels, visualisations, imageSha } from '../db/schema';
import { galleryWhere } from './list-visualisations';
import type { GalleryFilters } from './schemas';
import { notebookRefOf } from './identity';
import { joinedLabelValue, LABEL_FACETS, type LabelFacet } from './label-filters';

export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

// The facets with few values (origin, MIME, kind, context and the four labels) are counted from the
// gallery cube (gallery_counts, kept exact by triggers: drizzle/0020) whenever the active filters are
// among them too: a sum over a few thousand rows instead of a count over every figure. A filter on a
// notebook, a near-duplicate group, a competition, a medal or a search is selective: those counts
// are live queries over the figures it leaves.
type CubeFacet = 'mime' | 'kind' | 'context' | LabelFacet;
const CUBE_VALUE: Record<CubeFacet, string> = {
  mime: 'mime',
  kind: 'kind',
  context: `case when context then 'yes' else 'no' end`,
  chartType: 'chart_type',
  stage: 'ml_stage',
  library: 'library',
  multiPanel: 'multi_panel',
};
const SELECTIVE: Array<keyof GalleryFilters> = ['notebook', 'group', 'competition', 'medal', 'q'];

/**
 * Counts per value of the low-cardinality facets under the other active filters (a facet does not
 * filter itself). `live` counts the figures themselves even where the cube could answer (tests and
 * bench/scale.ts compare the two).
 */
export async function visualisationFacets(db: Db, f: GalleryFilters, opts: { live?: boolean } = {}) {
  const fromCube = !opts.live && !SELECTIVE.some((k) => f[k] !== undefined);
  const byFacet = (facet: CubeFacet) => (fromCube ? cubeCount(db, f, facet) : liveFacet(db, f, facet));
  const [mime, library, chartType, stage, multiPanel, kind, context] = await Promise.all(
    (['mime', 'library', 'chartType', 'stage', 'multiPanel', 'kind', 'context'] as const).map(byFacet),
  );
  return { mime, chartType, stage, library, multiPanel, kind, context };
}

/** The many-valued facets (notebook, competition, medal): live counts, loaded beside the others. */
export async function visualisationFacetLists(db: Db, f: GalleryFilters) {
  // Kaggle facets list only collected notebooks' values: the figures of notebooks that have one.
  const [notebook, competition, medal] = await Promise.all([
    liveCount(db, f, sql`${visualisations.notebookId}`, 'notebook').then((counts) => withNotebookLabels(db, counts)),
    liveCount(db, f, sql`unnest(${kaggleKernels.competitions})`, 'competition', { joins: ['kaggle'], setReturning: true, only: sql`cardinality(${kaggleKernels.competitions}) > 0` }),
    // Medals are rare: counted from the medalled notebooks' figures.
    liveCount(db, f, kaggleKernels.medal, 'medal', { joins: ['kaggle'], only: isNotNull(kaggleKernels.medal) }),
  ]);
  return { notebook, competition, medal };
}

/**
 * The near-duplicate groups with several figures under the filters, most figures first. The slowest list
 * (every figure joined to its image's group: seconds over a million figures), so it has a request of its
 * own and the other lists do not wait for it.
 */
export async function nearDuplicateGroupFacet(db: Db, f: GalleryFilters) {
  // Counted in the query: over a million figures nearly every group is a single image. Figures whose image
  // has no group yet (its derivatives are still to come) are left out, not counted under 'unknown'.
  const groups = await liveCount(db, f, blobs.dupGroup, 'group', { joins: ['blobs'], several: true, only: isNotNull(blobs.dupGroup) });
  return { group: groups.map((g) => ({ ...g, label: `${g.count} near-identical` })) };
}

/** Titles and references of the listed notebooks, read for those 50 only (per figure, they cost seconds over a million figures). */
async function withNotebookLabels(db: Db, counts: FacetValue[]): Promise<FacetValue[]> {
  if (counts.length === 0) return counts;
  const rows = await db
    .select({ id: notebooks.id, label: sql<string>`${notebooks.title} || ' — ' || ${notebookRefOf(notebooks.id, notebooks.fileName)}` })
    .from(notebooks)
    .where(inArray(notebooks.id, counts.map((c) => Number(c.value))));
  const labels = new Map(rows.map((r) => [String(r.id), r.label]));
  return counts.map((c) => ({ ...c, label: labels.get(c.value) ?? c.value }));
}

/** One facet's counts from the gallery cube under the other (cube) filters. */
async function cubeCount(db: Db, f: GalleryFilters, facet: CubeFacet): Promise<FacetValue[]> {
  const where: SQL[] = [];
  const origin = f.origin ?? 'originals';
  if (origin !== 'both') where.push(sql`reproduction = ${origin === 'reproductions'}`);
  if (facet !== 'mime' && f.mime) where.push(sql`mime = ${f.mime}`);
  if (facet !== 'kind' && f.kind) where.push(sql`kind = ${f.kind}`);
  if (facet !== 'context' && f.context) where.push(sql`context = ${f.context === 'yes'}`);
  for (const label of LABEL_FACETS) {
    const values = f[label];
    if (label !== facet && values?.length) where.push(sql`${sql.raw(CUBE_VALUE[label])} in (${sql.join(values.map((v) => sql`${v}`), sql`, `)})`);
  }
  const rows = await db.execute<{ value: string; count: number }>(sql`
    select ${sql.raw(CUBE_VALUE[facet])} as value, sum(n)::bigint as count from gallery_counts
    ${where.length ? sql`where ${sql.join(where, sql` and `)}` : sql``}
    group by 1 having sum(n) > 0 order by 2 desc, 1 limit 50`);
  return rows.map((r) => ({ value: r.value, label: r.value, count: Number(r.count) }));
}

/** One low-cardinality facet counted over the figures themselves (under a selective filter). */
function liveFacet(db: Db, f: GalleryFilters, facet: CubeFacet): Promise<FacetValue[]> {
  if (facet === 'mime') return liveCount(db, f, visualisations.mime, 'mime');
  if (facet === 'kind') return liveCount(db, f, visualisations.kind, 'kind');
  if (facet === 'context') return liveCount(db, f, sql`case when ${visualisations.hasContext} then 'yes' else 'no' end`, 'context');
  return liveCount(db, f, joinedLabelValue(facet), facet, { joins: ['labels'] });
}

// Each count joins only what its value and the active filters read: over a million figures a join
// not needed costs more than the count itself (bench/scale.ts). kaggle_kernels is at most one row per
// notebook, visualisation_labels one per figure, so neither join changes the counts.
// `setReturning`: the value is unnest(…), which PostgreSQL allows in the select list but not inside coalesce.
// `several`: only values with more than one figure. `only`: only the figures whose joined rows meet this
// condition; it is null-rejecting, so PostgreSQL plans the left join as an inner one (checked with EXPLAIN).
type Join = 'kaggle' | 'labels' | 'blobs';
type CountOptions = { joins?: Join[]; setReturning?: boolean; several?: boolean; only?: SQL };
async function liveCount(db: Db, f: GalleryFilters, column: SQL | AnyColumn, without: keyof GalleryFilters, opts: CountOptions = {}): Promise<FacetValue[]> {
  const joins = opts.joins ?? [];
  const value = opts.setReturning ? sql<string>`${column}` : sql<string>`coalesce(${column}::text, 'unknown')`;
  const filters = { ...f, [without]: undefined };
  let q = db
    .select({ value, count: count() })
    .from(visualisations)
    .innerJoin(notebooks, eq(notebooks.id, visualisations.notebookId))
    .$dynamic();
  if (joins.includes('kaggle')) q = q.leftJoin(kaggleKernels, eq(kaggleKernels.notebookId, visualisations.notebookId));
  if (joins.includes('labels')) q = q.leftJoin(visualisationLabels, eq(visualisationLabels.visualisationId, visualisations.id));
  if (joins.includes('blobs') || filters.group) q = q.leftJoin(blobs, eq(blobs.sha256, imageSha()));
  const grouped = q.where(and(...galleryWhere(filters), opts.only)).groupBy(sql`1`);
  const rows = await (opts.several ? grouped.having(sql`count(*) > 1`) : grouped).orderBy(sql`2 desc, 1`).limit(50);
  return rows.filter((r) => r.value !== null).map((r) => ({ value: r.value, label: r.value, count: Number(r.count) }));
}
