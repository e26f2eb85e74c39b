import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { idParam } from '../../browse/schemas';
import type { Db } from '../../db/client';
import type { ExecutionStatus } from '../../db/schema';
import { ALL_QUEUE_NAMES, QUEUE_GROUPS } from '../registry';
import { hasBossTables, jobsIn, type JobState } from './jobs-source';

export const jobFilters = ['all', 'waiting', 'active', 'completed', 'failed', 'cancelled'] as const;
export const jobQuery = z.object({
  state: z.enum(jobFilters).default('all'),
  notebook: idParam.optional(),
  queue: z.enum(ALL_QUEUE_NAMES as [string, ...string[]]).optional(), // one queue; default: every queue
  group: z.enum(Object.keys(QUEUE_GROUPS) as [string, ...string[]]).optional(), // or one group (reproduce: both executors' queues)
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type JobQuery = z.infer<typeof jobQuery>;

export interface JobRow {
  id: string;
  queue: string;
  state: JobState;
  retryCount: number;
  createdOn: Date;
  startedOn: Date | null;
  completedOn: Date | null;
  notebookId: number | null;
  notebookTitle: string | null;
  executor: string | null;
  workerId: string | null;
  workerHost: string | null;
  elapsedSeconds: number | null; // running: since it started on its worker
  durationSeconds: number | null; // finished: the execution's own time, else pg-boss's
  executionId: number | null;
  status: ExecutionStatus | null;
  exceptionType: string | null;
  exceptionMessage: string | null;
  error: string | null; // why pg-boss failed the job, when no execution was recorded
  output: Record<string, unknown> | null; // what a finished non-reproduction job returned (counts)
}

const FILTER: Record<(typeof jobFilters)[number], SQL> = {
  all: sql`true`,
  waiting: sql`j.state in ('created', 'retry')`,
  active: sql`j.state = 'active'`,
  completed: sql`j.state = 'completed'`,
  failed: sql`j.state = 'failed'`,
  cancelled: sql`j.state = 'cancelled'`,
};

/** Jobs of every queue (or one), running ones first, then waiting, then finished (newest first within each). */
export async function listJobs(db: Db, q: JobQuery, now = new Date()): Promise<{ items: JobRow[]; total: number; page: number; pageSize: number }> {
  if (!(await hasBossTables(db))) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const where = sql`${FILTER[q.state]} and ${q.notebook ? sql`(j.data->>'notebookId')::int = ${q.notebook}` : sql`true`} and ${q.queue ? sql`j.name = ${q.queue}` : q.group ? sql`j.name in ${QUEUE_GROUPS[q.group]}` : sql`true`}`;
  const [rows, [{ total }]] = await Promise.all([
    selectJobs(db, where, sql`order by case j.state when 'active' then 0 when 'retry' then 1 when 'created' then 2 else 3 end,
      coalesce(j.completed_on, j.created_on) desc, j.id limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`, now),
    db.execute<{ total: number }>(sql`select count(*)::int as total from ${jobsIn(ALL_QUEUE_NAMES)} j where ${where}`),
  ]);
  return { items: rows, total, page: q.page, pageSize: q.pageSize };
}

type Raw = {
  id: string; queue: string; state: JobState; retry_count: number; created_on: Date; started_on: Date | null; completed_on: Date | null;
  output: unknown; notebook_id: number | null; notebook_title: string | null; executor: string | null; worker_id: string | null;
  worker_host: string | null; running_since: Date | null; execution_id: number | null; status: ExecutionStatus | null;
  exception_type: string | null; exception_message: string | null; seconds: number | null;
};

/** The joined job rows behind listJobs and getJob. */
export async function selectJobs(db: Db, where: SQL, tail: SQL, now = new Date()): Promise<JobRow[]> {
  const rows = await db.execute<Raw>(sql`
    select j.id::text as id, j.name as queue, j.state, j.retry_count, j.created_on, j.started_on, j.completed_on, j.output,
      (j.data->>'notebookId')::int as notebook_id, n.title as notebook_title, j.data->'config'->>'executor' as executor,
      coalesce(r.worker_id, e.worker_id) as worker_id, w.host as worker_host, r.started_at as running_since,
      e.id as execution_id, e.status, e.exception_type, e.exception_message, e.seconds
    from ${jobsIn(ALL_QUEUE_NAMES)} j
    left join notebooks n on n.id = (j.data->>'notebookId')::int
    left join executions e on e.job_id = j.id::text
    left join running_jobs r on r.job_id = j.id::text
    left join workers w on w.id = coalesce(r.worker_id, e.worker_id)
    where ${where} ${tail}`);
  return rows.map((r) => toJobRow(r, now));
}

const date = (v: Date | string | null) => (v == null ? null : new Date(v));

function toJobRow(r: Raw, now: Date): JobRow {
  const started = date(r.running_since) ?? date(r.started_on);
  const completed = date(r.completed_on);
  const finished = r.state === 'completed' || r.state === 'failed' || r.state === 'cancelled';
  return {
    id: r.id,
    queue: r.queue,
    state: r.state,
    retryCount: r.retry_count,
    createdOn: new Date(r.created_on),
    startedOn: date(r.started_on),
    completedOn: completed,
    notebookId: r.notebook_id,
    notebookTitle: r.notebook_title,
    executor: r.executor,
    workerId: r.worker_id,
    workerHost: r.worker_host,
    elapsedSeconds: r.state === 'active' && started ? Math.max(0, Math.round((now.getTime() - started.getTime()) / 1000)) : null,
    durationSeconds: r.seconds ?? (finished && started && completed ? Math.max(0, (completed.getTime() - started.getTime()) / 1000) : null),
    executionId: r.execution_id,
    status: r.status,
    exceptionType: r.exception_type,
    exceptionMessage: r.exception_message,
    error: r.state === 'failed' && !r.execution_id ? outputMessage(r.output) : null,
    output: r.state === 'completed' && !r.execution_id ? (r.output as Record<string, unknown> | null) : null,
  };
}

/** pg-boss stores a failed handler's error as `{ message, stack, … }` (or whatever the handler threw). */
function outputMessage(output: unknown): string | null {
  if (output == null) return null;
  if (typeof output === 'object' && 'message' in output && typeof (output as { message: unknown }).message === 'string') return (output as { message: string }).message;
  return JSON.stringify(output).slice(0, 2000);
}
