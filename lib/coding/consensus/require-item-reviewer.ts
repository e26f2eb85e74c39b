import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { assignments, sampleItems, samples } from '../../db/schema';
import type { SessionUser } from '../../auth/session';
import { AppError } from '../../errors';
import { requireStudyAccess } from '../access';

export interface ItemReviewer {
  studyId: number;
  sampleId: number;
  manage: boolean; // a study supervisor or an admin
}

/**
 * Who may see an item's codings side by side and record its consensus: the study's supervisors
 * (and admins), or a coder assigned to the item once every assigned coder has submitted it (a skip
 * is not a submission). A supervisor who is one of the item's coders counts as a coder, as in the
 * workspace's blind rule (lib/coding/queue/can-see-others.ts); for coders this rule is stricter than
 * that one, which it implies: consensus "by the coders together" needs all of them to have decided first.
 * Returns why `viewer` may not review an item with these assignments, or null if they may.
 */
export function reviewRefusal(assigned: { userId: string; status: string }[], viewer: { userId: string; manage: boolean }): string | null {
  const mine = assigned.some((a) => a.userId === viewer.userId);
  if (viewer.manage && !mine) return null;
  if (!mine) return 'Only the study’s supervisors and the coders assigned to this item can review it.';
  const waiting = assigned.filter((a) => a.status !== 'submitted').length;
  return waiting > 0 ? `The codings of this item stay blind until every assigned coder has submitted it (${waiting} not yet).` : null;
}

/** The item's study and sample if `user` may review it (reviewRefusal); throws forbidden otherwise. */
export async function requireItemReviewer(db: Db, user: SessionUser, sampleItemId: number): Promise<ItemReviewer> {
  const [item] = await db
    .select({ studyId: samples.studyId, sampleId: samples.id })
    .from(sampleItems)
    .innerJoin(samples, eq(samples.id, sampleItems.sampleId))
    .where(eq(sampleItems.id, sampleItemId));
  if (!item) throw new AppError('not_found', `There is no sample item ${sampleItemId}.`);
  const { role } = await requireStudyAccess(db, user, item.studyId, 'read');
  const manage = role === 'admin' || role === 'supervisor';
  const assigned = await db.select({ userId: assignments.userId, status: assignments.status }).from(assignments).where(eq(assignments.sampleItemId, sampleItemId));
  const refusal = reviewRefusal(assigned, { userId: user.id, manage });
  if (refusal) throw new AppError('forbidden', refusal);
  return { ...item, manage };
}
