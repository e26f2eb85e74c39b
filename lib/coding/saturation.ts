import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { AppError } from '../errors';
import type { AggregateScope } from './queue/blind-items';

export interface SaturationPoint {
  batch: number;
  coded: number;
  newCodes: number;
  totalCodes: number;
  endedAt: string;
}

/**
 * Codebook saturation: visualisations in the order they were first submitted by any coder, in batches
 * of `batchSize`; a code is new in the batch where it is first applied (by any coder, in a submitted
 * assignment, so drafts do not count). Merged codes count as their survivor, since their codings moved.
 * Items the viewer may not know about yet (`scope.hidden`, the blind rule) are left out.
 */
export async function computeSaturation(db: Db, studyId: number, batchSize: number, scope?: AggregateScope): Promise<SaturationPoint[]> {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new AppError('bad_request', 'The batch size is a whole number of visualisations, at least 1.');
  const visible = scope && scope.hidden.size ? sql` and si.id not in ${[...scope.hidden]}` : sql``;
  const rows = (await db.execute(sql`
    with firsts as (
      select si.visualisation_id as vis, min(a.submitted_at) as first_at
      from assignments a
      join sample_items si on si.id = a.sample_item_id
      join samples s on s.id = si.sample_id
      where s.study_id = ${studyId} and a.status = 'submitted' and a.submitted_at is not null${visible}
      group by si.visualisation_id
    ),
    applied as (
      select distinct si.visualisation_id as vis, c.code_id
      from codings c
      join sample_items si on si.id = c.sample_item_id
      join samples s on s.id = si.sample_id
      join assignments a on a.sample_item_id = c.sample_item_id and a.user_id = c.user_id and a.status = 'submitted'
      where s.study_id = ${studyId}${visible}
    )
    select f.vis, f.first_at, coalesce(array_agg(ap.code_id) filter (where ap.code_id is not null), '{}') as codes
    from firsts f left join applied ap on ap.vis = f.vis
    group by f.vis, f.first_at
    order by f.first_at, f.vis
  `)) as unknown as Array<{ vis: string; first_at: Date | string; codes: number[] }>;

  const seen = new Set<number>();
  const points: SaturationPoint[] = [];
  for (let i = 0; i < rows.length; i += batchSize) {
    const batch = rows.slice(i, i + batchSize);
    let newCodes = 0;
    for (const r of batch) {
      for (const code of r.codes) {
        if (!seen.has(Number(code))) (seen.add(Number(code)), newCodes++);
      }
    }
    points.push({ batch: points.length + 1, coded: batch.length, newCodes, totalCodes: seen.size, endedAt: new Date(batch.at(-1)!.first_at).toISOString() });
  }
  return points;
}
