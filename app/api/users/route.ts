import { readJson, route } from '@/lib/api/handler';
import { requireUser } from '@/lib/auth/session';
import { supervisesAnyStudy } from '@/lib/coding/studies/members';
import { AppError } from '@/lib/errors';
import { getDb } from '@/lib/db/client';
import { createUser } from '@/lib/auth/users/create-user';
import { listUsers } from '@/lib/auth/users/list-users';
import { newUserInput } from '@/lib/auth/users/schemas';

export const dynamic = 'force-dynamic';

// GET /api/users — every account (admins manage them; supervisors, and anyone supervising a study, pick members from them)
export const GET = route(async (req) => {
  const user = await requireUser(req);
  const db = await getDb();
  if (user.role === 'coder' && !(await supervisesAnyStudy(db, user.id))) throw new AppError('forbidden', 'Only admins and study supervisors can list accounts.');
  return listUsers(db);
});

// POST /api/users — an admin creates an account {name, email, password, role} (public sign-up is closed)
export const POST = route(async (req) => createUser(await getDb(), newUserInput.parse(await readJson(req))), { roles: ['admin'] });
