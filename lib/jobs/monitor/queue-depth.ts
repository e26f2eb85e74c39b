import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { hasBossTables, JOB_STATES, reproduceJobs, type JobState } from './jobs-source';

export type QueueDepth = Record<JobState, number>;

/** How many reproduce jobs are in each pg-boss state (all zeros before pg-boss first started). */
export async function getQueueDepth(db: Db): Promise<QueueDepth> {
  const depth = Object.fromEntries(JOB_STATES.map((s) => [s, 0])) as QueueDepth;
  if (!(await hasBossTables(db))) return depth;
  const rows = await db.execute<{ state: JobState; n: number }>(sql`select state, count(*)::int as n from ${reproduceJobs()} j group by state`);
  for (const r of rows) depth[r.state] = r.n;
  return depth;
}
