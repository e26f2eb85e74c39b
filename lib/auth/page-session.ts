import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { userFromHeaders, type SessionUser, type UserRole } from './session';

/**
 * For server pages: the signed-in user, else a redirect to sign-in (the proxy only saw a cookie;
 * this checks that it is a live session). With `roles`, other users get null: the page says so.
 */
export async function pageUser(path: string): Promise<SessionUser>;
export async function pageUser(path: string, roles: readonly UserRole[]): Promise<SessionUser | null>;
export async function pageUser(path: string, roles?: readonly UserRole[]): Promise<SessionUser | null> {
  const user = await userFromHeaders(await headers());
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  if (roles && !roles.includes(user.role)) return null;
  return user;
}

/**
 * For server pages only some roles may open: the user, or a redirect to /not-allowed, which names
 * the page, the roles it needs and the user's own. The API refuses these users too (route()'s roles);
 * this spares them a page whose every action would answer 403.
 */
export async function requirePageRole(path: string, roles: readonly UserRole[]): Promise<SessionUser> {
  const user = await pageUser(path, roles);
  if (!user) redirect(`/not-allowed?page=${encodeURIComponent(path)}&need=${roles.join(',')}`);
  return user;
}
