import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { count } from 'drizzle-orm';
import { getDatabase, type Db } from '../db/client';
import { accounts, sessions, users, verifications } from '../db/schema/auth';
import { allowedHostnames } from '../api/allowed-hosts';
import { authSecret } from './secret';
import { trustProxy } from './sign-in-limit';

const SIGN_UP_CLOSED = 'Sign-up is closed: ask an admin of this vizmine to create your account.';

/** Whether the install has no account yet: the next sign-up becomes its admin. */
export async function isFirstAccount(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  return row.n === 0;
}

/**
 * better-auth over our drizzle handle: email + password, our global role as a user field the
 * client cannot set. Public sign-up exists only to create the first account (which becomes admin);
 * after that admins create users (lib/auth/users/create-user.ts).
 */
export function createAuth(db: Db, dataDir: string) {
  return betterAuth({
    appName: 'vizmine',
    secret: authSecret(dataDir),
    // Any port: the app runs wherever PORT says; lib/api/handler.ts refuses hosts not in this list.
    baseURL: { allowedHosts: allowedHostnames().flatMap((h) => [h, `${h}:*`]), fallback: 'http://localhost:3000' },
    trustedOrigins: (req) => {
      const host = req?.headers.get('host');
      return host ? [`http://${host}`, `https://${host}`] : [];
    },
    database: drizzleAdapter(db, { provider: 'pg', usePlural: true, schema: { users, sessions, accounts, verifications } }),
    emailAndPassword: { enabled: true, autoSignIn: true, minPasswordLength: 8 },
    user: { additionalFields: { role: { type: 'string', required: false, defaultValue: 'coder', input: false } } },
    telemetry: { enabled: false },
    // Sign-in is limited by lib/auth/limited-sign-in.ts, per account and per trusted client address;
    // better-auth's limit would keep one bucket for all (anyone could lock everyone out) and trusts a
    // spoofable X-Forwarded-For. Its address comes only from a proxy we are told to trust.
    rateLimit: { customRules: { '/sign-in/email': false, '/sign-up/email': { window: 60, max: 5 } } },
    advanced: trustProxy() ? { ipAddress: { ipAddressHeaders: ['x-forwarded-for'] } } : { ipAddress: { ipAddressHeaders: [], disableIpTracking: true } },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path === '/sign-up/email' && !(await isFirstAccount(db))) {
          throw new APIError('FORBIDDEN', { message: SIGN_UP_CLOSED });
        }
      }),
    },
    databaseHooks: {
      user: {
        create: {
          // The very first account administers the install, whatever created it. Sign-up is checked
          // again here, just before the insert, so two racing first sign-ups cannot both pass.
          before: async (user, ctx) => {
            const first = await isFirstAccount(db);
            if (!first && ctx?.path === '/sign-up/email') throw new APIError('FORBIDDEN', { message: SIGN_UP_CLOSED });
            return { data: { ...user, role: first ? 'admin' : ((user as { role?: string }).role ?? 'coder') } };
          },
        },
      },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;

let shared: Promise<Auth> | null = null;

/** The process-wide auth instance, made on first use from the shared store (no start-up cost for the CLI). */
export function getAuth(): Promise<Auth> {
  shared ??= getDatabase().then((store) => createAuth(store.db, store.dataDir));
  return shared;
}
