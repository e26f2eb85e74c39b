import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';

export interface Viewer {
  userId: string;
  studyRole: 'admin' | 'supervisor' | 'coder';
}

/**
 * What a viewer may count in aggregates (codebook uses, agreement, saturation, the dashboard): the
 * blind rule of canSeeOthersCodings applied to every item of the study at once, in SQL.
 * - `hidden`: items whose codings the viewer may not learn about yet — blind, coded by two or more,
 *   not yet submitted by all, and the viewer is a coder (or codes the item themselves).
 * - `submittedOnly`: coders count only submitted work; drafts are not data. Supervisors and admins
 *   keep the full counts (drafts included), except on the items they code blind themselves.
 * The unit test in blind-items.test.ts checks this agrees with canSeeOthersCodings case by case.
 */
export interface AggregateScope {
  hidden: Set<number>;
  submittedOnly: boolean;
}

export async function aggregateScope(db: Db, studyId: number, viewer: Viewer): Promise<AggregateScope> {
  const isCoder = viewer.studyRole === 'coder';
  const rows = await db.execute<{ id: string }>(sql`
    select si.id::text as id
    from sample_items si
    join samples s on s.id = si.sample_id
    join assignments a on a.sample_item_id = si.id
    where s.study_id = ${studyId} and s.blind
    group by si.id
    having count(*) >= 2
       and not bool_and(a.status = 'submitted')
       and (${isCoder} or bool_or(a.user_id = ${viewer.userId}))
  `);
  return { hidden: new Set(rows.map((r) => Number(r.id))), submittedOnly: isCoder };
}

/** Export rows (one per coding) without the items the viewer may not know about yet. */
export function visibleRows<R extends { item: string }>(rows: R[], scope: AggregateScope | undefined): R[] {
  if (!scope || scope.hidden.size === 0) return rows;
  return rows.filter((r) => !scope.hidden.has(Number(r.item)));
}
