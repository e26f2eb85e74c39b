import { readJson, route } from '@/lib/api/handler';
import { requireUser } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { removeUser } from '@/lib/auth/users/remove-user';
import { resetPassword } from '@/lib/auth/users/reset-password';
import { setUserRole } from '@/lib/auth/users/set-user-role';
import { userChangeInput } from '@/lib/auth/users/schemas';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

// PATCH /api/users/:id — an admin changes a user's role and/or sets a new password (ends their sessions)
export const PATCH = route(
  async (req, { params }: Ctx) => {
    const { id } = await params;
    const change = userChangeInput.parse(await readJson(req));
    const db = await getDb();
    if (change.role) await setUserRole(db, id, change.role);
    if (change.password) await resetPassword(db, id, change.password);
    return { updated: true };
  },
  { roles: ['admin'] },
);

// DELETE /api/users/:id — an admin removes an account and its study memberships
export const DELETE = route(
  async (req, { params }: Ctx) => {
    await removeUser(await getDb(), (await params).id, (await requireUser(req)).id);
    return { removed: true };
  },
  { roles: ['admin'] },
);
