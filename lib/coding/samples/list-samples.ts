import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { samples } from '../../db/schema';

/**
 * A study's samples with their progress: items, assignments by status, and per coder how many
 * they have done, so the samples page can draw a bar per sample and per coder.
 */
export async function listSamples(db: Db, studyId: number) {
  const rows = await db
    .select({
      id: samples.id,
      name: samples.name,
      definition: samples.definition,
      overlapPercent: samples.overlapPercent,
      order: samples.order,
      blind: samples.blind,
      createdBy: samples.createdBy,
      createdAt: samples.createdAt,
      items: sql<number>`(select count(*)::int from sample_items si where si.sample_id = samples.id)`,
      coders: sql<{ userId: string; total: number; submitted: number; skipped: number }[]>`coalesce((
        select json_agg(json_build_object('userId', c.user_id, 'total', c.total, 'submitted', c.submitted, 'skipped', c.skipped) order by c.user_id)
        from (
          select a.user_id, count(*)::int as total,
                 count(*) filter (where a.status = 'submitted')::int as submitted,
                 count(*) filter (where a.status = 'skipped')::int as skipped
          from assignments a join sample_items si on si.id = a.sample_item_id
          where si.sample_id = samples.id
          group by a.user_id
        ) c), '[]'::json)`,
    })
    .from(samples)
    .where(eq(samples.studyId, studyId))
    .orderBy(asc(samples.id));
  return rows.map((r) => {
    const assignments = r.coders.reduce((a, c) => a + c.total, 0);
    const submitted = r.coders.reduce((a, c) => a + c.submitted, 0);
    return { ...r, assigned: assignments > 0, assignments, submitted, skipped: r.coders.reduce((a, c) => a + c.skipped, 0) };
  });
}
