import crypto from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { accounts, users } from '../../db/schema/auth';
import { AppError } from '../../errors';
import type { NewUserInput, UserSummary } from './schemas';

/**
 * An account made by an admin (public sign-up is closed after the first one): the user row and
 * its email+password credential, exactly as better-auth's sign-up writes them, so the user signs
 * in through better-auth. The password is hashed by better-auth's own scrypt.
 */
export async function createUser(db: Db, input: NewUserInput): Promise<UserSummary> {
  const email = input.email.toLowerCase();
  const taken = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (taken.length) throw new AppError('conflict', `An account with the email ${email} exists already.`);
  const hash = await hashPassword(input.password);
  const id = crypto.randomUUID();
  return db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ id, name: input.name, email, emailVerified: true, role: input.role })
      .returning({ id: users.id, name: users.name, email: users.email, role: users.role, createdAt: users.createdAt });
    await tx.insert(accounts).values({ id: crypto.randomUUID(), accountId: id, providerId: 'credential', userId: id, password: hash });
    return user;
  });
}
