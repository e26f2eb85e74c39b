// Who is calling, from the request's better-auth session cookie.
import { AppError } from '../errors';
import { getAuth } from './auth';

import { userRoles, type UserRole } from './roles';

export { userRoles, type UserRole };

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: UserRole; // the account's global role; study membership roles are in study_members
}

// One session lookup per request, however many times the handler and route() ask.
const cache = new WeakMap<Request, Promise<SessionUser | null>>();

/** The signed-in user, or null, looked up once per request. */
function currentUser(req: Request): Promise<SessionUser | null> {
  let found = cache.get(req);
  if (!found) {
    found = userFromHeaders(req.headers);
    cache.set(req, found);
  }
  return found;
}

/** The user of a session given by request headers (the cookie), or null. */
export async function userFromHeaders(headers: Headers): Promise<SessionUser | null> {
  if (!headers.get('cookie')) return null;
  const auth = await getAuth();
  const found = await auth.api.getSession({ headers });
  if (!found) return null;
  const { id, email, name, role } = found.user as { id: string; email: string; name: string; role?: string };
  return { id, email, name, role: (userRoles as readonly string[]).includes(role ?? '') ? (role as UserRole) : 'coder' };
}

/** The signed-in user, or AppError('unauthorized') (401). */
export async function requireUser(req: Request): Promise<SessionUser> {
  const user = await currentUser(req);
  if (!user) throw new AppError('unauthorized', 'Sign in first: your session is missing or has expired.');
  return user;
}

/** The signed-in user if their global role is one of `roles`, else 403 (401 without a session). */
export async function requireRole(req: Request, roles: readonly UserRole[]): Promise<SessionUser> {
  const user = await requireUser(req);
  if (!roles.includes(user.role)) throw new AppError('forbidden', `This needs the ${roles.join(' or ')} role; you are a ${user.role}.`);
  return user;
}
