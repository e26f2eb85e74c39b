import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { ALL_QUEUE_NAMES } from '../registry';
import { hasBossTables, JOB_STATES, jobsIn, type JobState } from './jobs-source';

const RATE_WINDOW_S = 15 * 60;

export interface QueueOverview {
  queue: string;
  depth: Record<JobState, number>;
  waiting: number;
  perMinute: number | null; // jobs finished per minute over the last 15 minutes
  etaSeconds: number | null; // waiting + active at that rate; null without a rate
  failedLastHour: number;
  lastError: { jobId: string; message: string; at: Date } | null;
}

/** Every registered queue: depth by state, recent rate, ETA and its latest failure. */
export async function listQueues(db: Db, now = new Date()): Promise<QueueOverview[]> {
  const empty = () => Object.fromEntries(JOB_STATES.map((s) => [s, 0])) as Record<JobState, number>;
  const out = new Map(ALL_QUEUE_NAMES.map((q) => [q, { queue: q, depth: empty(), waiting: 0, perMinute: null, etaSeconds: null, failedLastHour: 0, lastError: null } as QueueOverview]));
  if (!(await hasBossTables(db))) return [...out.values()];
  const at = now.toISOString();
  const [depths, rates, errors] = await Promise.all([
    db.execute<{ name: string; state: JobState; n: number }>(sql`select name, state, count(*)::int as n from ${jobsIn(ALL_QUEUE_NAMES)} j group by 1, 2`),
    db.execute<{ name: string; n: number; first: string | null; failed: number }>(sql`
      select name, count(*) filter (where completed_on > ${at}::timestamptz - make_interval(secs => ${RATE_WINDOW_S}))::int as n,
        min(started_on) filter (where completed_on > ${at}::timestamptz - make_interval(secs => ${RATE_WINDOW_S})) as first,
        count(*) filter (where state = 'failed' and completed_on > ${at}::timestamptz - interval '1 hour')::int as failed
      from ${jobsIn(ALL_QUEUE_NAMES)} j where state in ('completed', 'failed') group by 1`),
    db.execute<{ name: string; id: string; output: unknown; completed_on: string }>(sql`
      select distinct on (name) name, id::text as id, output, completed_on from ${jobsIn(ALL_QUEUE_NAMES)} j
      where state = 'failed' order by name, completed_on desc`),
  ]);
  for (const r of depths) if (out.has(r.name)) out.get(r.name)!.depth[r.state] = r.n;
  for (const r of rates) {
    const q = out.get(r.name);
    if (!q) continue;
    q.failedLastHour = r.failed;
    if (r.n > 0 && r.first) {
      const from = Math.max(new Date(r.first).getTime(), now.getTime() - RATE_WINDOW_S * 1000);
      q.perMinute = (r.n / Math.max(1, (now.getTime() - from) / 1000)) * 60;
    }
  }
  for (const r of errors) {
    const q = out.get(r.name);
    const o = r.output as { message?: unknown } | null;
    if (q) q.lastError = { jobId: r.id, message: typeof o?.message === 'string' ? o.message : JSON.stringify(r.output ?? null).slice(0, 500), at: new Date(r.completed_on) };
  }
  for (const q of out.values()) {
    q.waiting = q.depth.created + q.depth.retry;
    const left = q.waiting + q.depth.active;
    q.etaSeconds = left === 0 ? 0 : q.perMinute ? Math.round((left / q.perMinute) * 60) : null;
  }
  return [...out.values()];
}
