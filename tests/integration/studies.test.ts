import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '../helpers/db';
import { signedInHeaders } from '../helpers/api-auth';
import type { SessionUser } from '../../lib/auth/session';

// Studies and membership through the route handlers, signed in as real better-auth users.
describe('studies and membership', () => {
  let store: TestStore;
  let studiesRoute: typeof import('../../app/api/studies/route');
  let studyRoute: typeof import('../../app/api/studies/[id]/route');
  let membersRoute: typeof import('../../app/api/studies/[id]/members/route');
  let usersRoute: typeof import('../../app/api/users/route');
  let admin: { user: SessionUser; headers: Headers };
  let supervisor: { user: SessionUser; headers: Headers };
  let coder: { user: SessionUser; headers: Headers };
  let outsider: { user: SessionUser; headers: Headers };
  let studyId: number;
  let otherStudyId: number;

  const ctx = (id: number | string) => ({ params: Promise.resolve({ id: String(id) }) });
  const req = (url: string, headers: Headers, method = 'GET', body?: object) =>
    new Request(`http://localhost${url}`, { method, headers, body: body ? JSON.stringify(body) : undefined });

  beforeAll(async () => {
    store = await createTestStore();
    process.env.DATABASE_URL = store.url;
    studiesRoute = await import('../../app/api/studies/route');
    studyRoute = await import('../../app/api/studies/[id]/route');
    membersRoute = await import('../../app/api/studies/[id]/members/route');
    usersRoute = await import('../../app/api/users/route');
    admin = await signedInHeaders(store, { role: 'admin' });
    supervisor = await signedInHeaders(store, { role: 'supervisor', email: 'sue@example.org' });
    coder = await signedInHeaders(store, { role: 'coder', email: 'cody@example.org' });
    outsider = await signedInHeaders(store, { role: 'coder', email: 'olga@example.org' });
  });
  afterAll(async () => {
    const { closeAllDatabases } = await import('../../lib/db/client');
    await closeAllDatabases();
    await store?.close();
  });

  it('lets a supervisor create a study, which makes them its supervisor; a coder may not', async () => {
    const refused = await studiesRoute.POST(req('/api/studies', coder.headers, 'POST', { name: 'Mine' }), undefined as never);
    expect(refused.status).toBe(403);
    const res = await studiesRoute.POST(req('/api/studies', supervisor.headers, 'POST', { name: 'Loss curves', description: 'How people read them' }), undefined as never);
    expect(res.status).toBe(200);
    const study = (await res.json()) as { id: number; myRole: string };
    expect(study.myRole).toBe('supervisor');
    studyId = study.id;
    const other = await studiesRoute.POST(req('/api/studies', admin.headers, 'POST', { name: 'Confusion matrices' }), undefined as never);
    otherStudyId = ((await other.json()) as { id: number }).id;
    expect((await studiesRoute.POST(req('/api/studies', supervisor.headers, 'POST', { name: '  ' }), undefined as never)).status).toBe(400);
  });

  it('lets the supervisor add a coder; the coder may not add members', async () => {
    const add = await membersRoute.POST(req(`/api/studies/${studyId}/members`, supervisor.headers, 'POST', { userId: coder.user.id, role: 'coder' }), ctx(studyId));
    expect(add.status).toBe(200);
    const members = (await add.json()) as { userId: string; role: string; email: string }[];
    expect(members.map((m) => [m.email, m.role])).toEqual([
      ['sue@example.org', 'supervisor'],
      ['cody@example.org', 'coder'],
    ]);
    const byCoder = await membersRoute.POST(req(`/api/studies/${studyId}/members`, coder.headers, 'POST', { userId: outsider.user.id, role: 'coder' }), ctx(studyId));
    expect(byCoder.status).toBe(403);
    const removeByCoder = await membersRoute.DELETE(req(`/api/studies/${studyId}/members?userId=${supervisor.user.id}`, coder.headers, 'DELETE'), ctx(studyId));
    expect(removeByCoder.status).toBe(403);
    // A study supervisor whose account role is coder may list accounts to add members; a plain coder may not.
    const promoted = await membersRoute.POST(req(`/api/studies/${studyId}/members`, supervisor.headers, 'POST', { userId: outsider.user.id, role: 'supervisor' }), ctx(studyId));
    expect(promoted.status).toBe(200);
    expect((await usersRoute.GET(req('/api/users', outsider.headers), undefined as never)).status).toBe(200);
    expect((await usersRoute.GET(req('/api/users', coder.headers), undefined as never)).status).toBe(403);
    await membersRoute.DELETE(req(`/api/studies/${studyId}/members?userId=${outsider.user.id}`, supervisor.headers, 'DELETE'), ctx(studyId));
    expect((await usersRoute.GET(req('/api/users', outsider.headers), undefined as never)).status).toBe(403);
    const unknownUser = await membersRoute.POST(req(`/api/studies/${studyId}/members`, supervisor.headers, 'POST', { userId: 'nobody', role: 'coder' }), ctx(studyId));
    expect(unknownUser.status).toBe(404);
  });

  it('shows a coder only their studies; others are 404', async () => {
    const list = (await (await studiesRoute.GET(req('/api/studies', coder.headers), undefined as never)).json()) as { id: number; myRole: string }[];
    expect(list.map((s) => [s.id, s.myRole])).toEqual([[studyId, 'coder']]);
    expect((await studyRoute.GET(req(`/api/studies/${studyId}`, coder.headers), ctx(studyId))).status).toBe(200);
    const hidden = await studyRoute.GET(req(`/api/studies/${otherStudyId}`, coder.headers), ctx(otherStudyId));
    expect(hidden.status).toBe(404);
    const missing = await studyRoute.GET(req('/api/studies/99999', coder.headers), ctx(99999));
    expect(missing.status).toBe(404);
    // an id past PostgreSQL's integer range is the caller's mistake, not a failed query
    expect((await studyRoute.GET(req('/api/studies/99999999999', coder.headers), ctx('99999999999'))).status).toBe(400);
    // the same message for a study that exists and one that does not: nothing leaks
    expect(((await hidden.json()) as { error: { message: string } }).error.message).toMatch(/or you are not a member/);
    expect((await membersRoute.GET(req(`/api/studies/${otherStudyId}/members`, coder.headers), ctx(otherStudyId))).status).toBe(404);
    const outsiderList = (await (await studiesRoute.GET(req('/api/studies', outsider.headers), undefined as never)).json()) as unknown[];
    expect(outsiderList).toEqual([]);
    // admins see every study, members or not
    const all = (await (await studiesRoute.GET(req('/api/studies', admin.headers), undefined as never)).json()) as { id: number; myRole: string; members: number }[];
    expect(all.map((s) => s.id).sort()).toEqual([studyId, otherStudyId].sort());
    expect(all.find((s) => s.id === studyId)).toMatchObject({ myRole: 'admin', members: 2 });
    const detail = (await (await studyRoute.GET(req(`/api/studies/${studyId}`, admin.headers), ctx(studyId))).json()) as { members: unknown[]; myRole: string };
    expect(detail).toMatchObject({ myRole: 'admin' });
    expect(detail.members).toHaveLength(2);
  });

  it('says what each member may do (requireStudyAccess)', async () => {
    const { requireStudyAccess } = await import('../../lib/coding/access');
    expect(await requireStudyAccess(store.db, coder.user, studyId, 'code')).toEqual({ role: 'coder' });
    await expect(requireStudyAccess(store.db, coder.user, studyId, 'manage')).rejects.toMatchObject({ code: 'forbidden' });
    expect(await requireStudyAccess(store.db, supervisor.user, studyId, 'manage')).toEqual({ role: 'supervisor' });
    expect(await requireStudyAccess(store.db, admin.user, studyId, 'manage')).toEqual({ role: 'admin' });
    await expect(requireStudyAccess(store.db, outsider.user, studyId, 'read')).rejects.toMatchObject({ code: 'not_found' });
    await expect(requireStudyAccess(store.db, admin.user, 99999, 'read')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('changes roles and removes members, keeping one supervisor', async () => {
    const url = `/api/studies/${studyId}/members`;
    const lastSupervisor = await membersRoute.DELETE(req(`${url}?userId=${supervisor.user.id}`, supervisor.headers, 'DELETE'), ctx(studyId));
    expect(lastSupervisor.status).toBe(409);
    const demote = await membersRoute.POST(req(url, admin.headers, 'POST', { userId: supervisor.user.id, role: 'coder' }), ctx(studyId));
    expect(demote.status).toBe(409);
    const promote = await membersRoute.POST(req(url, supervisor.headers, 'POST', { userId: coder.user.id, role: 'supervisor' }), ctx(studyId));
    expect(((await promote.json()) as { role: string }[]).map((m) => m.role)).toEqual(['supervisor', 'supervisor']);
    const removed = await membersRoute.DELETE(req(`${url}?userId=${supervisor.user.id}`, coder.headers, 'DELETE'), ctx(studyId));
    expect(removed.status).toBe(200);
    expect(((await removed.json()) as { email: string }[]).map((m) => m.email)).toEqual(['cody@example.org']);
    // the removed supervisor no longer sees the study
    expect((await studyRoute.GET(req(`/api/studies/${studyId}`, supervisor.headers), ctx(studyId))).status).toBe(404);
  });
});
