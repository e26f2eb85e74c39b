import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { assignments, sampleItems, samples } from '../../db/schema';
import { AppError } from '../../errors';

export type OwnAssignment = Awaited<ReturnType<typeof findOwnAssignment>>;

/**
 * The caller's own assignment with its item and sample. Another coder's assignment is "not found",
 * exactly like one that does not exist, so ids reveal nothing. `lock` takes the row FOR UPDATE, so
 * one coder's overlapping autosaves apply one after the other. `userId` null finds anyone's (for
 * a supervisor's review, after their own access check).
 */
export async function findOwnAssignment(db: Db, userId: string | null, assignmentId: number, opts: { lock?: boolean } = {}) {
  const query = db
    .select({
      assignment: assignments,
      visualisationId: sampleItems.visualisationId,
      sampleId: samples.id,
      sampleName: samples.name,
      studyId: samples.studyId,
      blind: samples.blind,
    })
    .from(assignments)
    .innerJoin(sampleItems, eq(sampleItems.id, assignments.sampleItemId))
    .innerJoin(samples, eq(samples.id, sampleItems.sampleId))
    .where(userId === null ? eq(assignments.id, assignmentId) : and(eq(assignments.id, assignmentId), eq(assignments.userId, userId)));
  const [row] = opts.lock ? await query.for('update', { of: assignments }) : await query;
  if (!row) throw new AppError('not_found', `You have no assignment ${assignmentId}: it may belong to another coder, or the sample was deleted.`);
  return row;
}
