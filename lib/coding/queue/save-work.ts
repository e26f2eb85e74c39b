import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { SessionUser } from '../../auth/session';
import { assignments, codes, codings } from '../../db/schema';
import { AppError } from '../../errors';
import { requireStudyAccess } from '../access';
import { findOwnAssignment } from './find-assignment';
import type { SaveWorkInput } from './schemas';

/**
 * Autosave: my codings of the item become exactly `input.codings`, with my memo and flag, in one
 * transaction. My assignment row is locked FOR UPDATE so my own overlapping saves apply in turn;
 * another coder of the same item locks their own row and touches only their own codings, so two
 * coders saving at the same moment both keep everything. A submitted item is read-only until reopened.
 */
export async function saveWork(db: Db, user: SessionUser, assignmentId: number, input: SaveWorkInput) {
  return db.transaction(async (tx) => {
    const own = await findOwnAssignment(tx as unknown as Db, user.id, assignmentId, { lock: true });
    await requireStudyAccess(tx as unknown as Db, user, own.studyId, 'code');
    const a = own.assignment;
    if (a.status === 'submitted') throw new AppError('conflict', 'This item is submitted: reopen it (press o) to change its codings.');

    const codeIds = [...new Set(input.codings.map((c) => c.codeId))];
    if (codeIds.length) {
      const usable = await tx
        .select({ id: codes.id })
        .from(codes)
        .where(and(inArray(codes.id, codeIds), eq(codes.studyId, own.studyId), eq(codes.status, 'active'), eq(codes.kind, 'code')));
      const bad = codeIds.filter((id) => !usable.some((u) => u.id === id));
      if (bad.length) throw new AppError('bad_request', `Code${bad.length > 1 ? 's' : ''} ${bad.join(', ')} cannot be applied here (not an active code of this study); reload the page to get the current codebook.`);
    }

    await tx.delete(codings).where(and(eq(codings.sampleItemId, a.sampleItemId), eq(codings.userId, user.id)));
    if (input.codings.length) {
      await tx.insert(codings).values(input.codings.map((c) => ({ sampleItemId: a.sampleItemId, userId: user.id, codeId: c.codeId, region: c.region, memo: c.memo })));
    }
    const [updated] = await tx
      .update(assignments)
      .set({ memo: input.memo ?? a.memo, flagged: input.flagged ?? a.flagged, updatedAt: new Date() })
      .where(eq(assignments.id, a.id))
      .returning();
    const mine = await tx
      .select({ id: codings.id, codeId: codings.codeId, region: codings.region, memo: codings.memo })
      .from(codings)
      .where(and(eq(codings.sampleItemId, a.sampleItemId), eq(codings.userId, user.id)))
      .orderBy(asc(codings.id));
    return { assignmentId: a.id, memo: updated.memo, flagged: updated.flagged, status: updated.status, updatedAt: updated.updatedAt, mine };
  });
}
