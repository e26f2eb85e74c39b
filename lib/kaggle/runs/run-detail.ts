import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { runItems, strategies } from '../../db/schema';
import { getRun } from './run-state';

/** A run with its strategy's name, its items by status, and the latest items (for the progress page). */
export async function getRunDetail(db: Db, id: number) {
  const run = await getRun(db, id);
  const [[strategy], items] = await Promise.all([
    db.select({ name: strategies.name }).from(strategies).where(eq(strategies.id, run.strategyId)),
    db
      .select({
        ref: runItems.ref,
        title: runItems.title,
        competition: runItems.competition,
        votes: runItems.votes,
        rank: runItems.rank,
        status: runItems.status,
        notebookId: runItems.notebookId,
        error: runItems.error,
      })
      .from(runItems)
      .where(eq(runItems.runId, id))
      .orderBy(sql`${runItems.status} = 'pending'`, asc(runItems.competition), asc(runItems.rank))
      .limit(500),
  ]);
  return { ...run, strategyName: strategy?.name ?? null, items };
}
