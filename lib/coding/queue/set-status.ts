import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { SessionUser } from '../../auth/session';
import { assignments } from '../../db/schema';
import { AppError } from '../../errors';
import { requireStudyAccess } from '../access';
import { findOwnAssignment } from './find-assignment';
import { nextPendingAfter } from './next-pending';

export const statusActions = ['submit', 'skip', 'reopen'] as const;
export type StatusAction = (typeof statusActions)[number];

/**
 * submit — I am done with this item (others' codings may become visible once every coder is);
 * skip — leave it for later (not a submission: it keeps others' codings hidden);
 * reopen — back to pending to change it; a submitted item becomes blind again for everyone.
 * Returns the next pending item of the sample, where the workspace moves on to.
 */
export async function setAssignmentStatus(db: Db, user: SessionUser, assignmentId: number, action: StatusAction) {
  return db.transaction(async (tx) => {
    const own = await findOwnAssignment(tx as unknown as Db, user.id, assignmentId, { lock: true });
    await requireStudyAccess(tx as unknown as Db, user, own.studyId, 'code');
    const a = own.assignment;
    if (action === 'skip' && a.status === 'submitted') throw new AppError('conflict', 'This item is already submitted; reopen it first to skip it.');
    const status = action === 'submit' ? 'submitted' : action === 'skip' ? 'skipped' : 'pending';
    const submittedAt = action === 'submit' ? (a.status === 'submitted' ? a.submittedAt : new Date()) : null;
    const [updated] = await tx.update(assignments).set({ status, submittedAt, updatedAt: new Date() }).where(eq(assignments.id, a.id)).returning();
    const next = await nextPendingAfter(tx as unknown as Db, user.id, own.sampleId, a.position, a.id);
    return { assignmentId: a.id, status: updated.status, submittedAt: updated.submittedAt, nextPendingId: next };
  });
}
