import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { createTestStore, type TestStore } from '../helpers/db';
import { signedInHeaders } from '../helpers/api-auth';
import { addMember } from '../../lib/coding/studies/members';
import { importFigures, makeSample, makeStudy, submitCoding } from '../helpers/codebook-fixture';
import { validateWithXmllint } from '../helpers/xmllint';

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

describe('codebook API', () => {
  let store: TestStore;
  let sup: { user: { id: string }; headers: Headers };
  let coder: { user: { id: string; name: string }; headers: Headers };
  let outsider: { user: { id: string }; headers: Headers };
  let studyId: number;
  let api: Record<string, Record<string, Handler>>;

  beforeAll(async () => {
    store = await createTestStore();
    process.env.DATABASE_URL = store.url;
    process.env.VIZMINE_DATA_DIR = store.dataDir;
    sup = await signedInHeaders(store, { role: 'supervisor', name: 'Sue Pervisor' });
    coder = await signedInHeaders(store, { role: 'coder' });
    outsider = await signedInHeaders(store, { role: 'supervisor' });
    studyId = await makeStudy(store.db, 'API study', sup.user.id);
    await addMember(store.db, studyId, sup.user.id, 'supervisor');
    await addMember(store.db, studyId, coder.user.id, 'coder');
    const base = '../../app/api/studies/[id]';
    api = {
      codebook: await import(`${base}/codebook/route`),
      code: await import(`${base}/codebook/[codeId]/route`),
      move: await import(`${base}/codebook/[codeId]/move/route`),
      split: await import(`${base}/codebook/[codeId]/split/route`),
      codings: await import(`${base}/codebook/[codeId]/codings/route`),
      merge: await import(`${base}/codebook/merge/route`),
      history: await import(`${base}/codebook/history/route`),
      compare: await import(`${base}/codebook/compare/route`),
      saturation: await import(`${base}/codebook/saturation/route`),
      import: await import(`${base}/codebook/import/route`),
      csv: await import(`${base}/export/codebook.csv/route`),
      qdc: await import(`${base}/export/codebook.qdc/route`),
      qdpx: await import(`${base}/export/project.qdpx/route`),
    };
  });
  afterAll(async () => {
    const { closeAllDatabases } = await import('../../lib/db/client');
    await closeAllDatabases();
    await store?.close();
  });

  const call = async (who: { headers: Headers }, h: Handler, path: string, init: { method?: string; body?: unknown; raw?: string; codeId?: number } = {}) => {
    const headers = new Headers(who.headers);
    if (init.body !== undefined) headers.set('content-type', 'application/json');
    const req = new Request(`http://localhost/api/studies/${studyId}/${path}`, { method: init.method ?? 'GET', headers, body: init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body)) });
    return h(req, { params: Promise.resolve({ id: String(studyId), ...(init.codeId ? { codeId: String(init.codeId) } : {}) }) });
  };
  const json = async (res: Response) => ({ status: res.status, body: await res.json() });

  it('lets supervisors build the codebook and coders read it; outsiders see nothing', async () => {
    const cat = await json(await call(sup, api.codebook.POST, 'codebook', { method: 'POST', body: { name: 'Chart', kind: 'category' } }));
    expect(cat.status).toBe(200);
    const bar = await json(await call(sup, api.codebook.POST, 'codebook', { method: 'POST', body: { name: 'Bar', parentId: cat.body.id, shortcut: 'b' } }));
    const line = await json(await call(sup, api.codebook.POST, 'codebook', { method: 'POST', body: { name: 'Line', shortcut: 'l' } }));
    const clash = await json(await call(sup, api.codebook.POST, 'codebook', { method: 'POST', body: { name: 'Bars', shortcut: 'b' } }));
    expect(clash).toMatchObject({ status: 409, body: { error: { code: 'conflict', message: expect.stringContaining('already used by code “Bar”') } } });
    // A key the coding workspace uses itself is refused, saying what it does there.
    const flag = await json(await call(sup, api.codebook.POST, 'codebook', { method: 'POST', body: { name: 'Flagged', shortcut: 'f' } }));
    expect(flag).toMatchObject({ status: 400, body: { error: { code: 'bad_request', message: 'The key “f” is taken by the coding workspace: it means “flag / unflag the item”. Choose another key.' } } });
    const skip = await json(await call(sup, api.code.PATCH, `codebook/${line.body.id}`, { method: 'PATCH', body: { shortcut: 's' }, codeId: line.body.id }));
    expect(skip).toMatchObject({ status: 400, body: { error: { message: expect.stringContaining('it means “skip to the next pending item”') } } });

    expect((await call(coder, api.codebook.POST, 'codebook', { method: 'POST', body: { name: 'Mine' } })).status).toBe(403);
    expect((await call(outsider, api.codebook.GET, 'codebook')).status).toBe(404);
    const read = await json(await call(coder, api.codebook.GET, 'codebook'));
    expect(read.body.tree.map((n: { name: string; children: { name: string }[] }) => [n.name, n.children.map((c) => c.name)])).toEqual([
      ['Chart', ['Bar']],
      ['Line', []],
    ]);
    const t1 = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));

    expect((await json(await call(sup, api.code.PATCH, `codebook/${bar.body.id}`, { method: 'PATCH', codeId: bar.body.id, body: { name: 'Bar chart', reason: 'clearer' } }))).body.name).toBe('Bar chart');
    expect((await json(await call(sup, api.move.POST, `codebook/${line.body.id}/move`, { method: 'POST', codeId: line.body.id, body: { parentId: cat.body.id } }))).body.parentId).toBe(cat.body.id);
    const noReason = await json(await call(sup, api.code.DELETE, `codebook/${line.body.id}`, { method: 'DELETE', codeId: line.body.id, body: { reason: '' } }));
    expect(noReason.status).toBe(400);
    expect((await json(await call(sup, api.code.DELETE, `codebook/${line.body.id}`, { method: 'DELETE', codeId: line.body.id, body: { reason: 'rare' } }))).body.deprecated).toHaveLength(1);

    const asOf = await json(await call(coder, api.codebook.GET, `codebook?at=${encodeURIComponent(t1)}`));
    expect(asOf.body.codes.map((c: { name: string; status: string }) => `${c.name}:${c.status}`).sort()).toEqual(['Bar:active', 'Chart:active', 'Line:active']);
    const diff = await json(await call(coder, api.compare.GET, `codebook/compare?at=${encodeURIComponent(t1)}`));
    expect(diff.body.changed.map((c: { path: string[]; changes: { field: string }[] }) => [c.path.join('/'), c.changes.map((f) => f.field)])).toEqual([
      ['Chart/Bar chart', ['name']],
      ['Chart/Line', ['parent', 'status']],
    ]);
    expect((await json(await call(coder, api.compare.GET, 'codebook/compare?at=yesterday'))).status).toBe(400);

    const history = await json(await call(coder, api.history.GET, 'codebook/history'));
    expect(history.body.changes.map((c: { action: string }) => c.action)).toEqual(['deprecate', 'move', 'rename', 'create', 'create', 'create']);
    expect(history.body.changes[2]).toMatchObject({ reason: 'clearer', userName: 'Sue Pervisor' });
  });

  it('merges and splits through the API, and reports saturation', async () => {
    const vis = await importFigures(store.db, store.blobDir, [[60, 40], [61, 40]], { name: 'api' });
    const items = await makeSample(store.db, studyId, vis);
    const a = (await json(await call(sup, api.codebook.POST, 'codebook', { method: 'POST', body: { name: 'Loss curve' } }))).body;
    const b = (await json(await call(sup, api.codebook.POST, 'codebook', { method: 'POST', body: { name: 'Training curve' } }))).body;
    const [c1] = await submitCoding(store.db, items[0], coder.user.id, new Date('2026-01-01T00:00:00Z'), [b.id]);
    await submitCoding(store.db, items[1], coder.user.id, new Date('2026-01-02T00:00:00Z'), [a.id]);
    const merged = await json(await call(sup, api.merge.POST, 'codebook/merge', { method: 'POST', body: { survivorId: a.id, mergedIds: [b.id], reason: 'same' } }));
    expect(merged.body).toMatchObject({ codingsMoved: 1, duplicatesCollapsed: 0 });
    const listed = await json(await call(sup, api.codings.GET, `codebook/${a.id}/codings`, { codeId: a.id }));
    expect(listed.body.codings.map((c: { id: number; visualisationId: number; consensus: boolean }) => [c.visualisationId, c.consensus]).sort()).toEqual([
      [vis[0], false],
      [vis[1], false],
    ]);
    expect(listed.body.codings.find((c: { id: number }) => c.id === c1).userName).toBe(coder.user.name);
    expect((await call(coder, api.codings.GET, `codebook/${a.id}/codings`, { codeId: a.id })).status).toBe(403);
    const split = await json(await call(sup, api.split.POST, `codebook/${a.id}/split`, { method: 'POST', codeId: a.id, body: { reason: 'two kinds', keepOriginal: true, into: [{ name: 'Train loss', codingIds: [c1] }] } }));
    expect(split.body).toMatchObject({ codingsMoved: 1, original: { status: 'active' } });
    const sat = await json(await call(coder, api.saturation.GET, 'codebook/saturation?batch=1'));
    expect(sat.body).toEqual({
      batchSize: 1,
      points: [
        { batch: 1, coded: 1, newCodes: 1, totalCodes: 1, endedAt: '2026-01-01T00:00:00.000Z' },
        { batch: 2, coded: 1, newCodes: 1, totalCodes: 2, endedAt: '2026-01-02T00:00:00.000Z' },
      ],
    });
  });

  it('exports CSV, .qdc and .qdpx as attachments and imports a .qdc back', async () => {
    const csv = await call(coder, api.csv.GET, 'export/codebook.csv');
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="study-${studyId}-codebook.csv"`);
    expect((await csv.text()).split('\r\n')[0]).toBe('path,kind,name,short_definition,definition,when_to_use,when_not_to_use,colour,shortcut,status');
    const qdcRes = await call(coder, api.qdc.GET, 'export/codebook.qdc');
    expect(qdcRes.headers.get('content-disposition')).toContain('.qdc');
    const qdc = await qdcRes.text();
    expect(validateWithXmllint(qdc, 'Codebook.xsd').ok).toBe(true);

    expect((await call(coder, api.qdpx.GET, 'export/project.qdpx')).status).toBe(403);
    const qdpx = await call(sup, api.qdpx.GET, 'export/project.qdpx');
    expect(qdpx.headers.get('content-type')).toBe('application/zip');
    const zip = unzipSync(new Uint8Array(await qdpx.arrayBuffer()));
    expect(Object.keys(zip).filter((k) => k.startsWith('Sources/'))).toHaveLength(2);
    expect(validateWithXmllint(strFromU8(zip['project.qde']), 'Project-mrt2019.xsd').ok).toBe(true);

    // Into an empty study: the same codebook comes back.
    const other = await makeStudy(store.db, 'Imported', sup.user.id);
    await addMember(store.db, other, sup.user.id, 'supervisor');
    const res = await api.import.POST(new Request(`http://localhost/api/studies/${other}/codebook/import?reason=from%20pilot`, { method: 'POST', headers: sup.headers, body: qdc }), { params: Promise.resolve({ id: String(other) }) });
    const imported = await json(res);
    const today = (await json(await call(coder, api.codebook.GET, 'codebook'))).body.codes.filter((c: { status: string }) => c.status !== 'merged');
    expect(imported.body).toEqual({ created: today.length, updated: 0, unchanged: 0 });
    const bad = await api.import.POST(new Request(`http://localhost/api/studies/${other}/codebook/import`, { method: 'POST', headers: sup.headers, body: '<CodeBook>' }), { params: Promise.resolve({ id: String(other) }) });
    expect(bad.status).toBe(400);
  });
});
