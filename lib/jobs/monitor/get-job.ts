import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { executions, runningJobs } from '../../db/schema';
import { AppError } from '../../errors';
import { hasBossTables } from './jobs-source';
import { selectJobs, type JobRow } from './list-jobs';

/** One job with its log tail: the live one while it runs, the execution's once it has finished. */
export async function getJob(db: Db, jobId: string, now = new Date()): Promise<JobRow & { log: string; logSource: 'live' | 'execution' | 'none' }> {
  if (!/^[0-9a-f-]{36}$/i.test(jobId) || !(await hasBossTables(db))) throw new AppError('not_found', `No reproduction job ${jobId}.`);
  // A job id is unique across queues, but one can be in both tables for a moment while it is archived.
  const [job] = await selectJobs(db, sql`j.id = ${jobId}::uuid`, sql`limit 1`, now);
  if (!job) throw new AppError('not_found', `No reproduction job ${jobId} (archived jobs are deleted after a week).`);
  const [running] = await db.select({ log: runningJobs.log }).from(runningJobs).where(eq(runningJobs.jobId, jobId));
  if (running) return { ...job, log: running.log, logSource: 'live' };
  const [done] = await db.select({ log: executions.log }).from(executions).where(eq(executions.jobId, jobId));
  if (done) return { ...job, log: done.log, logSource: 'execution' };
  return { ...job, log: job.error ?? '', logSource: 'none' };
}
