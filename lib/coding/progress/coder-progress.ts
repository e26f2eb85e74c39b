import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';

export interface CoderProgress {
  coder: string; // user id
  name: string | null;
  email: string | null;
  submitted: number;
  left: number; // pending assignments
  skipped: number;
  perDay: { date: string; submitted: number }[]; // UTC days with at least one submission
}

/** Per coder of a study: how many items they submitted each day, and how many are left in their queue. */
export async function coderProgress(db: Db, studyId: number): Promise<CoderProgress[]> {
  const totals = await db.execute<{ coder: string; name: string | null; email: string | null; submitted: number; left: number; skipped: number }>(sql`
    select a.user_id as coder, min(u.name) as name, min(u.email) as email,
           count(*) filter (where a.status = 'submitted')::int as submitted,
           count(*) filter (where a.status = 'pending')::int as left,
           count(*) filter (where a.status = 'skipped')::int as skipped
    from assignments a join sample_items si on si.id = a.sample_item_id join samples s on s.id = si.sample_id
    left join users u on u.id = a.user_id
    where s.study_id = ${studyId} group by a.user_id order by a.user_id`);
  const days = await db.execute<{ coder: string; date: string; submitted: number }>(sql`
    select a.user_id as coder, to_char(a.submitted_at at time zone 'UTC', 'YYYY-MM-DD') as date, count(*)::int as submitted
    from assignments a join sample_items si on si.id = a.sample_item_id join samples s on s.id = si.sample_id
    where s.study_id = ${studyId} and a.status = 'submitted' and a.submitted_at is not null
    group by 1, 2 order by 1, 2`);
  return totals.map((t) => ({
    ...t,
    perDay: days.filter((d) => d.coder === t.coder).map((d) => ({ date: d.date, submitted: d.submitted })),
  }));
}
