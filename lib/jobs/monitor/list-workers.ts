import { and, desc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { notebooks, runningJobs, workers, type ExecutorKind } from '../../db/schema';
import { WORKER_STALE_AFTER_S } from '../worker-registry';

// Stopped workers stay listed (greyed) for a day, so a crash or restart can still be traced.
const KEEP_STOPPED_HOURS = 24;

export interface WorkerRow {
  id: string;
  host: string;
  pid: number;
  concurrency: number;
  executors: ExecutorKind[];
  startedAt: Date;
  heartbeatAt: Date;
  stoppedAt: Date | null;
  heartbeatAgeSeconds: number;
  state: 'live' | 'stale' | 'stopped';
  currentJobs: Array<{ jobId: string; queue: string | null; notebookId: number | null; notebookTitle: string | null; startedAt: Date; elapsedSeconds: number }>;
}

export interface WorkerList {
  workers: WorkerRow[];
  executors: ExecutorKind[]; // offered by live workers
  defaultExecutor: ExecutorKind; // what a reproduction started from the UI uses
  slots: number; // concurrent jobs live workers can run
}

/** Workers (live, stale, recently stopped) with the jobs each is running. */
export async function listWorkers(db: Db, now = new Date()): Promise<WorkerList> {
  const keepSince = new Date(now.getTime() - KEEP_STOPPED_HOURS * 3600_000);
  const rows = await db
    .select()
    .from(workers)
    .where(or(isNull(workers.stoppedAt), gt(workers.stoppedAt, keepSince)))
    .orderBy(sql`${workers.stoppedAt} is not null`, desc(workers.heartbeatAt));
  const jobs = await db
      .select({ jobId: runningJobs.jobId, queue: runningJobs.queue, workerId: runningJobs.workerId, notebookId: runningJobs.notebookId, notebookTitle: notebooks.title, startedAt: runningJobs.startedAt })
    .from(runningJobs)
    .leftJoin(notebooks, eq(notebooks.id, runningJobs.notebookId))
    .orderBy(runningJobs.startedAt);
  const list: WorkerRow[] = rows.map((w) => {
    const heartbeatAgeSeconds = Math.max(0, Math.round((now.getTime() - w.heartbeatAt.getTime()) / 1000));
    const state = w.stoppedAt ? 'stopped' : heartbeatAgeSeconds > WORKER_STALE_AFTER_S ? 'stale' : 'live';
    const currentJobs = jobs
      .filter((j) => j.workerId === w.id)
      .map(({ workerId: _, ...j }) => ({ ...j, elapsedSeconds: Math.max(0, Math.round((now.getTime() - j.startedAt.getTime()) / 1000)) }));
    return { ...w, heartbeatAgeSeconds, state, currentJobs };
  });
  const live = list.filter((w) => w.state === 'live' && w.executors.length > 0);
  const executors = [...new Set(live.flatMap((w) => w.executors))].sort();
  return {
    workers: list,
    executors,
    // Containers isolate a notebook from this machine, so they win when a live worker offers them.
    defaultExecutor: executors.includes('container') ? 'container' : 'host',
    slots: live.reduce((s, w) => s + w.concurrency, 0),
  };
}

/** Worker slots that were up at some point during [since, now]: what a recent rate was achieved with. */
export async function countSlotsSince(db: Db, since: Date): Promise<number> {
  const [row] = await db
    .select({ slots: sql<number>`coalesce(sum(${workers.concurrency}), 0)::int` })
    .from(workers)
    .where(and(sql`cardinality(${workers.executors}) > 0`, gt(workers.heartbeatAt, since)));
  return row?.slots ?? 0;
}
