import { readJson, route } from '@/lib/api/handler';
import { getDb } from '@/lib/db/client';
import { createUser } from '@/lib/auth/users/create-user';
import { listUsers } from '@/lib/auth/users/list-users';
import { newUserInput } from '@/lib/auth/users/schemas';

export const dynamic = 'force-dynamic';

// GET /api/users — every account (admins manage them; supervisors pick study members from them)
export const GET = route(async () => listUsers(await getDb()), { roles: ['admin', 'supervisor'] });

// POST /api/users — an admin creates an account {name, email, password, role} (public sign-up is closed)
export const POST = route(async (req) => createUser(await getDb(), newUserInput.parse(await readJson(req))), { roles: ['admin'] });
