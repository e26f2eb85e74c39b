import { asc } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { users } from '../../db/schema/auth';
import type { UserSummary } from './schemas';

/** Every account, by name: for the admin page and for picking study members. */
export async function listUsers(db: Db): Promise<UserSummary[]> {
  return db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, createdAt: users.createdAt })
    .from(users)
    .orderBy(asc(users.name), asc(users.email));
}
