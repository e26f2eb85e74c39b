// CONTRACT (to be implemented by the auth work): who is calling, from the request's session.
import { AppError } from '../errors';

export const userRoles = ['admin', 'supervisor', 'coder'] as const;
export type UserRole = (typeof userRoles)[number];

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: UserRole; // the account's global role; study membership roles are in study_members
}

/** The signed-in user, or AppError('unauthorized') (401). */
export async function requireUser(req: Request): Promise<SessionUser> {
  void req;
  throw new AppError('unauthorized', 'Sign in first.');
}

/** The signed-in user if their global role is one of `roles`, else 403 (401 without a session). */
export async function requireRole(req: Request, roles: readonly UserRole[]): Promise<SessionUser> {
  const user = await requireUser(req);
  if (!roles.includes(user.role)) throw new AppError('forbidden', `This needs the ${roles.join(' or ')} role.`);
  return user;
}
