import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countFunnel } from '../../lib/coding/progress/count-funnel';
import { getProgress } from '../../lib/coding/progress/get-progress';
import { recordConsensus } from '../../lib/coding/consensus/record-consensus';
import { executions, sampleItems } from '../../lib/db/schema';
import { createTestStore, type TestStore } from '../helpers/db';
import { signedInHeaders } from '../helpers/api-auth';
import { importFigures } from './coding-fixtures';
import { codeItem, seedStudy, type SeededStudy } from './agreement-page-fixtures';

describe('supervisor dashboard: funnel, coders, agreement over time, saturation', () => {
  let store: TestStore;
  let s: SeededStudy;
  const d1 = new Date('2026-04-01T09:00:00Z');
  const d2 = new Date('2026-04-02T09:00:00Z');

  beforeAll(async () => {
    store = await createTestStore();
    const db = store.db;
    await importFigures(store, [3, 2]); // 2 notebooks, 5 figures outside the study's sample
    s = await seedStudy(store, { supervisor: 'sup', coders: ['ana', 'ben'], items: 8, paths: ['Chart / bar', 'Chart / line'] }); // +1 notebook, 8 figures
    // A second sample repeats two of the same figures: "sampled" counts distinct visualisations.
    const [second] = await db.execute<{ id: number }>(sql`insert into samples (study_id, name, definition, created_by) values (${s.studyId}, 'again', '{}', 'sup') returning id`);
    await db.insert(sampleItems).values(s.visualisations.slice(0, 2).map((v, position) => ({ sampleId: Number(second.id), visualisationId: v, position })));
    // items 0–1: both agree; 2: disagree, then consensus; 3: disagree; 4–5: ana only; 6: ben pending; 7: untouched.
    await codeItem(db, s, s.items[0], 'ana', ['Chart / bar'], { at: d1 });
    await codeItem(db, s, s.items[0], 'ben', ['Chart / bar'], { at: d1 });
    await codeItem(db, s, s.items[1], 'ana', [], { at: d1 });
    await codeItem(db, s, s.items[1], 'ben', [], { at: d2 });
    await codeItem(db, s, s.items[2], 'ana', ['Chart / bar'], { at: d2 });
    await codeItem(db, s, s.items[2], 'ben', ['Chart / line'], { at: d2 });
    await codeItem(db, s, s.items[3], 'ana', ['Chart / bar', 'Chart / line'], { at: d2 });
    await codeItem(db, s, s.items[3], 'ben', ['Chart / line'], { at: d2 });
    await codeItem(db, s, s.items[4], 'ana', ['Chart / line'], { at: d2 });
    await codeItem(db, s, s.items[5], 'ana', ['Chart / line'], { at: d2 });
    await codeItem(db, s, s.items[6], 'ben', ['Chart / line'], { status: 'pending' });
    await codeItem(db, s, s.items[7], 'ana', [], { status: 'pending' });
    await recordConsensus(db, 'sup', s.items[2], [{ codeId: s.code('Chart / bar') }]);
  });
  afterAll(async () => {
    const { closeAllDatabases } = await import('../../lib/db/client');
    await closeAllDatabases();
    await store?.close();
  });

  it('counts the funnel from imported notebooks to agreed items', async () => {
    expect(await countFunnel(store.db, s.studyId)).toEqual({
      imported: 3,
      reproduced: 0,
      visualisations: 13,
      sampled: 8,
      coded: 6, // items 0–5
      doubleCoded: 4, // items 0–3
      agreed: 3, // 0 and 1 agree exactly, 2 by consensus
    });
  });

  it('counts originals that ran again, whatever the outcome, but not runs our infrastructure failed', async () => {
    const nbs = await store.db.execute<{ id: number }>(sql`select id from notebooks order by id`);
    const [a, b, c] = nbs.map((n) => Number(n.id));
    const run = (notebookId: number, status: 'ok' | 'exception' | 'infrastructure', n: number) => ({
      jobId: `job-${n}`, notebookId, executor: 'host' as const, configHash: 'h', status, seconds: 1, cellSeconds: {}, workerId: 'w',
      outOfOrder: false, skippedCounts: false, neverExecutedCells: 0, startedAt: new Date(),
    });
    await store.db.insert(executions).values([run(a, 'ok', 1), run(a, 'ok', 2), run(b, 'exception', 3), run(c, 'infrastructure', 4)]);
    expect((await countFunnel(store.db, s.studyId)).reproduced).toBe(2);
    await store.db.delete(executions);
  });

  it('per coder: submitted per day and items left; agreement over time; saturation from the codebook engineer', async () => {
    const p = await getProgress(store.db, s.studyId, { batchSize: 2 });
    expect(p.coders.map((c) => ({ coder: c.coder, submitted: c.submitted, left: c.left, perDay: c.perDay }))).toEqual([
      { coder: 'ana', submitted: 6, left: 1, perDay: [{ date: '2026-04-01', submitted: 2 }, { date: '2026-04-02', submitted: 4 }] },
      { coder: 'ben', submitted: 4, left: 1, perDay: [{ date: '2026-04-01', submitted: 1 }, { date: '2026-04-02', submitted: 3 }] },
    ]);
    // Day 1: only item 0 has both coders (agreeing). Day 2: items 0–3, two of four identical.
    expect(p.agreement.map((a) => [a.date, a.items, a.percentAgreement])).toEqual([
      ['2026-04-01', 1, 1],
      ['2026-04-02', 4, 0.5],
    ]);
    // 6 coded visualisations in batches of 2: bar and line are both new in the first batch with codes.
    expect(p.saturation.batchSize).toBe(2);
    expect(p.saturation.points.reduce((n, b) => n + b.coded, 0)).toBe(6);
    expect(p.saturation.points.at(-1)!.totalCodes).toBe(2);
  });

  it('GET /api/progress answers members and hides the study from others', async () => {
    process.env.DATABASE_URL = store.url;
    const { GET } = await import('../../app/api/progress/route');
    const sup = await signedInHeaders(store, { role: 'supervisor' });
    const stranger = await signedInHeaders(store, { role: 'coder' });
    await store.db.execute(sql`insert into study_members (study_id, user_id, role) values (${s.studyId}, ${sup.user.id}, 'supervisor')`);
    const url = `http://localhost/api/progress?study=${s.studyId}`;
    const ok = await GET(new Request(url, { headers: sup.headers }), undefined as never);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { funnel: { sampled: number } }).funnel.sampled).toBe(8);
    expect((await GET(new Request(url, { headers: stranger.headers }), undefined as never)).status).toBe(404);
  });
});
