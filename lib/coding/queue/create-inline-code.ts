import type { Db } from '../../db/client';
import type { SessionUser } from '../../auth/session';
import { requireStudyAccess } from '../access';
import { createCode } from '../codebook/create-code';
import { findOwnAssignment } from './find-assignment';

/**
 * Open coding: a coder names a new code while coding an item. It goes through the codebook's own
 * createCode (validation, history), with the item as the reason, so supervisors can trace it.
 */
export async function createInlineCode(db: Db, user: SessionUser, assignmentId: number, input: { name: string; parentId?: number | null; shortDefinition?: string; shortcut?: string | null }) {
  const own = await findOwnAssignment(db, user.id, assignmentId);
  await requireStudyAccess(db, user, own.studyId, 'code');
  const code = await createCode(db, user.id, own.studyId, { ...input, kind: 'code', reason: `Created while coding visualisation ${own.visualisationId} (open coding)` });
  return { id: code.id, name: code.name, path: code.name, colour: code.colour, shortcut: code.shortcut, shortDefinition: code.shortDefinition };
}
