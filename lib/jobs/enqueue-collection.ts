import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import type { StrategyRun } from '../db/schema';
import { cancelRun, reopenRun, startRun, type RunSource } from '../kaggle/runs/run-state';
import { getBoss } from './boss';
import { collect } from './definitions/collect';
import { enqueueJob } from './enqueue';

type Store = Pick<Database, 'db' | 'url'>;

/** Records a run of a strategy and queues its `collect` job. */
export async function startCollectionRun(store: Store, strategyId: number, source: RunSource = 'api'): Promise<StrategyRun> {
  const run = await startRun(store.db, strategyId, source);
  await enqueueJob(store, collect, { runId: run.id });
  return run;
}

/**
 * Queues a job for an unfinished run (a failed one is reopened first) unless one is waiting or
 * running (a dead worker's running job goes back to the queue by itself).
 */
export async function resumeCollectionRun(store: Store, runId: number): Promise<StrategyRun> {
  const run = await reopenRun(store.db, runId);
  if ((run.status === 'queued' || run.status === 'running') && !(await hasLiveJob(store, runId))) await enqueueJob(store, collect, { runId });
  return run;
}

/** Cancels a run and its job: a waiting job never starts, a running one stops at its next item. */
export async function cancelCollectionRun(store: Store, runId: number): Promise<StrategyRun> {
  const run = await cancelRun(store.db, runId);
  const jobs = await liveJobs(store, [runId]);
  const boss = await getBoss(store.url);
  for (const id of jobs) await boss.cancel(collect.name, id).catch(() => {});
  return run;
}

/**
 * Gives every queued or running run without a waiting or running job a `collect` job: runs left by
 * the collection loop of earlier versions (upgrade), and any whose job ran out of retries while the
 * run went on. Run at every worker start; the singleton key keeps it idempotent.
 */
export async function enqueueOrphanedRuns(store: Store): Promise<number[]> {
  await getBoss(store.url);
  const rows = await store.db.execute<{ id: number }>(sql`select r.id from strategy_runs r
    where r.status in ('queued', 'running') and not exists (select 1 from pgboss.job j
      where j.name = ${collect.name} and j.singleton_key = 'collect:' || r.id and j.state in ('created', 'retry', 'active'))
    order by r.id`);
  const queued: number[] = [];
  for (const r of rows) if (await enqueueJob(store, collect, { runId: r.id })) queued.push(r.id);
  return queued;
}

/** Whether the run has a waiting or running job. */
export async function hasLiveJob(store: Store, runId: number): Promise<boolean> {
  return (await liveJobs(store, [runId])).length > 0;
}

async function liveJobs(store: Store, runIds: number[]): Promise<string[]> {
  await getBoss(store.url); // pg-boss's tables exist from here on
  const keys = runIds.map((id) => collect.singletonKey({ runId: id })!);
  const rows = await store.db.execute<{ id: string }>(sql`select id::text as id from pgboss.job
    where name = ${collect.name} and singleton_key in ${keys} and state in ('created', 'retry', 'active')`);
  return rows.map((r) => r.id);
}
