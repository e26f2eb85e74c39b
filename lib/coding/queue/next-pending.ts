import { and, asc, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { assignments, sampleItems } from '../../db/schema';

/** The coder's next pending item after `position` in the sample, wrapping to the start: where "submit" moves on to. */
export async function nextPendingAfter(db: Db, userId: string, sampleId: number, position: number, selfId: number): Promise<number | null> {
  const rows = await db
    .select({ id: assignments.id, position: assignments.position })
    .from(assignments)
    .innerJoin(sampleItems, eq(sampleItems.id, assignments.sampleItemId))
    .where(and(eq(assignments.userId, userId), eq(sampleItems.sampleId, sampleId), eq(assignments.status, 'pending'), ne(assignments.id, selfId)))
    .orderBy(asc(assignments.position));
  return (rows.find((r) => r.position > position) ?? rows[0])?.id ?? null;
}
