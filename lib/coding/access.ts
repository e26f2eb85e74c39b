// CONTRACT (to be implemented by the auth/studies work): what a user may do in a study.
import type { Db } from '../db/client';
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
  void db; void user; void studyId; void need;
  throw new Error('requireStudyAccess: not implemented yet');
}
