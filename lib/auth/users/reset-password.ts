import crypto from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { accounts, sessions, users } from '../../db/schema/auth';
import { AppError } from '../../errors';

/**
 * An admin sets a new password for a user (no email here: the admin passes it on). The old password
 * stops working at once and the user's sessions end, so a leaked session goes with it.
 */
export async function resetPassword(db: Db, userId: string, password: string): Promise<void> {
  const hash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
    if (!user) throw new AppError('not_found', 'No such user.');
    const updated = await tx
      .update(accounts)
      .set({ password: hash, updatedAt: new Date() })
      .where(and(eq(accounts.userId, userId), eq(accounts.providerId, 'credential')))
      .returning({ id: accounts.id });
    if (!updated.length) {
      await tx.insert(accounts).values({ id: crypto.randomUUID(), accountId: userId, providerId: 'credential', userId, password: hash });
    }
    await tx.delete(sessions).where(eq(sessions.userId, userId));
  });
}
