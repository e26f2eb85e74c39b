// The sign-in limit through the real auth route: a spoofed X-Forwarded-For does not get round it, and
// one person failing on one account does not lock anyone else out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '../helpers/db';
import { signedInHeaders, TEST_PASSWORD } from '../helpers/api-auth';
import { ACCOUNT_LIMIT } from '../../lib/auth/sign-in-limit';

describe('sign-in rate limit', () => {
  let store: TestStore;
  let auth: typeof import('../../app/api/auth/[...all]/route');
  beforeAll(async () => {
    store = await createTestStore();
    process.env.DATABASE_URL = store.url;
    await signedInHeaders(store, { role: 'coder', email: 'victim@example.org' });
    await signedInHeaders(store, { role: 'coder', email: 'bystander@example.org' });
    auth = await import('../../app/api/auth/[...all]/route');
  });
  afterAll(async () => {
    const { closeAllDatabases } = await import('../../lib/db/client');
    await closeAllDatabases();
    await store?.close();
  });

  const signIn = (email: string, password: string, forwardedFor: string) =>
    auth.POST(
      new Request('http://localhost/api/auth/sign-in/email', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
        body: JSON.stringify({ email, password }),
      }),
      undefined as never,
    );

  it('answers 429 once one account has had too many wrong passwords, whatever address each try claims', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await signIn('victim@example.org', `wrong-${i}`, `198.51.100.${i}`)).status);
    expect(statuses.slice(0, ACCOUNT_LIMIT.failures).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(ACCOUNT_LIMIT.failures).every((s) => s === 429)).toBe(true);
    const limited = await signIn('victim@example.org', TEST_PASSWORD, '198.51.100.99');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await limited.json()) as { message: string }).message).toMatch(/Too many failed sign-ins/);
  });

  it('lets every other account sign in meanwhile', async () => {
    const res = await signIn('bystander@example.org', TEST_PASSWORD, '198.51.100.1');
    expect(res.status).toBe(200);
  });
});
