import { sql } from 'drizzle-orm';
import type { Db } from './client';

/**
 * Sums the figure-count cubes' rows per key (drizzle/0020_figure-counts-triggers.sql). The triggers
 * only append differences, so the cubes grow with every change until folded; the totals read from
 * them are the same before and after. Cheap (a few thousand rows) and safe to call from any worker:
 * a fold already running elsewhere makes this one a no-op.
 */
export async function foldFigureCounts(db: Db): Promise<void> {
  await db.execute(sql`select fold_figure_counts()`);
}
