import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { assignments, sampleItems, samples } from '../../db/schema';
import type { SessionUser } from '../../auth/session';
import { AppError } from '../../errors';
import { requireStudyAccess } from '../access';

export interface ItemReviewer {
  studyId: number;
  sampleId: number;
  manage: boolean; // a study supervisor or an admin, rather than one of the item's coders
}

/**
 * Who may see an item's codings side by side and record its consensus: the study's supervisors
 * (and admins), or a coder assigned to the item once every assigned coder has submitted it (a skip
 * is not a submission). Stricter than the workspace's blind rule (lib/coding/queue/can-see-others.ts),
 * which it implies: consensus "by the coders together" needs all of them to have decided first.
 */
export async function requireItemReviewer(db: Db, user: SessionUser, sampleItemId: number): Promise<ItemReviewer> {
  const [item] = await db
    .select({ studyId: samples.studyId, sampleId: samples.id })
    .from(sampleItems)
    .innerJoin(samples, eq(samples.id, sampleItems.sampleId))
    .where(eq(sampleItems.id, sampleItemId));
  if (!item) throw new AppError('not_found', `There is no sample item ${sampleItemId}.`);
  const { role } = await requireStudyAccess(db, user, item.studyId, 'read');
  if (role === 'admin' || role === 'supervisor') return { ...item, manage: true };
  const assigned = await db.select({ userId: assignments.userId, status: assignments.status }).from(assignments).where(eq(assignments.sampleItemId, sampleItemId));
  if (!assigned.some((a) => a.userId === user.id)) {
    throw new AppError('forbidden', 'Only the study’s supervisors and the coders assigned to this item can review it.');
  }
  const waiting = assigned.filter((a) => a.status !== 'submitted').length;
  if (waiting > 0) {
    throw new AppError('forbidden', `The codings of this item stay blind until every assigned coder has submitted it (${waiting} not yet).`);
  }
  return { ...item, manage: false };
}
