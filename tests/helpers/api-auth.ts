// Signed-in requests for in-process API tests: a real better-auth user and session cookie.
import crypto from 'node:crypto';
import { createAuth, type Auth } from '../../lib/auth/auth';
import type { SessionUser, UserRole } from '../../lib/auth/session';
import { createUser } from '../../lib/auth/users/create-user';
import type { Database } from '../../lib/db/client';

export const TEST_PASSWORD = 'correct horse battery';

// One secret for the helper's auth instance and the routes' (lib/auth/auth.ts getAuth()), so the
// cookies made here verify there. Set at import, before any route module makes its instance.
process.env.BETTER_AUTH_SECRET ??= 'vizmine-test-secret-' + crypto.randomBytes(8).toString('hex');

const instances = new WeakMap<Database, Auth>();

function authFor(store: Database): Auth {
  let auth = instances.get(store);
  if (!auth) {
    auth = createAuth(store.db, store.dataDir);
    instances.set(store, auth);
  }
  return auth;
}

/**
 * Creates a user with `role` in `store` (as an admin would) and signs them in through better-auth.
 * `headers` carry the session cookie; pass them to a route handler's Request. Set
 * `process.env.DATABASE_URL = store.url` before importing route modules so they read the same DB.
 */
export async function signedInHeaders(
  store: Database,
  opts: { role: UserRole; email?: string; name?: string; password?: string },
): Promise<{ user: SessionUser; headers: Headers }> {
  const email = (opts.email ?? `${opts.role}-${crypto.randomBytes(4).toString('hex')}@example.org`).toLowerCase();
  const name = opts.name ?? `${opts.role[0].toUpperCase()}${opts.role.slice(1)} ${email.split('@')[0]}`;
  const password = opts.password ?? TEST_PASSWORD;
  const created = await createUser(store.db, { name, email, password, role: opts.role });
  const headers = await signIn(store, email, password);
  return { user: { id: created.id, email, name, role: opts.role }, headers };
}

/** Headers with a fresh session cookie for an existing account (throws when sign-in fails). */
export async function signIn(store: Database, email: string, password: string): Promise<Headers> {
  const res = await authFor(store).api.signInEmail({ body: { email, password }, asResponse: true });
  if (!res.ok) throw new Error(`sign-in as ${email} failed: ${res.status} ${await res.text()}`);
  return new Headers({ cookie: cookieHeader(res) });
}

/** The `name=value` pairs of a response's Set-Cookie headers, as a request's Cookie header. */
export function cookieHeader(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}
