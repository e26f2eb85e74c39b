import { labelValue } from './label-filters';
import { and, count, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { blobs, importFailures, notebooks, visualisations } from '../db/schema';
import type { Origin } from './origins';

/**
 * The overview page's figures: corpus size, and visualisations by library and per notebook, for the
 * originals (the default), their reproductions or both, so a reproduction never inflates the corpus.
 */
export async function corpusStats(db: Db, origin: Origin = 'originals') {
  const which: SQL[] = origin === 'originals' ? [isNull(notebooks.reproducedFrom)] : origin === 'reproductions' ? [isNotNull(notebooks.reproducedFrom)] : [];
  const visFrom = () => db.select({ total: count() }).from(visualisations).innerJoin(notebooks, eq(notebooks.id, visualisations.notebookId));
  const [[nb], [vis], [fail], byLibrary, byKind, perNotebook, [pending]] = await Promise.all([
    db
      .select({
        imported: sql<number>`count(*) filter (where ${notebooks.status} = 'imported')`.mapWith(Number),
        rejected: sql<number>`count(*) filter (where ${notebooks.status} = 'rejected')`.mapWith(Number),
        cells: sql<number>`coalesce(sum(${notebooks.codeCells} + ${notebooks.markdownCells} + ${notebooks.rawCells} + ${notebooks.headingCells}), 0)`.mapWith(Number),
        errors: sql<number>`coalesce(sum(${notebooks.errorOutputs}), 0)`.mapWith(Number),
      })
      .from(notebooks)
      .where(and(...which)),
    visFrom().where(and(...which)),
    db.select({ total: count() }).from(importFailures),
    db
      .select({ library: labelValue('library'), count: count() })
      .from(visualisations)
      .innerJoin(notebooks, eq(notebooks.id, visualisations.notebookId))
      .where(and(...which))
      .groupBy(sql`1`)
      .orderBy(sql`2 desc`),
    db
      .select({ kind: visualisations.kind, count: count() })
      .from(visualisations)
      .innerJoin(notebooks, eq(notebooks.id, visualisations.notebookId))
      .where(and(...which))
      .groupBy(visualisations.kind),
    db
      .select({ id: notebooks.id, title: notebooks.title, visualisations: notebooks.visualisationCount })
      .from(notebooks)
      .where(and(eq(notebooks.status, 'imported'), ...which))
      .orderBy(sql`${notebooks.visualisationCount} desc`)
      .limit(30),
    db.select({ total: count() }).from(blobs).where(sql`${blobs.thumbnailAt} is null`),
  ]);
  return {
    origin,
    notebooks: nb,
    visualisations: Number(vis.total),
    failures: Number(fail.total),
    pendingThumbnails: Number(pending.total),
    byLibrary: byLibrary.map((r) => ({ library: r.library, count: Number(r.count) })),
    byKind: byKind.map((r) => ({ kind: r.kind, count: Number(r.count) })),
    topNotebooks: perNotebook,
  };
}
