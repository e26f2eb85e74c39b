import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { assignments, sampleItems, samples } from '../../lib/db/schema';
import { createSample } from '../../lib/coding/samples/create-sample';
import { previewSample } from '../../lib/coding/samples/preview-sample';
import { assignSample } from '../../lib/coding/samples/assign-sample';
import { listSamples } from '../../lib/coding/samples/list-samples';
import { createSampleInput, assignInput } from '../../lib/coding/samples/schemas';
import { AppError } from '../../lib/errors';
import { createTestStore, type TestStore } from '../helpers/db';
import { importFigures, makeStudy } from './coding-fixtures';

describe('samples and assignment', () => {
  let store: TestStore;
  let studyId: number;
  let nb: number[];
  const make = (input: Record<string, unknown>) => createSample(store.db, 'sup', studyId, createSampleInput.parse({ name: 's', ...input }));
  const itemsOf = async (sampleId: number) =>
    (await store.db.select().from(sampleItems).where(eq(sampleItems.sampleId, sampleId)).orderBy(asc(sampleItems.position))).map((r) => r.visualisationId);

  beforeAll(async () => {
    store = await createTestStore();
    nb = await importFigures(store, [10, 6, 4]); // 20 visualisations in three notebooks
    ({ study: { id: studyId } } = await makeStudy(store.db, { supervisor: 'sup', coders: ['ann', 'bob', 'cat'] }));
  });
  afterAll(async () => store?.close());

  it('draws the same items with the same seed and others with another seed', async () => {
    const a = await itemsOf((await make({ mode: 'random-n', n: 8, seed: 7 })).id);
    const b = await itemsOf((await make({ mode: 'random-n', n: 8, seed: 7 })).id);
    const c = await itemsOf((await make({ mode: 'random-n', n: 8, seed: 8 })).id);
    expect(a).toHaveLength(8);
    expect(b).toEqual(a);
    expect(c).toHaveLength(8);
    expect(c).not.toEqual(a);
  });

  it('counts: all, random N, random P %, and what the gallery filters let through', async () => {
    expect((await make({ mode: 'all' })).itemCount).toBe(20);
    expect((await make({ mode: 'random-n', n: 50 })).itemCount).toBe(20);
    expect((await make({ mode: 'random-percent', percent: 25 })).itemCount).toBe(5);
    expect((await make({ mode: 'random-percent', percent: 12 })).itemCount).toBe(3); // ceil(2.4)
    const only = await make({ mode: 'all', filters: { notebook: nb[1] } });
    expect(only.itemCount).toBe(6);
    const preview = await previewSample(store.db, createSampleInput.parse({ name: 'p', mode: 'random-percent', percent: 50, filters: { notebook: nb[0] } }));
    expect(preview).toMatchObject({ matching: 10, count: 5 });
  });

  it('stratified: the same share of each stratum, by percent or by a total n', async () => {
    const byPercent = await make({ mode: 'stratified', stratifyBy: 'notebook', percent: 50, seed: 3 });
    const strata = await store.db.select({ stratum: sampleItems.stratum }).from(sampleItems).where(eq(sampleItems.sampleId, byPercent.id));
    const count = (rows: { stratum: string | null }[]) => Object.fromEntries(nb.map((id) => [id, rows.filter((r) => r.stratum === String(id)).length]));
    expect(count(strata)).toEqual({ [nb[0]]: 5, [nb[1]]: 3, [nb[2]]: 2 });
    // n = 7 of 20: exact shares 3.5, 2.1, 1.4 → floors 3, 2, 1 and the remaining one to the largest remainder (3.5).
    const preview = await previewSample(store.db, createSampleInput.parse({ name: 'p', mode: 'stratified', stratifyBy: 'notebook', n: 7 }));
    expect(preview.count).toBe(7);
    expect(Object.fromEntries(preview.strata.map((s) => [s.stratum, s.drawn]))).toEqual({ [nb[0]]: 4, [nb[1]]: 2, [nb[2]]: 1 });
    expect(() => createSampleInput.parse({ name: 'x', mode: 'stratified', percent: 10 })).toThrow(/stratifyBy/);
  });

  it('refuses an empty sample with a way out', async () => {
    await expect(make({ mode: 'all', filters: { notebook: 999999 } })).rejects.toThrow(/No visualisation matches/);
  });

  it('assigns with an exact overlap: 10 items, 20 % → 2 items coded twice, by different coders', async () => {
    const s = await make({ mode: 'all', filters: { notebook: nb[0] } });
    const result = await assignSample(store.db, studyId, s.id, assignInput.parse({ coderIds: ['ann', 'bob'], overlapPercent: 20, seed: 5 }));
    expect(result).toMatchObject({ assignments: 12, doubleCoded: 2 });
    const rows = await store.db.select().from(assignments).innerJoin(sampleItems, eq(sampleItems.id, assignments.sampleItemId)).where(eq(sampleItems.sampleId, s.id));
    const perItem = new Map<number, string[]>();
    for (const r of rows) perItem.set(r.sample_items.id, [...(perItem.get(r.sample_items.id) ?? []), r.assignments.userId]);
    expect(perItem.size).toBe(10);
    const twice = [...perItem.values()].filter((c) => c.length === 2);
    expect(twice).toHaveLength(2);
    for (const c of twice) expect(new Set(c).size).toBe(2);
    // Balanced: 12 assignments over two coders → 6 each.
    expect(result.perCoder.map((p) => p.items).sort()).toEqual([6, 6]);
    // Each coder's positions are 0..k-1.
    for (const coder of ['ann', 'bob']) {
      const pos = rows.filter((r) => r.assignments.userId === coder).map((r) => r.assignments.position).sort((a, b) => a - b);
      expect(pos).toEqual([0, 1, 2, 3, 4, 5]);
    }
    const [listed] = (await listSamples(store.db, studyId)).filter((l) => l.id === s.id);
    expect(listed).toMatchObject({ items: 10, assignments: 12, submitted: 0, assigned: true });
    const [stored] = await store.db.select().from(samples).where(eq(samples.id, s.id));
    expect(stored).toMatchObject({ overlapPercent: 20, order: 'random', blind: true });
    expect((stored.definition as { assignment: { seed: number } }).assignment.seed).toBe(5);
  });

  it('100 % overlap with three coders: every item twice, fixed order follows the sample', async () => {
    const s = await make({ mode: 'all', filters: { notebook: nb[1] } });
    const result = await assignSample(store.db, studyId, s.id, assignInput.parse({ coderIds: ['ann', 'bob', 'cat'], overlapPercent: 100, order: 'fixed' }));
    expect(result).toMatchObject({ assignments: 12, doubleCoded: 6 });
    expect(result.perCoder.map((p) => p.items)).toEqual([4, 4, 4]);
    const rows = await store.db
      .select({ userId: assignments.userId, position: assignments.position, itemPosition: sampleItems.position })
      .from(assignments)
      .innerJoin(sampleItems, eq(sampleItems.id, assignments.sampleItemId))
      .where(eq(sampleItems.sampleId, s.id));
    for (const coder of ['ann', 'bob', 'cat']) {
      const mine = rows.filter((r) => r.userId === coder).sort((a, b) => a.position - b.position);
      expect(mine.map((r) => r.itemPosition)).toEqual([...mine.map((r) => r.itemPosition)].sort((a, b) => a - b));
    }
  });

  it('refuses to assign twice, to non-members, and overlap with one coder', async () => {
    const s = await make({ mode: 'all', filters: { notebook: nb[2] } });
    await expect(assignSample(store.db, studyId, s.id, assignInput.parse({ coderIds: ['ann'], overlapPercent: 20 }))).rejects.toThrow(/at least two coders/);
    await expect(assignSample(store.db, studyId, s.id, assignInput.parse({ coderIds: ['ann', 'zed'] }))).rejects.toThrow(/Not members of this study: zed/);
    await assignSample(store.db, studyId, s.id, assignInput.parse({ coderIds: ['ann', 'bob'] }));
    const elsewhere = await assignSample(store.db, studyId + 1000, s.id, assignInput.parse({ coderIds: ['ann', 'bob'] })).catch((e) => e);
    expect(elsewhere).toBeInstanceOf(AppError);
    expect(elsewhere.code).toBe('not_found');
    const again = await assignSample(store.db, studyId, s.id, assignInput.parse({ coderIds: ['ann', 'bob'] })).catch((e) => e);
    expect(again).toBeInstanceOf(AppError);
    expect(again.code).toBe('conflict');
    expect(again.message).toMatch(/already assigned \(4 assignments\)/);
  });

  it('two simultaneous assigns of one sample deal it once', async () => {
    const s = await make({ mode: 'all', filters: { notebook: nb[2] } });
    const results = await Promise.allSettled([0, 1].map(() => assignSample(store.db, studyId, s.id, assignInput.parse({ coderIds: ['ann', 'bob'] }))));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const n = await store.db.select().from(assignments).innerJoin(sampleItems, eq(sampleItems.id, assignments.sampleItemId)).where(eq(sampleItems.sampleId, s.id));
    expect(n).toHaveLength(4);
  });
});
