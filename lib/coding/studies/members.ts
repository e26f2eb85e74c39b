import { and, count, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { users } from '../../db/schema/auth';
import { studyMembers, type StudyRole } from '../../db/schema/coding';
import { AppError } from '../../errors';

/** Adds a user to a study with a role, or changes the role of one who is a member already. */
export async function addMember(db: Db, studyId: number, userId: string, role: StudyRole): Promise<void> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId));
  if (!user) throw new AppError('not_found', 'No such user: pick one from the list of accounts.');
  // Insert-or-change in one step: two adds of the same user at once cannot both insert.
  const added = await db.insert(studyMembers).values({ studyId, userId, role }).onConflictDoNothing().returning({ userId: studyMembers.userId });
  if (!added.length) await setMemberRole(db, studyId, userId, role);
}

/** Changes a member's role; a study keeps at least one supervisor. */
export async function setMemberRole(db: Db, studyId: number, userId: string, role: StudyRole): Promise<void> {
  await db.transaction(async (tx) => {
    const [current] = await tx
      .select({ role: studyMembers.role })
      .from(studyMembers)
      .where(and(eq(studyMembers.studyId, studyId), eq(studyMembers.userId, userId)))
      .for('update');
    if (!current) throw new AppError('not_found', 'That user is not a member of this study.');
    if (current.role === 'supervisor' && role !== 'supervisor') await requireAnotherSupervisor(tx as unknown as Db, studyId);
    await tx.update(studyMembers).set({ role }).where(and(eq(studyMembers.studyId, studyId), eq(studyMembers.userId, userId)));
  });
}

/** Takes a user out of a study (their codings stay); the last supervisor stays. */
export async function removeMember(db: Db, studyId: number, userId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [current] = await tx
      .select({ role: studyMembers.role })
      .from(studyMembers)
      .where(and(eq(studyMembers.studyId, studyId), eq(studyMembers.userId, userId)))
      .for('update');
    if (!current) throw new AppError('not_found', 'That user is not a member of this study.');
    if (current.role === 'supervisor') await requireAnotherSupervisor(tx as unknown as Db, studyId);
    await tx.delete(studyMembers).where(and(eq(studyMembers.studyId, studyId), eq(studyMembers.userId, userId)));
  });
}

async function requireAnotherSupervisor(db: Db, studyId: number): Promise<void> {
  const [row] = await db
    .select({ n: count() })
    .from(studyMembers)
    .where(and(eq(studyMembers.studyId, studyId), eq(studyMembers.role, 'supervisor')));
  if (row.n <= 1) throw new AppError('conflict', 'A study needs at least one supervisor: make someone else supervisor first.');
}

/** Whether the user supervises at least one study (so may pick accounts to add as its members). */
export async function supervisesAnyStudy(db: Db, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ studyId: studyMembers.studyId })
    .from(studyMembers)
    .where(and(eq(studyMembers.userId, userId), eq(studyMembers.role, 'supervisor')))
    .limit(1);
  return row !== undefined;
}
