import os from 'node:os';
import { and, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { runningJobs, workers } from '../db/schema';
import type { ExecutorKind } from '../db/schema/reproduction';
import { isAlive } from '../process/is-alive';

// Workers' presence in the database: registration, heartbeats, the jobs each is running, and
// recovery of the jobs of workers that died (SIGKILL, power loss) so they run again elsewhere.

/** A worker is stale when it has not sent a heartbeat for this long and did not say it stopped. */
export const WORKER_STALE_AFTER_S = Number(process.env.VIZMINE_WORKER_STALE_S ?? 30);

export async function registerWorker(db: Db, w: { concurrency: number; executors: ExecutorKind[] }): Promise<string> {
  const id = `${os.hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  await db.insert(workers).values({ id, host: os.hostname(), pid: process.pid, concurrency: w.concurrency, executors: w.executors });
  return id;
}

export async function beat(db: Db, workerId: string, logs: Map<string, string>): Promise<void> {
  await db.update(workers).set({ heartbeatAt: sql`now()` }).where(eq(workers.id, workerId));
  for (const [jobId, log] of logs) {
    await db.update(runningJobs).set({ log, updatedAt: sql`now()` }).where(and(eq(runningJobs.jobId, jobId), eq(runningJobs.workerId, workerId)));
  }
}

export async function markStopped(db: Db, workerId: string): Promise<void> {
  await db.update(workers).set({ stoppedAt: sql`now()` }).where(eq(workers.id, workerId));
}

export async function claimJobRow(db: Db, workerId: string, jobId: string, queue: string, notebookId: number | null): Promise<void> {
  // A job run again after its worker died takes over the dead worker's row.
  await db
    .insert(runningJobs)
    .values({ jobId, workerId, queue, notebookId })
    .onConflictDoUpdate({ target: runningJobs.jobId, set: { workerId, log: '', startedAt: sql`now()`, updatedAt: sql`now()` } });
}

export async function releaseJobRow(db: Db, workerId: string, jobId: string): Promise<void> {
  await db.delete(runningJobs).where(and(eq(runningJobs.jobId, jobId), eq(runningJobs.workerId, workerId)));
}

/**
 * The jobs held by dead workers: stale heartbeat, stopped, or (on this machine) a pid that no
 * longer exists. Their rows are deleted in the same statement that returns them, so when several
 * workers look at once only one gets each job to give back.
 */
export async function takeOrphanedJobs(db: Db): Promise<Array<{ jobId: string; workerId: string }>> {
  const candidates = await db
    .select({ id: workers.id, host: workers.host, pid: workers.pid, heartbeatAt: workers.heartbeatAt, stoppedAt: workers.stoppedAt })
    .from(workers)
    .where(inArray(workers.id, db.selectDistinct({ id: runningJobs.workerId }).from(runningJobs)));
  const staleBefore = Date.now() - WORKER_STALE_AFTER_S * 1000;
  const dead = candidates
    .filter((w) => w.stoppedAt !== null || w.heartbeatAt.getTime() < staleBefore || (w.host === os.hostname() && w.pid !== process.pid && !isAlive(w.pid)))
    .map((w) => w.id);
  if (dead.length === 0) return [];
  return db.delete(runningJobs).where(inArray(runningJobs.workerId, dead)).returning({ jobId: runningJobs.jobId, workerId: runningJobs.workerId });
}

/** Workers whose heartbeat stopped without a clean stop: marked stopped once their jobs are given back. */
export async function retireDeadWorkers(db: Db): Promise<void> {
  await db
    .update(workers)
    .set({ stoppedAt: sql`now()` })
    .where(and(isNull(workers.stoppedAt), lt(workers.heartbeatAt, sql`now() - make_interval(secs => ${WORKER_STALE_AFTER_S * 20})`)));
}
