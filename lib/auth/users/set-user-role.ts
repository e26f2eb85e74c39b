import { and, count, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { users } from '../../db/schema/auth';
import { AppError } from '../../errors';
import type { UserRole } from '../session';

/** Changes an account's global role; the install always keeps at least one admin. */
export async function setUserRole(db: Db, userId: string, role: UserRole): Promise<void> {
  await db.transaction(async (tx) => {
    const [user] = await tx.select({ role: users.role }).from(users).where(eq(users.id, userId)).for('update');
    if (!user) throw new AppError('not_found', 'No such user.');
    if (user.role === 'admin' && role !== 'admin') await requireAnotherAdmin(tx as unknown as Db, userId);
    await tx.update(users).set({ role, updatedAt: new Date() }).where(eq(users.id, userId));
  });
}

/** Refuses to take away the last admin (nobody could then manage accounts). */
export async function requireAnotherAdmin(db: Db, userId: string): Promise<void> {
  const [row] = await db.select({ n: count() }).from(users).where(and(eq(users.role, 'admin'), ne(users.id, userId)));
  if (row.n === 0) throw new AppError('conflict', 'This is the only admin: make another user admin first.');
}
