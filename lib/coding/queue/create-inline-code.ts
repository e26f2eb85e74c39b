import type { Db } from '../../db/client';
import type { SessionUser } from '../../auth/session';
import { requireStudyAccess } from '../access';
import { createCode } from '../codebook/create-code';
import { findOwnAssignment } from './find-assignment';
import { codingSettings, mayCreateCodesWhileCoding } from '../studies/open-coding';
import { AppError } from '../../errors';

/**
 * A new code named while coding an item: supervisors may always; coders only when the study allows
 * open coding (studies.openCoding), so a stray Enter cannot grow a closed codebook. It goes through
 * the codebook's own createCode (validation, history), with the item as the reason, so supervisors can trace it.
 */
export async function createInlineCode(db: Db, user: SessionUser, assignmentId: number, input: { name: string; parentId?: number | null; shortDefinition?: string; shortcut?: string | null }) {
  const own = await findOwnAssignment(db, user.id, assignmentId);
  const { role } = await requireStudyAccess(db, user, own.studyId, 'code');
  if (!mayCreateCodesWhileCoding(await codingSettings(db, own.studyId), role)) {
    throw new AppError('forbidden', 'This study does not allow open coding: only its supervisors add codes. Ask one to add the code, or to allow open coding in the study’s settings.');
  }
  const code = await createCode(db, user.id, own.studyId, { ...input, kind: 'code', reason: `Created while coding visualisation ${own.visualisationId} (open coding)` });
  return { id: code.id, name: code.name, path: code.name, colour: code.colour, shortcut: code.shortcut, shortDefinition: code.shortDefinition, definition: code.definition };
}
