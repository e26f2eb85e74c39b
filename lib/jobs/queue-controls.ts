import { eq, sql } from 'drizzle-orm';
import type { Database, Db } from '../db/client';
import { queueControls } from '../db/schema';
import { getBoss, REPRODUCE_QUEUE } from './boss';

/** Pauses or resumes the queue for every worker: running jobs finish, no new job starts. */
export async function setQueuePaused(db: Db, paused: boolean, queue = REPRODUCE_QUEUE): Promise<void> {
  await db
    .insert(queueControls)
    .values({ queue, paused })
    .onConflictDoUpdate({ target: queueControls.queue, set: { paused, updatedAt: sql`now()` } });
}

export async function isQueuePaused(db: Db, queue = REPRODUCE_QUEUE): Promise<boolean> {
  const [row] = await db.select({ paused: queueControls.paused }).from(queueControls).where(eq(queueControls.queue, queue));
  return row?.paused ?? false;
}

/** Cancels a waiting or running job (a running one is stopped by its worker within a heartbeat). */
export async function cancelJob(store: Pick<Database, 'url'>, jobId: string): Promise<void> {
  await (await getBoss(store.url)).cancel(REPRODUCE_QUEUE, jobId);
}

/** Runs a failed or cancelled job again. */
export async function retryJob(store: Pick<Database, 'url'>, jobId: string): Promise<void> {
  const boss = await getBoss(store.url);
  const job = await boss.getJobById(REPRODUCE_QUEUE, jobId);
  if (job?.state === 'cancelled') await boss.resume(REPRODUCE_QUEUE, jobId);
  else await boss.retry(REPRODUCE_QUEUE, jobId);
}
