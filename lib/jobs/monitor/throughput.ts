import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';

export const BUCKET_SECONDS = 300;
export const BUCKETS = 12; // one hour

export interface ThroughputBucket {
  start: Date;
  ok: number;
  failed: number; // the notebook's own failures: exception, timeout, killed
  infrastructure: number; // ours, kept apart
}

export interface Throughput {
  buckets: ThroughputBucket[];
  finished: number;
  ok: number;
  okShare: number | null; // ok ÷ notebook outcomes (infrastructure errors left out); null when none
}

/** Finished executions per 5-minute bucket over the last hour (the newest bucket is the current, partial one). */
export async function getThroughput(db: Db, now = new Date()): Promise<Throughput> {
  const lastStart = Math.floor(now.getTime() / 1000 / BUCKET_SECONDS) * BUCKET_SECONDS;
  const firstStart = lastStart - (BUCKETS - 1) * BUCKET_SECONDS;
  const rows = await db.execute<{ b: number; status: string; n: number }>(sql`
    select (floor(extract(epoch from finished_at) / ${BUCKET_SECONDS}) * ${BUCKET_SECONDS})::bigint::float8 as b, status, count(*)::int as n
    from executions
    where finished_at >= to_timestamp(${firstStart}) and finished_at <= ${now.toISOString()}::timestamptz
    group by 1, 2`);
  const buckets: ThroughputBucket[] = Array.from({ length: BUCKETS }, (_, i) => ({
    start: new Date((firstStart + i * BUCKET_SECONDS) * 1000),
    ok: 0,
    failed: 0,
    infrastructure: 0,
  }));
  for (const r of rows) {
    const bucket = buckets[Math.round((Number(r.b) - firstStart) / BUCKET_SECONDS)];
    if (!bucket) continue;
    if (r.status === 'ok') bucket.ok += r.n;
    else if (r.status === 'infrastructure') bucket.infrastructure += r.n;
    else bucket.failed += r.n;
  }
  const ok = buckets.reduce((s, b) => s + b.ok, 0);
  const failed = buckets.reduce((s, b) => s + b.failed, 0);
  const infrastructure = buckets.reduce((s, b) => s + b.infrastructure, 0);
  return { buckets, finished: ok + failed + infrastructure, ok, okShare: ok + failed > 0 ? ok / (ok + failed) : null };
}
