import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreementOverTime } from '../../lib/coding/agreement/agreement-over-time';
import { computeAgreement } from '../../lib/coding/agreement/compute-agreement';
import { listDisagreements } from '../../lib/coding/agreement/list-disagreements';
import { recordConsensus } from '../../lib/coding/consensus/record-consensus';
import { createTestStore, type TestStore } from '../helpers/db';
import { codeItem, seedStudy, type SeededStudy } from './agreement-page-fixtures';

// Published vectors (../shared/docs/agreement-test-vectors.md) written as codings into the database:
// the page's report must reproduce them exactly as lib/agreement does on the bare numbers.
describe('agreement report from the database', () => {
  let store: TestStore;
  let v8: SeededStudy; // vector 8: 3 coders × 5 plots, sets of codes, one missing
  let v6: SeededStudy; // vector 6: 2 coders × 10 units, one code applied or not
  const day1 = new Date('2026-03-02T10:00:00Z');
  const day2 = new Date('2026-03-03T15:00:00Z');

  beforeAll(async () => {
    store = await createTestStore();
    const db = store.db;
    const paths = ['Chart / bar', 'Chart / line', 'Chart / scatter', 'Chart / hist', 'Chart / box', 'Marks / legend', 'Marks / trend', 'Marks / annot'];
    v8 = await seedStudy(store, { supervisor: 'sup', coders: ['c1', 'c2', 'c3'], items: 5, paths });
    const P = (...names: string[]) => names.map((n) => paths.find((p) => p.endsWith(`/ ${n}`))!);
    const c1 = [P('bar'), P('line', 'legend'), P('scatter'), P('hist'), P('bar', 'annot')];
    const c2 = [P('bar'), P('line'), P('scatter', 'trend'), P('hist'), P('bar')];
    const c3 = [P('bar'), P('line', 'legend'), P('scatter'), P('box'), null];
    for (const [coder, sets] of [['c1', c1], ['c2', c2], ['c3', c3]] as const) {
      for (const [i, set] of sets.entries()) if (set) await codeItem(db, v8, v8.items[i], coder, set, { at: i < 2 ? day1 : day2 });
    }

    v6 = await seedStudy(store, { supervisor: 'sup', coders: ['ana', 'ben'], items: 10, paths: ['Chart / bar'] });
    const a = [1, 1, 0, 0, 0, 0, 0, 0, 0, 0];
    const b = [0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
    for (let i = 0; i < 10; i++) {
      await codeItem(db, v6, v6.items[i], 'ana', a[i] ? ['Chart / bar'] : []);
      await codeItem(db, v6, v6.items[i], 'ben', b[i] ? ['Chart / bar'] : []);
    }
  });
  afterAll(async () => store?.close());

  it('vector 8: α over code sets with MASI = 0.509140, with 5 items and 3 coders behind it', async () => {
    const { report } = await computeAgreement(store.db, { studyId: v8.studyId });
    expect(report.overall.alpha).toBeCloseTo(0.50914, 6);
    expect(report.overall.items).toBe(5);
    expect(report.overall.coders).toBe(3);
    expect(report.overall.cohenKappa).toBeNull(); // three coders: Cohen's κ is not defined
    expect(report.overall.percentAgreement).toBeCloseTo(1 / 5, 6); // only plot 1 has identical sets from all
    expect(report.perCode.map((c) => c.code)).toEqual(['Chart / bar', 'Chart / box', 'Chart / hist', 'Chart / line', 'Chart / scatter', 'Marks / annot', 'Marks / legend', 'Marks / trend']);
  });

  it('vector 6: per code %, κ and α as published (0.6, 0.090909, 0.095238), submitted "no code" counted', async () => {
    const { report, samples } = await computeAgreement(store.db, { studyId: v6.studyId, sampleId: v6.sampleId });
    const bar = report.perCode.find((c) => c.code === 'Chart / bar')!;
    expect(bar).toMatchObject({ items: 10, coders: 2 });
    expect(bar.percentAgreement).toBeCloseTo(0.6, 6);
    expect(bar.cohenKappa).toBeCloseTo(0.090909, 6);
    expect(bar.alpha).toBeCloseTo(0.095238, 6);
    // One code: the sets are {} or {bar}, so overall figures are the same, and MASI distance is 0/1.
    expect(report.overall.cohenKappa).toBeCloseTo(0.090909, 6);
    expect(report.overall.alpha).toBeCloseTo(0.095238, 6);
    expect(samples).toHaveLength(1);
    expect(samples[0].overall.items).toBe(10);
  });

  it('leaves drafts and consensus out of the figures', async () => {
    const before = (await computeAgreement(store.db, { studyId: v6.studyId })).report;
    // A third coder's draft on item 0 (not submitted) and a consensus on item 2.
    await codeItem(store.db, v6, v6.items[0], 'cat', ['Chart / bar'], { status: 'pending' });
    await recordConsensus(store.db, 'sup', v6.items[2], [{ codeId: v6.code('Chart / bar') }]);
    const after = (await computeAgreement(store.db, { studyId: v6.studyId })).report;
    expect(after).toEqual(before);
    expect(after.overall.coders).toBe(2);
  });

  it('scopes to a sample, and says not_found for a sample of another study', async () => {
    const other = await seedStudy(store, { supervisor: 'sup', coders: [], items: 2, paths: ['Chart / bar'], studyId: v6.studyId, sampleName: 'Sample B' });
    await codeItem(store.db, other, other.items[0], 'ana', ['Chart / bar']);
    const page = await computeAgreement(store.db, { studyId: v6.studyId, sampleId: other.sampleId });
    expect(page.report.overall).toMatchObject({ items: 0, coders: 1, alpha: null, percentAgreement: null });
    expect(page.samples.map((s) => s.name)).toEqual(['Sample A', 'Sample B']);
    await expect(computeAgreement(store.db, { studyId: v8.studyId, sampleId: other.sampleId })).rejects.toThrow(/has no sample/);
  });

  it('lists the items whose coders differ, with each coder’s codes; a coder sees only their reviewable items', async () => {
    const all = await listDisagreements(store.db, { studyId: v8.studyId }, { userId: 'sup', manage: true });
    expect(all.map((d) => v8.items.indexOf(d.sampleItemId))).toEqual([1, 2, 3, 4]);
    expect(all[0].coders).toEqual([
      { coder: 'c1', codes: ['Chart / line', 'Marks / legend'] },
      { coder: 'c2', codes: ['Chart / line'] },
      { coder: 'c3', codes: ['Chart / line', 'Marks / legend'] },
    ]);
    expect(all[0].resolved).toBe(false);
    // c3 was not assigned plot 5.
    const mine = await listDisagreements(store.db, { studyId: v8.studyId }, { userId: 'c3', manage: false });
    expect(mine.map((d) => v8.items.indexOf(d.sampleItemId))).toEqual([1, 2, 3]);
  });

  it('agreement over time: one point per day of submissions, the last equal to the overall figures', async () => {
    const points = await agreementOverTime(store.db, { studyId: v8.studyId });
    expect(points.map((p) => p.date)).toEqual(['2026-03-02', '2026-03-03']);
    expect(points[0]).toMatchObject({ items: 2, coders: 3 });
    const { report } = await computeAgreement(store.db, { studyId: v8.studyId });
    expect(points[1].alpha).toBeCloseTo(report.overall.alpha!, 12);
    expect(points[1].items).toBe(5);
  });

  it('agreement over time goes weekly when coding spans more than 60 days', async () => {
    const w = await seedStudy(store, { supervisor: 'sup', coders: ['p', 'q'], items: 2, paths: ['Chart / bar'] });
    const start = new Date('2026-01-05T12:00:00Z');
    const later = new Date('2026-03-16T08:00:00Z'); // 70 days on
    await codeItem(store.db, w, w.items[0], 'p', ['Chart / bar'], { at: start });
    await codeItem(store.db, w, w.items[0], 'q', ['Chart / bar'], { at: start });
    await codeItem(store.db, w, w.items[1], 'p', [], { at: later });
    await codeItem(store.db, w, w.items[1], 'q', ['Chart / bar'], { at: later });
    const points = await agreementOverTime(store.db, { studyId: w.studyId });
    // Weeks from 5 Jan: the first ends 11 Jan, the eleventh (days 70–76) ends 22 Mar.
    expect(points.map((p) => [p.date, p.items, p.percentAgreement])).toEqual([
      ['2026-01-11', 1, 1],
      ['2026-03-22', 2, 0.5],
    ]);
  });
});
