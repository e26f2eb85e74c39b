import os from 'node:os';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { strategyRuns, type StrategyRun } from '../../db/schema';
import { AppError } from '../../errors';
import { getStrategy } from '../strategies';
import { isAlive } from '../../process/is-alive';

// A run whose worker has not reported for this long is taken to have died, and is resumed.
export const STALE_AFTER_SECONDS = 30;

export type RunSource = 'api' | 'meta-kaggle';

/** Queues a run of a strategy; it records the definition as it is now, so later edits don't change it. */
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

/** Cancels a queued or running run; the worker sees it at its next item and stops. */
export async function cancelRun(db: Db, id: number): Promise<StrategyRun> {
  const [run] = await db
    .update(strategyRuns)
    .set({ status: 'cancelled', finishedAt: new Date() })
    .where(and(eq(strategyRuns.id, id), sql`${strategyRuns.status} in ('queued', 'running')`))
    .returning();
  if (!run) throw new AppError('conflict', `Run ${id} is not queued or running, so it cannot be cancelled.`);
  return run;
}

/**
 * Claims the next run to work on: a queued one, or a running one whose worker stopped reporting
 * (crashed or killed). SKIP LOCKED lets any number of workers claim without taking the same run.
 */
export async function claimRun(db: Db, workerId: string, onlyId?: number): Promise<StrategyRun | null> {
  const rows = await db.execute<{ id: number }>(sql`
    update strategy_runs set status = 'running', worker_id = ${workerId}, heartbeat_at = now(),
      started_at = coalesce(started_at, now())
    where id = (
      select id from strategy_runs
      where (status = 'queued' or (status = 'running' and heartbeat_at < now() - make_interval(secs => ${STALE_AFTER_SECONDS})))
        ${onlyId ? sql`and id = ${onlyId}` : sql``}
      order by id limit 1 for update skip locked)
    returning id`);
  return rows.length ? getRun(db, rows[0].id) : null;
}

/**
 * Records progress and proves the worker is alive. False when the run is no longer this worker's:
 * cancelled, or claimed by another worker after this one went quiet for too long.
 */
export async function heartbeat(db: Db, id: number, workerId: string, patch: Partial<StrategyRun> = {}): Promise<boolean> {
  const [row] = await db
    .update(strategyRuns)
    .set({ ...patch, heartbeatAt: new Date() })
    .where(ownedBy(id, workerId))
    .returning({ id: strategyRuns.id });
  return Boolean(row);
}

export async function finishRun(db: Db, id: number, workerId: string, outcome: { status: 'done' | 'failed'; error?: string }): Promise<void> {
  await db
    .update(strategyRuns)
    .set({ status: outcome.status, error: outcome.error ?? null, finishedAt: new Date(), heartbeatAt: new Date() })
    .where(ownedBy(id, workerId));
}

export function ownedBy(id: number, workerId: string) {
  return and(eq(strategyRuns.id, id), eq(strategyRuns.status, 'running'), eq(strategyRuns.workerId, workerId));
}

/** Hands a running run back to the queue (graceful shutdown); any worker resumes it from its items. */
export async function requeueRun(db: Db, id: number): Promise<void> {
  await db
    .update(strategyRuns)
    .set({ status: 'queued', workerId: null })
    .where(and(eq(strategyRuns.id, id), eq(strategyRuns.status, 'running')));
}

/**
 * Requeues a run left 'running' by a process of this machine that is gone (killed, crashed), so it
 * can be resumed at once rather than after the heartbeat goes stale. Workers on other machines are
 * left alone: only their heartbeat tells whether they live.
 */
export async function reclaimFromDeadLocalWorker(db: Db, id: number): Promise<boolean> {
  const run = await getRun(db, id);
  // A run that failed while downloading (Kaggle unreachable, database restarted) resumes from its items.
  if (run.status === 'failed' && run.phase === 'downloading') {
    await db.update(strategyRuns).set({ status: 'queued', error: null, finishedAt: null }).where(eq(strategyRuns.id, id));
    return true;
  }
  if (run.status !== 'running' || !run.workerId) return false;
  const [host, pid] = run.workerId.split(':');
  if (host !== os.hostname() || isAlive(Number(pid))) return false;
  await requeueRun(db, id);
  return true;
}
