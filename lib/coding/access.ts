// What a user may do in a study.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { studies, studyMembers } from '../db/schema/coding';
import { AppError } from '../errors';
import type { SessionUser } from '../auth/session';

/**
 * read   — see the study, its codebook and samples (any member; admins everywhere)
 * code   — code items assigned to oneself (coder or supervisor member)
 * manage — change the codebook, samples, members, record consensus (supervisor member, or admin)
 * Throws AppError not_found when the study does not exist or the user is not a member (so a coder
 * cannot even learn that another study exists), forbidden when a member lacks the need.
 */
export type StudyNeed = 'read' | 'code' | 'manage';

export async function requireStudyAccess(db: Db, user: SessionUser, studyId: number, need: StudyNeed): Promise<{ role: 'admin' | 'supervisor' | 'coder' }> {
  const [row] = await db
    .select({ id: studies.id, role: studyMembers.role })
    .from(studies)
    .leftJoin(studyMembers, and(eq(studyMembers.studyId, studies.id), eq(studyMembers.userId, user.id)))
    .where(eq(studies.id, studyId));
  const notFound = new AppError('not_found', `There is no study ${studyId}, or you are not a member of it.`);
  if (!row) throw notFound;
  if (user.role === 'admin') return { role: 'admin' };
  if (!row.role) throw notFound;
  if (need === 'manage' && row.role !== 'supervisor') throw new AppError('forbidden', 'Only the study\'s supervisors can do this.');
  return { role: row.role };
}
