import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';

export const RATE_WINDOW_SECONDS = 15 * 60;

export interface RecentRate {
  finished: number; // executions finished within the window
  seconds: number; // from the earliest of their starts (or the window's start) to now
  perMinute: number | null;
}

/**
 * Jobs finished per minute lately. The span starts at the earliest start among the recent jobs (not
 * at the window's edge), so a batch begun two minutes ago is not diluted over fifteen.
 */
export async function measureRecentRate(db: Db, now = new Date()): Promise<RecentRate> {
  const since = new Date(now.getTime() - RATE_WINDOW_SECONDS * 1000);
  const [row] = await db.execute<{ n: number; first: Date | string | null }>(sql`
    select count(*)::int as n, min(started_at) as first
    from executions where finished_at > ${since.toISOString()}::timestamptz and finished_at <= ${now.toISOString()}::timestamptz`);
  const n = row?.n ?? 0;
  if (!n || !row.first) return { finished: 0, seconds: 0, perMinute: null };
  const from = Math.max(new Date(row.first).getTime(), since.getTime());
  const seconds = Math.max(1, (now.getTime() - from) / 1000);
  return { finished: n, seconds, perMinute: (n / seconds) * 60 };
}

/**
 * Seconds until the queue is empty: the jobs left (waiting and running) at the recent rate, which
 * was achieved with `slotsThen` worker slots and is scaled to the `slotsNow` live workers offer now.
 * Null when there is no rate to go by or no live worker to run anything.
 */
export function estimateEta(p: { waiting: number; active: number; perMinute: number | null; slotsThen: number; slotsNow: number }): number | null {
  const left = p.waiting + p.active;
  if (left === 0) return 0;
  if (!p.perMinute || p.slotsNow <= 0) return null;
  const ratePerSlot = p.perMinute / Math.max(1, p.slotsThen);
  return Math.round((left / (ratePerSlot * p.slotsNow)) * 60);
}
