import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes } from '../../lib/db/schema';
import { addMember } from '../../lib/coding/studies/members';
import { createTestStore, type TestStore } from '../helpers/db';
import { signedInHeaders } from '../helpers/api-auth';
import { makeStudy } from '../helpers/codebook-fixture';

type Handler = (req: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response>;

// The label map and the suggestion setting through their routes: supervisors change them, coders read.
describe('machine-label API', () => {
  let store: TestStore;
  let sup: { headers: Headers; user: { id: string } };
  let coder: { headers: Headers; user: { id: string } };
  let studyId: number;
  let codeId: number;
  let map: Record<string, Handler>;
  let figures: Record<string, Handler>;
  const call = (h: Handler, who: { headers: Headers }, method: string, body?: unknown, query = '') =>
    h(new Request(`http://localhost/api/studies/${studyId}/x${query}`, { method, headers: who.headers, body: body === undefined ? undefined : JSON.stringify(body) }), { params: Promise.resolve({ id: String(studyId) }) });

  beforeAll(async () => {
    store = await createTestStore();
    process.env.DATABASE_URL = store.url;
    process.env.VIZMINE_DATA_DIR = store.dataDir;
    sup = await signedInHeaders(store, { role: 'supervisor' });
    coder = await signedInHeaders(store, { role: 'coder' });
    studyId = await makeStudy(store.db, 'Label map', sup.user.id);
    await addMember(store.db, studyId, sup.user.id, 'supervisor');
    await addMember(store.db, studyId, coder.user.id, 'coder');
    [{ id: codeId }] = await store.db.insert(codes).values({ studyId, name: 'Bars', createdBy: sup.user.id }).returning();
    map = await import('../../app/api/studies/[id]/label-map/route');
    figures = await import('../../app/api/studies/[id]/machine-agreement/route');
  });
  afterAll(async () => {
    const { closeAllDatabases } = await import('../../lib/db/client');
    await closeAllDatabases();
    await store?.close();
  });

  it('a supervisor maps a code; a coder may not; values outside the vocabulary are refused', async () => {
    expect((await call(map.PUT, coder, 'PUT', { codeId, field: 'chartType', value: 'bar' })).status).toBe(403);
    expect((await call(map.PUT, sup, 'PUT', { codeId, field: 'chartType', value: 'bars' })).status).toBe(400);
    expect((await call(map.PUT, sup, 'PUT', { codeId: codeId + 1000, field: 'chartType', value: 'bar' })).status).toBe(404);
    expect((await call(map.PUT, sup, 'PUT', { codeId, field: 'chartType', value: 'bar' })).status).toBe(200);
    const read = await (await call(map.GET, coder, 'GET')).json();
    expect(read).toEqual({ mappings: [{ codeId, field: 'chartType', value: 'bar' }], showMachineSuggestions: false });
    expect((await call(map.PUT, sup, 'PUT', { codeId, field: null })).status).toBe(200);
    expect((await (await call(map.GET, sup, 'GET')).json()).mappings).toEqual([]);
  });

  it('only a supervisor turns suggestions on; a coder reads the machine figures', async () => {
    expect((await call(map.PATCH, coder, 'PATCH', { showMachineSuggestions: true })).status).toBe(403);
    expect((await call(map.PATCH, sup, 'PATCH', { showMachineSuggestions: true })).status).toBe(200);
    expect((await (await call(map.GET, coder, 'GET')).json()).showMachineSuggestions).toBe(true);
    const res = await call(figures.GET, coder, 'GET');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ fields: [], labelled: 0 });
  });
});
