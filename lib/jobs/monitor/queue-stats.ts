import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { isQueuePaused } from '../queue-controls';
import { estimateEta, measureRecentRate, RATE_WINDOW_SECONDS } from './eta';
import { hasBossTables, reproduceJobs } from './jobs-source';
import { countSlotsSince, listWorkers } from './list-workers';
import { getQueueDepth } from './queue-depth';
import { getThroughput } from './throughput';
import { listQueues } from './queues-overview';

/**
 * Everything the /runs header shows (the fields above `queues` are reproduction's), in one request: depth by state, throughput, ETA, whether the
 * queue is paused, and the progress of the current batch (the jobs queued since the oldest one
 * still unfinished).
 */
export async function getQueueStats(db: Db, now = new Date()) {
  const [depth, throughput, rate, workerList, paused, progress, slotsThen, queues] = await Promise.all([
    getQueueDepth(db),
    getThroughput(db, now),
    measureRecentRate(db, now),
    listWorkers(db, now),
    isQueuePaused(db),
    getBatchProgress(db),
    countSlotsSince(db, new Date(now.getTime() - RATE_WINDOW_SECONDS * 1000)),
    listQueues(db, now),
  ]);
  const waiting = depth.created + depth.retry;
  const etaSeconds = paused ? null : estimateEta({ waiting, active: depth.active, perMinute: rate.perMinute, slotsThen, slotsNow: workerList.slots });
  return {
    depth,
    waiting,
    throughput,
    rate,
    etaSeconds,
    paused,
    progress,
    workers: { live: workerList.workers.filter((w) => w.state === 'live').length, stale: workerList.workers.filter((w) => w.state === 'stale').length, slots: workerList.slots },
    executors: workerList.executors,
    defaultExecutor: workerList.defaultExecutor,
    queues, // every queue (reproduction, analysis, re-analysis, thumbnails): depth, rate, ETA, latest failure
  };
}

/**
 * done / total of the current batch: the jobs still unfinished plus those that finished since the
 * oldest unfinished one was queued. Zeros when nothing is left.
 */
export async function getBatchProgress(db: Db): Promise<{ done: number; total: number }> {
  if (!(await hasBossTables(db))) return { done: 0, total: 0 };
  const [row] = await db.execute<{ done: number; total: number }>(sql`
    with jobs as ${reproduceJobs()},
    batch as (select min(created_on) as since from jobs where state in ('created', 'retry', 'active'))
    select count(*) filter (where state in ('completed', 'cancelled', 'failed'))::int as done, count(*)::int as total
    from jobs, batch
    where batch.since is not null and (state in ('created', 'retry', 'active') or completed_on >= batch.since)`);
  return { done: row?.done ?? 0, total: row?.total ?? 0 };
}
