import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { studies, studyMembers } from '../../db/schema/coding';
import type { SessionUser } from '../../auth/session';
import type { StudySummary } from './schemas';

/** The studies a user may see: every study for admins, otherwise only those they are a member of. */
export async function listStudiesFor(db: Db, user: SessionUser): Promise<StudySummary[]> {
  const mine = db
    .select({ studyId: studyMembers.studyId, role: studyMembers.role })
    .from(studyMembers)
    .where(eq(studyMembers.userId, user.id))
    .as('mine');
  const memberCount = sql<number>`(select count(*)::int from ${studyMembers} m where m.study_id = ${studies.id})`;
  const query = db
    .select({ id: studies.id, name: studies.name, description: studies.description, createdAt: studies.createdAt, members: memberCount, role: mine.role })
    .from(studies)
    .orderBy(desc(studies.createdAt), desc(studies.id));
  const rows = user.role === 'admin' ? await query.leftJoin(mine, eq(mine.studyId, studies.id)) : await query.innerJoin(mine, eq(mine.studyId, studies.id));
  return rows.map(({ role, ...s }) => ({ ...s, myRole: role ?? 'admin' }));
}
