// The coding API in-process, signed in as real users: queue, autosave, the blind rule enforced by
// the API, concurrent saves of one item by two coders, and other coders' assignments being invisible.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '../helpers/db';
import { signedInHeaders } from '../helpers/api-auth';
import { importFigures, makeStudy } from './coding-fixtures';

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
interface WorkItem {
  assignment: { id: number; status: string; memo: string; flagged: boolean };
  visualisation: { id: number; code: { source: string } | null; contextBefore: { source: string }[] };
  codes: { id: number; name: string; shortcut: string | null }[];
  mine: { codeId: number; region: unknown; memo: string }[];
  otherCoders: number;
  others: { userId: string; status: string; codings: { codeId: number; memo: string }[] }[] | null;
  nextId: number | null;
  readOnly: boolean;
}

describe('coding API', () => {
  let store: TestStore;
  let routes: { samples: { POST: Handler }; assign: { POST: Handler }; queue: { GET: Handler }; item: { GET: Handler; PUT: Handler }; submit: { POST: Handler }; reopen: { POST: Handler }; codes: { POST: Handler } };
  const people: Record<string, Headers> = {};
  const ids: Record<string, string> = {};
  let codeIds: number[];
  let studyId: number;

  const call = async (h: Handler, who: string, url: string, params: Record<string, string>, method = 'GET', body?: unknown) => {
    const headers = new Headers(people[who]);
    if (body !== undefined) headers.set('content-type', 'application/json');
    const res = await h(new Request(`http://localhost${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }), { params: Promise.resolve(params) });
    return { status: res.status, body: await res.json(), text: '' };
  };
  const getItem = (who: string, id: number) => call(routes.item.GET, who, `/api/coding/assignments/${id}`, { id: String(id) });
  const save = (who: string, id: number, body: unknown) => call(routes.item.PUT, who, `/api/coding/assignments/${id}`, { id: String(id) }, 'PUT', body);
  const submit = (who: string, id: number) => call(routes.submit.POST, who, `/api/coding/assignments/${id}/submit`, { id: String(id) }, 'POST');
  const queueOf = async (who: string) => (await call(routes.queue.GET, who, '/api/coding/queue', {})).body as { items: { assignmentId: number; visualisationId: number; status: string; codings: number }[]; samples: { done: number; left: number; total: number }[]; nextPendingId: number };

  beforeAll(async () => {
    store = await createTestStore();
    process.env.DATABASE_URL = store.url;
    for (const [who, role] of [['sup', 'supervisor'], ['ann', 'coder'], ['bob', 'coder'], ['eve', 'coder']] as const) {
      const s = await signedInHeaders(store, { role, email: `${who}@example.org`, name: who });
      people[who] = s.headers;
      ids[who] = s.user.id;
    }
    await importFigures(store, [6]);
    const made = await makeStudy(store.db, { supervisor: ids.sup, coders: [ids.ann, ids.bob, ids.eve] });
    studyId = made.study.id;
    codeIds = made.codes.map((c) => c.id);
    routes = {
      samples: await import('../../app/api/studies/[id]/samples/route'),
      assign: await import('../../app/api/studies/[id]/samples/[sampleId]/assign/route'),
      queue: await import('../../app/api/coding/queue/route'),
      item: await import('../../app/api/coding/assignments/[id]/route'),
      submit: await import('../../app/api/coding/assignments/[id]/submit/route'),
      reopen: await import('../../app/api/coding/assignments/[id]/reopen/route'),
      codes: await import('../../app/api/coding/assignments/[id]/codes/route'),
    } as never;
    const sample = await call(routes.samples.POST, 'sup', `/api/studies/${studyId}/samples`, { id: String(studyId) }, 'POST', { name: 'All six', mode: 'all' });
    expect(sample.status).toBe(201);
    const assigned = await call(routes.assign.POST, 'sup', `/api/studies/${studyId}/samples/${sample.body.id}/assign`, { id: String(studyId), sampleId: String(sample.body.id) }, 'POST', {
      coderIds: [ids.ann, ids.bob],
      overlapPercent: 100,
      order: 'fixed',
    });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ assignments: 12, doubleCoded: 6 });
  });
  afterAll(async () => store?.close());

  it('a coder may not create or assign samples', async () => {
    const r = await call(routes.samples.POST, 'ann', `/api/studies/${studyId}/samples`, { id: String(studyId) }, 'POST', { name: 'x', mode: 'all' });
    expect(r.status).toBe(403);
  });

  it('lists my queue with done/left, and the item with its code and markdown context', async () => {
    const q = await queueOf('ann');
    expect(q.items).toHaveLength(6);
    expect(q.samples[0]).toMatchObject({ total: 6, done: 0, left: 6 });
    expect(q.nextPendingId).toBe(q.items[0].assignmentId);
    const item = await getItem('ann', q.items[0].assignmentId);
    expect(item.status).toBe(200);
    const body = item.body as WorkItem;
    expect(body.visualisation.code?.source).toContain('plt.plot');
    expect(body.visualisation.contextBefore[0].source).toContain('Some **context**');
    expect(body.codes.map((c) => c.name)).toEqual(['Loss curve', 'Confusion matrix', 'Distribution']);
    expect(body.nextId).toBe(q.items[1].assignmentId);
    expect((await queueOf('eve')).items).toHaveLength(0);
  });

  it("a coder cannot open another coder's assignment (404)", async () => {
    const annFirst = (await queueOf('ann')).items[0].assignmentId;
    const r = await getItem('eve', annFirst);
    expect(r.status).toBe(404);
    const w = await save('bob', annFirst, { codings: [{ codeId: codeIds[0] }] });
    expect(w.status).toBe(404);
  });

  it('blind: B cannot read A’s codings of a double-coded item until both submitted; a supervisor can', async () => {
    const a = (await queueOf('ann')).items[1];
    const b = (await queueOf('bob')).items.find((i) => i.visualisationId === a.visualisationId)!;
    const saved = await save('ann', a.assignmentId, { codings: [{ codeId: codeIds[0], memo: 'ANN-SECRET-MEMO' }, { codeId: codeIds[1], region: { x: 0.1, y: 0.2, w: 0.3, h: 0.4 } }], memo: 'ann item memo', flagged: true });
    expect(saved.status).toBe(200);
    expect(saved.body.mine).toHaveLength(2);
    expect((await submit('ann', a.assignmentId)).status).toBe(200);

    const before = await call(routes.item.GET, 'bob', '', { id: String(b.assignmentId) });
    expect(before.status).toBe(200);
    expect(before.body.others).toBeNull();
    expect(before.body.otherCoders).toBe(1);
    expect(JSON.stringify(before.body)).not.toContain('ANN-SECRET-MEMO');
    // A's own view is blind too: B has not submitted.
    expect((await getItem('ann', a.assignmentId)).body.others).toBeNull();
    // The supervisor (not coding it) reviews A's item with everything.
    const review = await getItem('sup', a.assignmentId);
    expect(review.status).toBe(200);
    expect(review.body).toMatchObject({ readOnly: true, others: [{ userId: ids.bob, codings: [] }] });
    expect(review.body.mine.map((m: { memo: string }) => m.memo)).toContain('ANN-SECRET-MEMO');

    await save('bob', b.assignmentId, { codings: [{ codeId: codeIds[2] }] });
    expect((await submit('bob', b.assignmentId)).status).toBe(200);
    const after = (await getItem('bob', b.assignmentId)).body as WorkItem;
    expect(after.others).toHaveLength(1);
    expect(after.others![0].codings.map((c) => c.memo)).toContain('ANN-SECRET-MEMO');
    expect((await getItem('ann', a.assignmentId)).body.others[0].codings.map((c: { codeId: number }) => c.codeId)).toEqual([codeIds[2]]);

    // Reopening makes the item blind again for both.
    const reopened = await call(routes.reopen.POST, 'bob', '', { id: String(b.assignmentId) }, 'POST');
    expect(reopened.body.status).toBe('pending');
    expect((await getItem('ann', a.assignmentId)).body.others).toBeNull();
  });

  it('two coders saving the same item at the same moment lose nothing', async () => {
    const a = (await queueOf('ann')).items[2];
    const b = (await queueOf('bob')).items.find((i) => i.visualisationId === a.visualisationId)!;
    for (let round = 0; round < 5; round++) {
      const results = await Promise.all([
        save('ann', a.assignmentId, { codings: [{ codeId: codeIds[0], memo: `ann ${round}` }, { codeId: codeIds[1] }], memo: `ann memo ${round}` }),
        save('bob', b.assignmentId, { codings: [{ codeId: codeIds[2], memo: `bob ${round}` }], memo: `bob memo ${round}` }),
        // One coder's own overlapping autosaves apply in turn under the row lock.
        save('ann', a.assignmentId, { codings: [{ codeId: codeIds[0], memo: `ann ${round}` }, { codeId: codeIds[1] }], memo: `ann memo ${round}` }),
      ]);
      expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    }
    const annView = (await getItem('ann', a.assignmentId)).body as WorkItem;
    const bobView = (await getItem('bob', b.assignmentId)).body as WorkItem;
    expect(annView.mine.map((m) => [m.codeId, m.memo])).toEqual([[codeIds[0], 'ann 4'], [codeIds[1], '']]);
    expect(annView.assignment.memo).toBe('ann memo 4');
    expect(bobView.mine.map((m) => [m.codeId, m.memo])).toEqual([[codeIds[2], 'bob 4']]);
  });

  it('refuses codes of other studies, bad regions, and edits after submit', async () => {
    const q = await queueOf('ann');
    const id = q.items[3].assignmentId;
    expect((await save('ann', id, { codings: [{ codeId: 999999 }] })).status).toBe(400);
    expect((await save('ann', id, { codings: [{ codeId: codeIds[0], region: { x: 0.8, y: 0, w: 0.5, h: 0.5 } }] })).status).toBe(400);
    await submit('ann', id);
    const r = await save('ann', id, { codings: [] });
    expect(r.status).toBe(409);
    expect(r.body.error.message).toMatch(/reopen/);
  });

  it('skip is not a submission: the item stays blind, the queue counts it, and the answer names the next pending item', async () => {
    const skip: Handler = (await import('../../app/api/coding/assignments/[id]/skip/route')).POST as never;
    const bobItems = (await queueOf('bob')).items;
    const target = bobItems[5];
    const annSame = (await queueOf('ann')).items.find((i) => i.visualisationId === target.visualisationId)!;
    await submit('ann', annSame.assignmentId);
    const r = await call(skip, 'bob', '', { id: String(target.assignmentId) }, 'POST');
    expect(r.body).toMatchObject({ status: 'skipped', nextPendingId: bobItems[0].assignmentId });
    expect((await getItem('ann', annSame.assignmentId)).body.others).toBeNull();
    const q = await call(routes.queue.GET, 'bob', `/api/coding/queue?studyId=${studyId}`, {});
    expect(q.body.samples[0]).toMatchObject({ total: 6, skipped: 1 });
    expect((await call(routes.queue.GET, 'bob', '/api/coding/queue?studyId=999', {})).body.items).toHaveLength(0);
  });

  it('creates a code inline only when the study allows open coding (a supervisor turns it on); then it can be applied at once', async () => {
    const id = (await queueOf('ann')).items[4].assignmentId;
    expect((await getItem('ann', id)).body.canCreateCodes).toBe(false);
    const refused = await call(routes.codes.POST, 'ann', '', { id: String(id) }, 'POST', { name: 'Feature importance' });
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'forbidden', message: expect.stringContaining('This study does not allow open coding: only its supervisors add codes.') } } });
    const study = await import('../../app/api/studies/[id]/route');
    const patch = (who: string, body: unknown) => call(study.PATCH as never, who, `/api/studies/${studyId}`, { id: String(studyId) }, 'PATCH', body);
    expect((await patch('ann', { openCoding: true })).status).toBe(403); // coders cannot open it themselves
    expect((await patch('sup', { openCoding: 'yes' })).status).toBe(400);
    expect(await patch('sup', { openCoding: true })).toMatchObject({ status: 200, body: { id: studyId, openCoding: true } });
    expect((await call(study.GET as never, 'ann', `/api/studies/${studyId}`, { id: String(studyId) })).body.openCoding).toBe(true);
    expect((await getItem('ann', id)).body.canCreateCodes).toBe(true);
    const made = await call(routes.codes.POST, 'ann', '', { id: String(id) }, 'POST', { name: 'Feature importance' });
    expect(made.status).toBe(201);
    expect((await save('ann', id, { codings: [{ codeId: made.body.id }] })).status).toBe(200);
    expect((await getItem('ann', id)).body.codes.map((c: { name: string }) => c.name)).toContain('Feature importance');
    const q = await queueOf('ann');
    expect(q.samples[0]).toMatchObject({ done: 3, left: 3 });
    expect(q.items.find((i) => i.assignmentId === id)?.codings).toBe(1);
  });
});
