import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { users } from '../../db/schema/auth';
import { studyMembers } from '../../db/schema/coding';
import { AppError } from '../../errors';
import { requireAnotherAdmin } from './set-user-role';

/**
 * Removes an account: its sessions and credentials (cascade) and its study memberships. Codings it
 * made stay (they are research data, kept under the user id). Nobody removes themselves or the last admin.
 */
export async function removeUser(db: Db, userId: string, byUserId: string): Promise<void> {
  if (userId === byUserId) throw new AppError('conflict', 'You cannot remove your own account; ask another admin.');
  await db.transaction(async (tx) => {
    const [user] = await tx.select({ role: users.role }).from(users).where(eq(users.id, userId)).for('update');
    if (!user) throw new AppError('not_found', 'No such user.');
    if (user.role === 'admin') await requireAnotherAdmin(tx as unknown as Db, userId);
    await tx.delete(studyMembers).where(eq(studyMembers.userId, userId));
    await tx.delete(users).where(eq(users.id, userId));
  });
}
