import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCode } from '../../lib/coding/codebook/create-code';
import { computeSaturation } from '../../lib/coding/saturation';
import { createTestStore, type TestStore } from '../helpers/db';
import { importFigures, makeSample, makeStudy, submitCoding } from '../helpers/codebook-fixture';

describe('codebook saturation', () => {
  let store: TestStore;
  beforeAll(async () => (store = await createTestStore()));
  afterAll(() => store?.close());

  it('counts codes first applied per batch of visualisations, in order of first submission', async () => {
    const s = await makeStudy(store.db);
    const vis = await importFigures(store.db, store.blobDir, [[20, 20], [21, 20], [22, 20], [23, 20], [24, 20], [25, 20]], { name: 'sat' });
    const items = await makeSample(store.db, s, vis);
    const [A, B, C, D, E] = await Promise.all(['A', 'B', 'C', 'D', 'E'].map((name) => createCode(store.db, 'sup', s, { name })))
      .then((codes) => codes.sort((x, y) => x.name.localeCompare(y.name)).map((c) => c.id));
    const t = (h: number) => new Date(Date.UTC(2026, 0, 1, h));
    // Items are submitted out of sample order: the 3rd first, then 1st, ...
    await submitCoding(store.db, items[2], 'ana', t(1), [A, B]);
    await submitCoding(store.db, items[0], 'ana', t(2), [B]);
    await submitCoding(store.db, items[1], 'ben', t(3), [C]);
    await submitCoding(store.db, items[1], 'ana', t(9), [D]); // a later coder of an early item: D is new in that item's batch
    await submitCoding(store.db, items[3], 'ana', t(4), [A]);
    await submitCoding(store.db, items[3], 'ben', null, [E]); // a draft: not counted
    await submitCoding(store.db, items[4], 'ana', t(5), [E]);
    await submitCoding(store.db, items[5], 'ana', null, [A]); // never submitted: not coded yet

    expect(await computeSaturation(store.db, s, 2)).toEqual([
      { batch: 1, coded: 2, newCodes: 2, totalCodes: 2, endedAt: t(2).toISOString() },
      { batch: 2, coded: 2, newCodes: 2, totalCodes: 4, endedAt: t(4).toISOString() },
      { batch: 3, coded: 1, newCodes: 1, totalCodes: 5, endedAt: t(5).toISOString() },
    ]);
    expect((await computeSaturation(store.db, s, 10)).map((p) => [p.coded, p.newCodes])).toEqual([[5, 5]]);
    expect(await computeSaturation(store.db, await makeStudy(store.db, 'empty'), 5)).toEqual([]);
    await expect(computeSaturation(store.db, s, 0)).rejects.toThrow(/at least 1/);
  });
});
