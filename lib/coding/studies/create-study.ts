import type { Db } from '../../db/client';
import { studies, studyMembers } from '../../db/schema/coding';
import type { SessionUser } from '../../auth/session';
import type { StudyInput, StudySummary } from './schemas';

/** A new study; whoever creates it becomes its supervisor (admins too, so it shows as theirs). */
export async function createStudy(db: Db, user: SessionUser, input: Omit<StudyInput, 'openCoding'> & { openCoding?: boolean }): Promise<StudySummary> {
  return db.transaction(async (tx) => {
    const [study] = await tx.insert(studies).values({ name: input.name, description: input.description, openCoding: input.openCoding ?? false, createdBy: user.id }).returning();
    await tx.insert(studyMembers).values({ studyId: study.id, userId: user.id, role: 'supervisor' });
    return { id: study.id, name: study.name, description: study.description, createdAt: study.createdAt, members: 1, myRole: 'supervisor' };
  });
}
