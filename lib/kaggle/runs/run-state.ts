import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { strategyRuns, type StrategyRun } from '../../db/schema';
import { AppError } from '../../errors';
import { getStrategy } from '../strategies';

// A run's state in the database. Which process works on a run is the job system's business (the
// `collect` job, lib/jobs/definitions/collect.ts): here only the run's own status and progress.

export type RunSource = 'api' | 'meta-kaggle';

const ACTIVE = sql`${strategyRuns.status} in ('queued', 'running')`;

/** Records a run of a strategy; it keeps the definition as it is now, so later edits don't change it. */
export async function startRun(db: Db, strategyId: number, source: RunSource = 'api'): Promise<StrategyRun> {
  const strategy = await getStrategy(db, strategyId);
  const [run] = await db
    .insert(strategyRuns)
    .values({ strategyId, source, definition: strategy.definition, seed: strategy.definition.seed })
    .returning();
  return run;
}

export async function getRun(db: Db, id: number): Promise<StrategyRun> {
  const [run] = await db.select().from(strategyRuns).where(eq(strategyRuns.id, id));
  if (!run) throw new AppError('not_found', `There is no collection run ${id}.`);
  return run;
}

export async function listRuns(db: Db, strategyId?: number) {
  return db
    .select()
    .from(strategyRuns)
    .where(strategyId ? eq(strategyRuns.strategyId, strategyId) : undefined)
    .orderBy(desc(strategyRuns.id))
    .limit(100);
}

/** Cancels a queued or running run; its job sees it at its next item and stops. */
export async function cancelRun(db: Db, id: number): Promise<StrategyRun> {
  const [run] = await db
    .update(strategyRuns)
    .set({ status: 'cancelled', finishedAt: new Date() })
    .where(and(eq(strategyRuns.id, id), ACTIVE))
    .returning();
  if (!run) throw new AppError('conflict', `Run ${id} is not queued or running, so it cannot be cancelled.`);
  return run;
}

/** Marks a queued (or interrupted) run running; null when it is finished or cancelled, so there is nothing to do. */
export async function beginRun(db: Db, id: number): Promise<StrategyRun | null> {
  const [run] = await db
    .update(strategyRuns)
    .set({ status: 'running', startedAt: sql`coalesce(${strategyRuns.startedAt}, now())`, heartbeatAt: new Date() })
    .where(and(eq(strategyRuns.id, id), ACTIVE))
    .returning();
  return run ?? null;
}

/**
 * Records progress (and when it was last heard of, shown on the run page). False when the run is
 * no longer running (cancelled): the job then stops.
 */
export async function reportProgress(db: Db, id: number, patch: Partial<StrategyRun> = {}): Promise<boolean> {
  const [row] = await db
    .update(strategyRuns)
    .set({ ...patch, heartbeatAt: new Date() })
    .where(running(id))
    .returning({ id: strategyRuns.id });
  return Boolean(row);
}

export async function finishRun(db: Db, id: number, outcome: { status: 'done' | 'failed'; error?: string }): Promise<void> {
  await db
    .update(strategyRuns)
    .set({ status: outcome.status, error: outcome.error ?? null, finishedAt: new Date(), heartbeatAt: new Date() })
    .where(running(id));
}

export function running(id: number) {
  return and(eq(strategyRuns.id, id), eq(strategyRuns.status, 'running'));
}

/** Shows an interrupted run as waiting again (its job went back to the queue); it resumes from its items. */
export async function requeueRun(db: Db, id: number): Promise<void> {
  await db.update(strategyRuns).set({ status: 'queued' }).where(running(id));
}

/** Reopens a failed run (e.g. Kaggle was unreachable) so a new job resumes it from its items. */
export async function reopenRun(db: Db, id: number): Promise<StrategyRun> {
  const run = await getRun(db, id);
  if (run.status !== 'failed') return run;
  const [reopened] = await db
    .update(strategyRuns)
    .set({ status: 'queued', error: null, finishedAt: null })
    .where(and(eq(strategyRuns.id, id), eq(strategyRuns.status, 'failed')))
    .returning();
  return reopened ?? getRun(db, id);
}
