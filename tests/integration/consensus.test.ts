import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreementReport, type AgreementReport } from '../../lib/agreement/codings-report';
import { readCodingsCsv } from '../../lib/agreement/read-codings';
import { exportCodings } from '../../lib/coding/export-codings';
import { codings, consensusCodings } from '../../lib/db/schema';
import { createTestStore, type TestStore } from '../helpers/db';
import { signedInHeaders } from '../helpers/api-auth';
import { codeItem, seedStudy, type SeededStudy } from './agreement-page-fixtures';

type Ctx = { params: Promise<{ sampleItemId: string }> };

// Consensus through the real route handlers, signed in: who may record it, and that it stays apart
// from the individual codings agreement is computed from.
describe('consensus: permissions and separation', () => {
  let store: TestStore;
  let s: SeededStudy;
  let itemRoute: typeof import('../../app/api/agreement/items/[sampleItemId]/route');
  let consensusRoute: typeof import('../../app/api/agreement/items/[sampleItemId]/consensus/route');
  let agreementRoute: typeof import('../../app/api/agreement/route');
  let disagreementsRoute: typeof import('../../app/api/agreement/disagreements/route');
  let csvRoute: typeof import('../../app/api/studies/[id]/codings.csv/route');
  let jsonRoute: typeof import('../../app/api/studies/[id]/codings.json/route');
  const as: Record<string, { id: string; headers: Headers }> = {};

  const ctx = (id: number): Ctx => ({ params: Promise.resolve({ sampleItemId: String(id) }) });
  const getItem = (who: string, id: number) => itemRoute.GET(new Request(`http://localhost/api/agreement/items/${id}`, { headers: as[who].headers }), ctx(id));
  const put = (who: string, id: number, body: unknown) =>
    consensusRoute.PUT(
      new Request(`http://localhost/api/agreement/items/${id}/consensus`, {
        method: 'PUT',
        headers: { ...Object.fromEntries(as[who].headers), 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
      ctx(id),
    );
  const consensusOf = (id: number) => store.db.select().from(consensusCodings).where(eq(consensusCodings.sampleItemId, id));

  beforeAll(async () => {
    store = await createTestStore();
    process.env.DATABASE_URL = store.url;
    itemRoute = await import('../../app/api/agreement/items/[sampleItemId]/route');
    consensusRoute = await import('../../app/api/agreement/items/[sampleItemId]/consensus/route');
    agreementRoute = await import('../../app/api/agreement/route');
    disagreementsRoute = await import('../../app/api/agreement/disagreements/route');
    csvRoute = await import('../../app/api/studies/[id]/codings.csv/route');
    jsonRoute = await import('../../app/api/studies/[id]/codings.json/route');
    for (const [name, role] of [['sup', 'supervisor'], ['ana', 'coder'], ['ben', 'coder'], ['cy', 'coder'], ['out', 'coder']] as const) {
      const { user, headers } = await signedInHeaders(store, { role, email: `${name}@example.org` });
      as[name] = { id: user.id, headers };
    }
    s = await seedStudy(store, { supervisor: as.sup.id, coders: [as.ana.id, as.ben.id, as.cy.id], items: 3, paths: ['Chart / bar', 'Chart / line', 'Chart / hist'] });
    // Item 0: ana and ben submitted, disagreeing. Item 1: ana submitted, ben still coding (blind).
    await codeItem(store.db, s, s.items[0], as.ana.id, ['Chart / bar'], { region: { x: 0.1, y: 0.1, w: 0.5, h: 0.5 } });
    await codeItem(store.db, s, s.items[0], as.ben.id, ['Chart / line']);
    await codeItem(store.db, s, s.items[1], as.ana.id, ['Chart / bar']);
    await codeItem(store.db, s, s.items[1], as.ben.id, ['Chart / hist'], { status: 'pending' });
  });
  afterAll(async () => {
    const { closeAllDatabases } = await import('../../lib/db/client');
    await closeAllDatabases();
    await store?.close();
  });

  it('a supervisor sees both coders side by side and records the consensus; individual codings stay as they were', async () => {
    const res = await getItem('sup', s.items[0]);
    expect(res.status).toBe(200);
    const view = (await res.json()) as { coders: { coder: string; status: string; codings: { codePath: string; region: unknown }[] }[]; codes: { path: string }[] };
    expect(view.coders.map((c) => [c.coder, c.codings.map((x) => x.codePath)]).sort()).toEqual([
      ['ana@example.org', ['Chart / bar']],
      ['ben@example.org', ['Chart / line']],
    ]);
    expect(view.coders.find((c) => c.coder === 'ana@example.org')!.codings[0].region).toEqual({ x: 0.1, y: 0.1, w: 0.5, h: 0.5 });
    expect(view.codes.map((c) => c.path).sort()).toEqual(['Chart / bar', 'Chart / hist', 'Chart / line']); // the category is not offered

    const before = await store.db.select().from(codings).where(eq(codings.sampleItemId, s.items[0]));
    const saved = await put('sup', s.items[0], { codings: [{ codeId: s.code('Chart / bar'), region: { x: 0.1, y: 0.1, w: 0.5, h: 0.5 } }] });
    expect(saved.status).toBe(200);
    const rows = await consensusOf(s.items[0]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ codeId: s.code('Chart / bar'), decidedBy: as.sup.id, region: { x: 0.1, y: 0.1, w: 0.5, h: 0.5 } });
    expect(await store.db.select().from(codings).where(eq(codings.sampleItemId, s.items[0]))).toEqual(before);
  });

  it('recording again replaces the consensus in one go; an empty list clears it', async () => {
    expect((await put('sup', s.items[0], { codings: [{ codeId: s.code('Chart / line') }, { codeId: s.code('Chart / hist'), memo: 'both' }] })).status).toBe(200);
    expect((await consensusOf(s.items[0])).map((r) => r.codeId).sort()).toEqual([s.code('Chart / line'), s.code('Chart / hist')].sort());
    expect((await put('sup', s.items[0], { codings: [] })).status).toBe(200);
    expect(await consensusOf(s.items[0])).toHaveLength(0);
  });

  it('a coder of the item may decide once every assigned coder submitted, not before; others may not at all', async () => {
    // Item 1: ben is still coding, so ana must not see his codings nor decide.
    const blind = await getItem('ana', s.items[1]);
    expect(blind.status).toBe(403);
    expect(((await blind.json()) as { error: { message: string } }).error.message).toMatch(/blind until every assigned coder has submitted/);
    expect((await put('ana', s.items[1], { codings: [{ codeId: s.code('Chart / bar') }] })).status).toBe(403);
    expect(await consensusOf(s.items[1])).toHaveLength(0);
    // cy is a member but not assigned to item 0; "out" is not a member of the study at all.
    expect((await put('cy', s.items[0], { codings: [{ codeId: s.code('Chart / bar') }] })).status).toBe(403);
    expect((await put('out', s.items[0], { codings: [{ codeId: s.code('Chart / bar') }] })).status).toBe(404);
    // Item 0: both submitted → the coders together may record it.
    expect((await getItem('ben', s.items[0])).status).toBe(200);
    expect((await put('ben', s.items[0], { codings: [{ codeId: s.code('Chart / bar') }] })).status).toBe(200);
    expect((await consensusOf(s.items[0]))[0].decidedBy).toBe(as.ben.id);
  });

  it('a supervisor who is one of the item\'s coders waits like any coder (the workspace\'s blind rule)', async () => {
    const own = await seedStudy(store, { supervisor: as.sup.id, coders: [as.ana.id, as.ben.id], items: 1, paths: ['Chart / bar', 'Chart / line'] });
    await codeItem(store.db, own, own.items[0], as.ana.id, ['Chart / bar']);
    await codeItem(store.db, own, own.items[0], as.ben.id, ['Chart / line']);
    await codeItem(store.db, own, own.items[0], as.sup.id, [], { status: 'pending' });
    const blind = await getItem('sup', own.items[0]);
    expect(blind.status).toBe(403);
    expect(((await blind.json()) as { error: { message: string } }).error.message).toMatch(/blind until every assigned coder has submitted/);
    expect((await put('sup', own.items[0], { codings: [{ codeId: own.code('Chart / bar') }] })).status).toBe(403);
    const list = await disagreementsRoute.GET(new Request(`http://localhost/api/agreement/disagreements?study=${own.studyId}`, { headers: as.sup.headers }), undefined as never);
    expect(((await list.json()) as { disagreements: unknown[] }).disagreements).toEqual([]);
  });

  it('refuses codes from another codebook, regions outside the image, and no session', async () => {
    const other = await seedStudy(store, { supervisor: as.sup.id, coders: [], items: 1, paths: ['Elsewhere / code'] });
    const wrong = await put('sup', s.items[0], { codings: [{ codeId: other.code('Elsewhere / code') }] });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: { message: string } }).error.message).toMatch(/not in this study's codebook/);
    expect((await put('sup', s.items[0], { codings: [{ codeId: s.code('Chart / bar'), region: { x: 0.8, y: 0, w: 0.5, h: 0.2 } }] })).status).toBe(400);
    const category = await put('sup', s.items[0], { codings: [{ codeId: s.code('Chart') }] });
    expect(((await category.json()) as { error: { message: string } }).error.message).toMatch(/is a category, not a code/);
    const anon = await consensusRoute.PUT(new Request('http://localhost/x', { method: 'PUT', body: '{"codings":[]}' }), ctx(s.items[0]));
    expect(anon.status).toBe(401);
  });

  it('consensus never enters the agreement figures; coders see aggregates but only their reviewable disagreements', async () => {
    // A study of its own where a consensus would change κ if it were counted: ana and ben both code
    // four items and disagree on the third; ben records the consensus "Chart/bar" there. Counted, it
    // would be one more code of ben's on that item ({bar, line} against ana's {bar}).
    const k = await seedStudy(store, { supervisor: as.sup.id, coders: [as.ana.id, as.ben.id], items: 4, paths: ['Chart/bar', 'Chart/line', 'Chart/hist'] });
    const codes = { ana: ['Chart/bar', 'Chart/line', 'Chart/bar', 'Chart/hist'], ben: ['Chart/bar', 'Chart/line', 'Chart/line', 'Chart/hist'] };
    for (const [i, item] of k.items.entries()) {
      await codeItem(store.db, k, item, as.ana.id, [codes.ana[i]]);
      await codeItem(store.db, k, item, as.ben.id, [codes.ben[i]]);
    }
    expect((await put('ben', k.items[2], { codings: [{ codeId: k.code('Chart/bar') }] })).status).toBe(200);

    const figures = async (studyId: number, who = 'sup') =>
      ((await (await agreementRoute.GET(new Request(`http://localhost/api/agreement?study=${studyId}`, { headers: as[who].headers }), undefined as never)).json()) as { report: AgreementReport }).report;
    const report = await figures(k.studyId);
    // Individual codings only: agreement on 3 of 4 items, κ = (0.75 − 0.3125) / (1 − 0.3125) = 7/11.
    expect(report.overall).toMatchObject({ items: 4, coders: 2, percentAgreement: 0.75 });
    expect(report.overall.cohenKappa).toBeCloseTo(7 / 11, 10);
    // What the page would show with the consensus counted: a different κ (so this test can fail).
    const counted = agreementReport((await exportCodings(store.db, { studyId: k.studyId })).map((r) => ({ item: r.item, coder: r.coder, code: r.code_path || null })));
    expect(counted.overall.cohenKappa).not.toBeCloseTo(7 / 11, 3);
    // The CSV download read by the CLI (its own consensus filter, lib/agreement/read-codings.ts) gives the same figures.
    const csv = await csvRoute.GET(new Request(`http://localhost/api/studies/${k.studyId}/codings.csv`, { headers: as.sup.headers }), { params: Promise.resolve({ id: String(k.studyId) }) });
    const text = await csv.text();
    expect(text).toContain(',consensus');
    expect(agreementReport(readCodingsCsv(text))).toEqual(report);

    // The first study: its figures as before, the same for a coder; the disagreement lists.
    const sup = await figures(s.studyId);
    expect(sup.overall).toMatchObject({ items: 1, coders: 2, percentAgreement: 0 });
    expect(await figures(s.studyId, 'ana')).toEqual(sup);
    const list = async (who: string) =>
      ((await (await disagreementsRoute.GET(new Request(`http://localhost/api/agreement/disagreements?study=${s.studyId}`, { headers: as[who].headers }), undefined as never)).json()) as { disagreements: { sampleItemId: number; resolved: boolean }[] }).disagreements;
    expect((await list('sup')).map((d) => [d.sampleItemId, d.resolved])).toEqual([[s.items[0], true]]);
    expect((await list('ana')).map((d) => d.sampleItemId)).toEqual([s.items[0]]);
    expect(await list('cy')).toEqual([]);
  });

  it('codings downloads: supervisors get CSV and JSON attachments the CLI reads; coders are refused', async () => {
    const ctxStudy = { params: Promise.resolve({ id: String(s.studyId) }) };
    const csv = await csvRoute.GET(new Request(`http://localhost/api/studies/${s.studyId}/codings.csv`, { headers: as.sup.headers }), ctxStudy);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="study-${s.studyId}-codings.csv"`);
    const text = await csv.text();
    expect(text.split('\r\n')[0]).toBe('item,notebook_ref,cell,coder,code_path,region,memo,time,kind');
    expect(text).toContain(',consensus');
    expect(agreementReport(readCodingsCsv(text)).overall).toMatchObject({ items: 1, coders: 2 });
    const json = await jsonRoute.GET(new Request(`http://localhost/api/studies/${s.studyId}/codings.json`, { headers: as.sup.headers }), ctxStudy);
    const body = (await json.json()) as { codings: { kind: string }[] };
    expect(body.codings.filter((c) => c.kind === 'individual')).toHaveLength(3); // ana×2 items + ben×1 (his draft is out)
    const refused = await csvRoute.GET(new Request(`http://localhost/api/studies/${s.studyId}/codings.csv`, { headers: as.ana.headers }), ctxStudy);
    expect(refused.status).toBe(403);
  });
});
