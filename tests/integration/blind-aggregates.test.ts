// The blind rule in aggregates: what coder A can learn, through every aggregate route a coder may call,
// about coder B's codings of their shared blind item before A has submitted it. Supervisors keep full counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '../helpers/db';
import { signedInHeaders } from '../helpers/api-auth';
import { importFigures, makeStudy } from './coding-fixtures';

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Codebook = { codes: { id: number; uses: number }[] };
type Agreement = { report: { perCode: { code: string }[]; overall: { items: number } } };
type Saturation = { points: { coded: number; newCodes: number }[] };

describe('blind coding in aggregates', () => {
  let store: TestStore;
  const people: Record<string, Headers> = {};
  const ids: Record<string, string> = {};
  let studyId: number;
  let codeIds: number[];
  let routes: Record<string, Record<string, Handler>>;

  const call = async (h: Handler, who: string, url: string, params: Record<string, string> = {}, method = 'GET', body?: unknown) => {
    const headers = new Headers(people[who]);
    if (body !== undefined) headers.set('content-type', 'application/json');
    const res = await h(new Request(`http://localhost${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }), { params: Promise.resolve(params) });
    expect(res.ok, `${method} ${url} as ${who}: ${res.status}`).toBe(true);
    return res.json();
  };
  const study = { id: '' };
  const codebook = async (who: string) => (await call(routes.codebook.GET, who, `/api/studies/${studyId}/codebook`, study)) as Codebook;
  const usesOf = async (who: string, code: number) => (await codebook(who)).codes.find((c) => c.id === code)!.uses;
  const agreement = async (who: string) => (await call(routes.agreement.GET, who, `/api/agreement?study=${studyId}`)) as Agreement;
  const saturation = async (who: string) => (await call(routes.saturation.GET, who, `/api/studies/${studyId}/codebook/saturation?batch=1`, study)) as Saturation;
  const progress = async (who: string) => (await call(routes.progress.GET, who, `/api/progress?study=${studyId}&batch=1`)) as { funnel: { agreed: number }; saturation: Saturation };
  const queue = async (who: string) => (await call(routes.queue.GET, who, '/api/coding/queue')) as { items: { assignmentId: number }[] };

  beforeAll(async () => {
    store = await createTestStore();
    process.env.DATABASE_URL = store.url;
    for (const [who, role] of [['sup', 'supervisor'], ['ann', 'coder'], ['bob', 'coder']] as const) {
      const s = await signedInHeaders(store, { role, email: `${who}@blind.example.org`, name: who });
      people[who] = s.headers;
      ids[who] = s.user.id;
    }
    await importFigures(store, [2]);
    const made = await makeStudy(store.db, { supervisor: ids.sup, coders: [ids.ann, ids.bob] });
    studyId = made.study.id;
    study.id = String(studyId);
    codeIds = made.codes.map((c) => c.id);
    routes = {
      codebook: await import('../../app/api/studies/[id]/codebook/route'),
      saturation: await import('../../app/api/studies/[id]/codebook/saturation/route'),
      agreement: await import('../../app/api/agreement/route'),
      progress: await import('../../app/api/progress/route'),
      samples: await import('../../app/api/studies/[id]/samples/route'),
      assign: await import('../../app/api/studies/[id]/samples/[sampleId]/assign/route'),
      queue: await import('../../app/api/coding/queue/route'),
      item: await import('../../app/api/coding/assignments/[id]/route'),
      submit: await import('../../app/api/coding/assignments/[id]/submit/route'),
    } as never;
    const sample = (await call(routes.samples.POST, 'sup', `/api/studies/${studyId}/samples`, study, 'POST', { name: 'Both', mode: 'all' })) as { id: number };
    await call(routes.assign.POST, 'sup', `/api/studies/${studyId}/samples/${sample.id}/assign`, { id: study.id, sampleId: String(sample.id) }, 'POST', {
      coderIds: [ids.ann, ids.bob],
      overlapPercent: 100,
      order: 'fixed',
    });
  });
  afterAll(async () => store?.close());

  it("a coder learns nothing of the other coder's draft or submission until they submit the item themselves", async () => {
    const [annFirst] = (await queue('ann')).items;
    const [bobFirst] = (await queue('bob')).items;
    const code = codeIds[1];
    // B saves a draft on the shared blind item: A's codebook counts must not move; the supervisor's do.
    await call(routes.item.PUT, 'bob', `/api/coding/assignments/${bobFirst.assignmentId}`, { id: String(bobFirst.assignmentId) }, 'PUT', { codings: [{ codeId: code }] });
    expect(await usesOf('ann', code)).toBe(0);
    expect(await usesOf('sup', code)).toBe(1);

    // B submits: still nothing for A in the codebook, the agreement's per-code list, saturation or the dashboard.
    await call(routes.submit.POST, 'bob', `/api/coding/assignments/${bobFirst.assignmentId}/submit`, { id: String(bobFirst.assignmentId) }, 'POST');
    expect(await usesOf('ann', code)).toBe(0);
    expect((await agreement('ann')).report.perCode).toEqual([]);
    expect((await saturation('ann')).points).toEqual([]);
    expect((await progress('ann')).saturation.points).toEqual([]);
    // The supervisor sees B's submission everywhere.
    expect((await saturation('sup')).points).toEqual([{ batch: 1, coded: 1, newCodes: 1, totalCodes: 1, endedAt: expect.any(String) }]);
    expect((await agreement('sup')).report.perCode.length).toBeGreaterThan(0);

    // A codes the same item and submits: now both see the item in every aggregate.
    await call(routes.item.PUT, 'ann', `/api/coding/assignments/${annFirst.assignmentId}`, { id: String(annFirst.assignmentId) }, 'PUT', { codings: [{ codeId: code }] });
    expect(await usesOf('ann', code)).toBe(0); // A's own draft is not data either
    await call(routes.submit.POST, 'ann', `/api/coding/assignments/${annFirst.assignmentId}/submit`, { id: String(annFirst.assignmentId) }, 'POST');
    expect(await usesOf('ann', code)).toBe(2);
    expect((await agreement('ann')).report.perCode.length).toBeGreaterThan(0);
    expect((await saturation('ann')).points.map((p) => p.coded)).toEqual([1]);
    expect((await progress('ann')).funnel.agreed).toBe(1);
  });
});
