import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { assignments } from '../../db/schema';

/**
 * THE blind rule, the only place it is decided. Others' codings of an item are hidden when the
 * sample is blind and two or more coders code the item, until every assigned coder has submitted it
 * (a skip is not a submission). Supervisors and admins of the study always see them — unless they
 * are themselves one of the item's coders, because then they are coding blind like anyone else.
 * The API sends others' codings only when this says yes.
 */
export async function canSeeOthersCodings(
  db: Db,
  viewer: { userId: string; studyRole: 'admin' | 'supervisor' | 'coder' },
  item: { sampleItemId: number; blind: boolean },
): Promise<boolean> {
  if (!item.blind) return true;
  const all = await db.select({ userId: assignments.userId, status: assignments.status }).from(assignments).where(eq(assignments.sampleItemId, item.sampleItemId));
  const codesIt = all.some((a) => a.userId === viewer.userId);
  if (viewer.studyRole !== 'coder' && !codesIt) return true;
  if (all.length < 2) return true;
  return all.every((a) => a.status === 'submitted');
}
