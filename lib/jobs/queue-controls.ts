import { eq, sql } from 'drizzle-orm';
import type { Database, Db } from '../db/client';
import { queueControls } from '../db/schema';
import { AppError } from '../errors';
import { getBoss } from './boss';
import { jobQueue } from './monitor/jobs-source';

const PAUSE_KEY = 'reproduce';

/** Pauses or resumes the queue for every worker: running jobs finish, no new job starts. */
export async function setQueuePaused(db: Db, paused: boolean, queue = PAUSE_KEY): Promise<void> {
  await db
    .insert(queueControls)
    .values({ queue, paused })
    .onConflictDoUpdate({ target: queueControls.queue, set: { paused, updatedAt: sql`now()` } });
}

export async function isQueuePaused(db: Db, queue = PAUSE_KEY): Promise<boolean> {
  const [row] = await db.select({ paused: queueControls.paused }).from(queueControls).where(eq(queueControls.queue, queue));
  return row?.paused ?? false;
}

/** Cancels a waiting or running job (a running one is stopped by its worker within a heartbeat). */
export async function cancelJob(store: Pick<Database, 'db' | 'url'>, jobId: string): Promise<void> {
  const queue = await queueOfJob(store.db, jobId);
  await (await getBoss(store.url)).cancel(queue, jobId);
}

/** Runs a failed or cancelled job again. */
export async function retryJob(store: Pick<Database, 'db' | 'url'>, jobId: string): Promise<void> {
  const queue = await queueOfJob(store.db, jobId);
  const boss = await getBoss(store.url);
  const job = await boss.getJobById(queue, jobId);
  if (job?.state === 'cancelled') await boss.resume(queue, jobId);
  else await boss.retry(queue, jobId);
}

async function queueOfJob(db: Db, jobId: string): Promise<string> {
  const queue = await jobQueue(db, jobId);
  if (!queue) throw new AppError('not_found', `No job ${jobId} (finished jobs are archived after a day).`);
  return queue;
}
