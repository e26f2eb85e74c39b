import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '../helpers/db';
import { cookieHeader, signedInHeaders, signIn } from '../helpers/api-auth';

// Accounts through the real route handlers (better-auth behind route()), in-process.
describe('accounts and sessions', () => {
  let store: TestStore;
  let authRoute: typeof import('../../app/api/auth/[...all]/route');
  let firstAccount: typeof import('../../app/api/auth/first-account/route');
  let stats: typeof import('../../app/api/stats/route');
  let usersRoute: typeof import('../../app/api/users/route');
  let userRoute: typeof import('../../app/api/users/[id]/route');
  const noCtx = undefined as never;

  beforeAll(async () => {
    store = await createTestStore();
    process.env.DATABASE_URL = store.url;
    authRoute = await import('../../app/api/auth/[...all]/route');
    firstAccount = await import('../../app/api/auth/first-account/route');
    stats = await import('../../app/api/stats/route');
    usersRoute = await import('../../app/api/users/route');
    userRoute = await import('../../app/api/users/[id]/route');
  });
  afterAll(async () => {
    const { closeAllDatabases } = await import('../../lib/db/client');
    await closeAllDatabases();
    await store?.close();
  });

  const signUp = (body: object) =>
    authRoute.POST(
      new Request('http://localhost/api/auth/sign-up/email', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      noCtx,
    );
  const signInReq = (email: string, password: string) =>
    authRoute.POST(
      new Request('http://localhost/api/auth/sign-in/email', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) }),
      noCtx,
    );

  it('makes the first account admin, then closes public sign-up with a clear 403', async () => {
    expect(await (await firstAccount.GET(new Request('http://localhost/api/auth/first-account'), noCtx)).json()).toEqual({ needed: true });

    const first = await signUp({ name: 'Ada Admin', email: 'Ada@Example.org', password: 'first-password' });
    expect(first.status).toBe(200);
    const cookie = cookieHeader(first);
    expect(cookie).toContain('session_token=');
    const who = await authRoute.GET(new Request('http://localhost/api/auth/get-session', { headers: { cookie } }), noCtx);
    const session = (await who.json()) as { user: { email: string; role: string } };
    expect(session.user).toMatchObject({ email: 'ada@example.org', role: 'admin' });

    expect(await (await firstAccount.GET(new Request('http://localhost/api/auth/first-account'), noCtx)).json()).toEqual({ needed: false });
    const second = await signUp({ name: 'Eve', email: 'eve@example.org', password: 'second-password' });
    expect(second.status).toBe(403);
    expect(((await second.json()) as { message: string }).message).toMatch(/Sign-up is closed/);
    // the refused account does not exist: signing in with it fails
    expect((await signInReq('eve@example.org', 'second-password')).status).toBe(401);
  });

  it('answers 401 without a session and 200 with one', async () => {
    const anon = await stats.GET(new Request('http://localhost/api/stats'), noCtx);
    expect(anon.status).toBe(401);
    expect(await anon.json()).toEqual({ error: { code: 'unauthorized', message: expect.stringMatching(/Sign in/) } });
    const { headers } = await signedInHeaders(store, { role: 'coder' });
    const ok = await stats.GET(new Request('http://localhost/api/stats', { headers }), noCtx);
    expect(ok.status).toBe(200);
    const bogus = await stats.GET(new Request('http://localhost/api/stats', { headers: { cookie: 'better-auth.session_token=forged.value' } }), noCtx);
    expect(bogus.status).toBe(401);
  });

  it('lets an admin create users, change roles, reset passwords and remove users; others may not', async () => {
    const admin = await signedInHeaders(store, { role: 'admin' });
    const coder = await signedInHeaders(store, { role: 'coder' });
    const post = (headers: Headers, body: object) =>
      usersRoute.POST(new Request('http://localhost/api/users', { method: 'POST', headers, body: JSON.stringify(body) }), noCtx);

    expect((await post(coder.headers, { name: 'X', email: 'x@example.org', password: 'xxxxxxxx', role: 'coder' })).status).toBe(403);
    const created = await post(admin.headers, { name: 'Carol Coder', email: 'carol@example.org', password: 'carol-password', role: 'coder' });
    expect(created.status).toBe(200);
    const carol = (await created.json()) as { id: string; role: string };
    expect(carol.role).toBe('coder');
    expect((await post(admin.headers, { name: 'Carol again', email: 'CAROL@example.org', password: 'carol-password' })).status).toBe(409);

    // Carol signs in with the initial password
    expect((await signInReq('carol@example.org', 'carol-password')).status).toBe(200);
    const carolHeaders = await signIn(store, 'carol@example.org', 'carol-password');

    const patch = (headers: Headers, id: string, body: object) =>
      userRoute.PATCH(new Request(`http://localhost/api/users/${id}`, { method: 'PATCH', headers, body: JSON.stringify(body) }), { params: Promise.resolve({ id }) });
    expect((await patch(coder.headers, carol.id, { password: 'hijacked-pass' })).status).toBe(403);
    expect((await patch(admin.headers, carol.id, { password: 'carol-new-password', role: 'supervisor' })).status).toBe(200);
    // the old password stops working, the new one works, and her old session has ended
    expect((await signInReq('carol@example.org', 'carol-password')).status).toBe(401);
    expect((await signInReq('carol@example.org', 'carol-new-password')).status).toBe(200);
    expect((await stats.GET(new Request('http://localhost/api/stats', { headers: carolHeaders }), noCtx)).status).toBe(401);

    const list = (await (await usersRoute.GET(new Request('http://localhost/api/users', { headers: admin.headers }), noCtx)).json()) as { email: string; role: string }[];
    expect(list.find((u) => u.email === 'carol@example.org')?.role).toBe('supervisor');
    expect((await usersRoute.GET(new Request('http://localhost/api/users', { headers: coder.headers }), noCtx)).status).toBe(403);

    const del = (headers: Headers, id: string) =>
      userRoute.DELETE(new Request(`http://localhost/api/users/${id}`, { method: 'DELETE', headers }), { params: Promise.resolve({ id }) });
    expect((await del(admin.headers, admin.user.id)).status).toBe(409);
    expect((await del(admin.headers, carol.id)).status).toBe(200);
    expect((await signInReq('carol@example.org', 'carol-new-password')).status).toBe(401);
  });

  it('keeps at least one admin', async () => {
    const { user, headers } = await signedInHeaders(store, { role: 'admin' });
    const patch = (id: string, body: object) =>
      userRoute.PATCH(new Request(`http://localhost/api/users/${id}`, { method: 'PATCH', headers, body: JSON.stringify(body) }), { params: Promise.resolve({ id }) });
    // demote every other admin, then the last one cannot demote itself
    const all = (await (await usersRoute.GET(new Request('http://localhost/api/users', { headers }), noCtx)).json()) as { id: string; role: string }[];
    for (const u of all.filter((u) => u.role === 'admin' && u.id !== user.id)) expect((await patch(u.id, { role: 'coder' })).status).toBe(200);
    const last = await patch(user.id, { role: 'coder' });
    expect(last.status).toBe(409);
  });
});
