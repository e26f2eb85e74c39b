import { asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { users } from '../../db/schema/auth';
import { studies, studyMembers } from '../../db/schema/coding';
import { AppError } from '../../errors';
import type { SessionUser } from '../../auth/session';
import type { Member, StudyDetail } from './schemas';

/** A study with its members (supervisors first). Call requireStudyAccess(…, 'read') before. */
export async function getStudy(db: Db, user: SessionUser, studyId: number): Promise<StudyDetail> {
  const [study] = await db.select().from(studies).where(eq(studies.id, studyId));
  if (!study) throw new AppError('not_found', `There is no study ${studyId}.`);
  const members = await listMembers(db, studyId);
  const mine = members.find((m) => m.userId === user.id);
  return {
    id: study.id,
    name: study.name,
    description: study.description,
    createdAt: study.createdAt,
    createdBy: study.createdBy,
    members,
    openCoding: study.openCoding,
    myRole: mine?.role ?? 'admin',
  };
}

/** A study's members with their names and emails: supervisors first, then by name. */
export async function listMembers(db: Db, studyId: number): Promise<Member[]> {
  return db
    .select({ userId: studyMembers.userId, name: users.name, email: users.email, role: studyMembers.role, accountRole: users.role, addedAt: studyMembers.addedAt })
    .from(studyMembers)
    .innerJoin(users, eq(users.id, studyMembers.userId))
    .where(eq(studyMembers.studyId, studyId))
    .orderBy(desc(sql`${studyMembers.role} = 'supervisor'`), asc(users.name));
}
