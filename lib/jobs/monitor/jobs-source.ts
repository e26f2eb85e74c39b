import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { REPRODUCE_QUEUE_NAMES } from '../boss';

// Read-only access to pg-boss's own tables. They exist only once some process has started pg-boss
// (the first worker or enqueue), so every reader first asks whether they are there.

export const JOB_STATES = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];
export const FINISHED_STATES: readonly JobState[] = ['completed', 'cancelled', 'failed'];

/** Whether pg-boss's schema exists (null until a worker or an enqueue first started pg-boss). */
export async function hasBossTables(db: Db): Promise<boolean> {
  const [row] = await db.execute<{ ok: boolean }>(sql`select to_regclass('pgboss.job') is not null and to_regclass('pgboss.archive') is not null as ok`);
  return Boolean(row?.ok);
}

const COLUMNS = sql.raw(
  `id, name, data, state::text as state, retry_count, created_on, started_on, completed_on, output`,
);

/**
 * Every reproduce job, live (pgboss.job) and archived (pgboss.archive: pg-boss moves finished jobs
 * there after a while), as one relation to select from.
 */
export function reproduceJobs(): SQL {
  return jobsIn(REPRODUCE_QUEUE_NAMES);
}

/** The jobs of the given queues, live and archived, as one relation. */
export function jobsIn(queues: string[]): SQL {
  return sql`(select ${COLUMNS} from pgboss.job where name in ${queues}
    union all
    select ${COLUMNS} from pgboss.archive where name in ${queues})`;
}

/** The queue (any kind) a live job is in, or null when there is none. */
export async function jobQueue(db: Db, jobId: string): Promise<string | null> {
  if (!/^[0-9a-f-]{36}$/i.test(jobId)) return null;
  const rows = await db.execute<{ name: string }>(sql`select name from pgboss.job where id = ${jobId}::uuid`);
  return rows[0]?.name ?? null;
}

/** Whether a live job was cancelled (from the monitor or the CLI). */
export async function isJobCancelled(db: Db, jobId: string): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(jobId)) return false;
  const rows = await db.execute<{ state: string }>(sql`select state::text as state from pgboss.job where id = ${jobId}::uuid`);
  return rows[0]?.state === 'cancelled';
}
