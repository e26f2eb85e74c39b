import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { blobs, kaggleKernels, notebooks, visualisations } from '../../lib/db/schema';
import { importNotebook } from '../../lib/ingest/import-notebook';
import { corpusStats } from '../../lib/browse/corpus-stats';
import { listVisualisations } from '../../lib/browse/list-visualisations';
import { nearDuplicateGroupFacet, visualisationFacetLists, visualisationFacets } from '../../lib/browse/visualisation-facets';
import { listNotebooks } from '../../lib/browse/list-notebooks';
import { notebookQuery } from '../../lib/browse/schemas';
import { previewSample } from '../../lib/coding/samples/preview-sample';
import { sampleDefinition } from '../../lib/coding/samples/schemas';
import { countFunnel } from '../../lib/coding/progress/count-funnel';
import { computeDerivatives } from '../../lib/extract/compute-derivatives';
import { createTestStore, type TestStore } from '../helpers/db';
import { pngBase64 } from '../helpers/codebook-fixture';

// Two originals (3 and 2 figures), one rejected file, and a reproduction of the first (3 figures, as
// record-execution.ts stores it: an imported notebook with reproduced_from set).
async function notebookBytes(figures: number, salt: string, language = 'python') {
  const png = await pngBase64(20, 10 + figures);
  const cells = Array.from({ length: figures }, (_, i) => ({
    cell_type: 'code', metadata: {}, execution_count: i + 1, source: `plot(${i}) # ${salt}`,
    outputs: [{ output_type: 'display_data', metadata: {}, data: { 'image/png': png, 'text/plain': '<Figure>' } }],
  }));
  return Buffer.from(JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { name: language === 'python' ? 'python3' : 'ir', language } }, cells }));
}

/** Runs `body` in a transaction that is then rolled back, so the fixture stays as the other tests expect it. */
async function rolledBack(db: TestStore['db'], body: (db: TestStore['db']) => Promise<void>) {
  const rollback = new Error('rollback');
  await expect(
    db.transaction(async (tx) => {
      await body(tx as unknown as TestStore['db']);
      throw rollback;
    }),
  ).rejects.toBe(rollback);
}

describe('originals apart from reproductions', () => {
  let store: TestStore;
  let original: number;
  let reproduction: number;

  beforeAll(async () => {
    store = await createTestStore();
    const db = store.db;
    const imp = async (file: string, bytes: Buffer) => (await importNotebook(db, { file, bytes, blobDir: store.blobDir })).notebookId!;
    original = await imp('a.ipynb', await notebookBytes(3, 'a'));
    await imp('b.ipynb', await notebookBytes(2, 'b'));
    await imp('r.ipynb', await notebookBytes(1, 'r', 'R'));
    reproduction = await imp('a.ipynb (reproduced)', await notebookBytes(3, 'a-executed'));
    await db.update(notebooks).set({ reproducedFrom: original }).where(eq(notebooks.id, reproduction));
    // Thumbnails, hashes and near-duplicate groups, as the background worker makes them.
    await computeDerivatives(db, store.blobDir);
  });
  afterAll(async () => store?.close());

  it('the overview counts originals by default, and says which it counted', async () => {
    const originals = await corpusStats(store.db);
    expect(originals).toMatchObject({ origin: 'originals', notebooks: { imported: 2, rejected: 1 }, visualisations: 5 });
    expect(originals.topNotebooks.map((n) => n.id)).not.toContain(reproduction);
    expect(await corpusStats(store.db, 'reproductions')).toMatchObject({ origin: 'reproductions', notebooks: { imported: 1, rejected: 0 }, visualisations: 3 });
    expect(await corpusStats(store.db, 'both')).toMatchObject({ origin: 'both', notebooks: { imported: 3, rejected: 1 }, visualisations: 8 });
    expect((await corpusStats(store.db)).byLibrary.reduce((n, l) => n + l.count, 0)).toBe(5);
    // The progress funnel's first stages count the same corpus.
    expect(await countFunnel(store.db, 0)).toMatchObject({ imported: 2, visualisations: 5 });
  });

  it('the gallery and its facets show originals by default, reproductions or both when asked', async () => {
    const ids = async (origin?: 'originals' | 'reproductions' | 'both') => (await listVisualisations(store.db, { limit: 100, origin })).items.map((v) => v.notebookId);
    expect(new Set(await ids())).not.toContain(reproduction);
    expect(await ids()).toHaveLength(5);
    expect(await ids('reproductions')).toEqual([reproduction, reproduction, reproduction]);
    expect(await ids('both')).toHaveLength(8);
    const facets = await visualisationFacets(store.db, {});
    expect(facets.kind.reduce((n, f) => n + f.count, 0)).toBe(5);
    expect((await visualisationFacetLists(store.db, {})).notebook.map((f) => Number(f.value))).not.toContain(reproduction);
  });

  it('the many-valued facet lists: notebooks by title and reference, near-duplicate groups of several figures only', async () => {
    const lists = await visualisationFacetLists(store.db, { origin: 'both' });
    // Every notebook with its figure count, most figures first, labelled "title — reference".
    expect(lists.notebook.map((f) => f.count)).toEqual([3, 3, 2]);
    const a = lists.notebook.find((f) => Number(f.value) === original)!;
    expect(a.label).toMatch(/ — a\.ipynb$/);
    // The fixture's images differ only in height: one group of all 8 figures.
    const { group } = await nearDuplicateGroupFacet(store.db, { origin: 'both' });
    expect(group.map((g) => [g.count, g.label])).toEqual([[8, '8 near-identical']]);
    for (const g of group) expect((await listVisualisations(store.db, { group: g.value, origin: 'both', limit: 100 })).items).toHaveLength(g.count);
  });

  it('the competition and medal lists count the figures of collected notebooks that have one', async () => {
    await rolledBack(store.db, async (db) => {
      const [b] = await db.select({ id: notebooks.id }).from(notebooks).where(eq(notebooks.fileName, 'b.ipynb'));
      // a: a gold medal in the Titanic competition (3 figures); b: collected, neither (2 figures).
      await db.insert(kaggleKernels).values([
        { notebookId: original, ref: 'ada/a', competitions: ['titanic'], medal: 'gold', storedForm: 'with-outputs', source: 'api' },
        { notebookId: b.id, ref: 'ada/b', competitions: [], storedForm: 'with-outputs', source: 'api' },
      ]);
      const lists = await visualisationFacetLists(db, {});
      expect(lists.competition.map((c) => [c.value, c.count])).toEqual([['titanic', 3]]);
      expect(lists.medal.map((m) => [m.value, m.count])).toEqual([['gold', 3]]);
      // a's label now carries its Kaggle reference.
      expect(lists.notebook.find((n) => Number(n.value) === original)!.label).toMatch(/ — ada\/a$/);
    });
  });

  it('a near-duplicate group of one figure is not listed', async () => {
    // b's image becomes a group of its own, and one of b's two figures goes.
    await rolledBack(store.db, async (db) => {
      const [b] = await db.select({ id: visualisations.id, sha: visualisations.blobSha256 }).from(visualisations).innerJoin(notebooks, eq(notebooks.id, visualisations.notebookId)).where(eq(notebooks.fileName, 'b.ipynb'));
      await db.update(blobs).set({ dupGroup: b.sha }).where(eq(blobs.sha256, b.sha!));
      await db.delete(visualisations).where(eq(visualisations.id, b.id));
      expect((await nearDuplicateGroupFacet(db, { origin: 'both' })).group.map((g) => g.count)).toEqual([6]);
      expect((await visualisationFacetLists(db, { origin: 'both' })).notebook.map((f) => f.count)).toEqual([3, 3, 1]);
    });
  });

  it('a sample never draws a reproduced figure unless reproductions were chosen', async () => {
    const reproduced = new Set((await store.db.select({ id: visualisations.id }).from(visualisations).where(eq(visualisations.notebookId, reproduction))).map((v) => v.id));
    const all = await previewSample(store.db, sampleDefinition.parse({ mode: 'all' }));
    expect(all).toMatchObject({ matching: 5, count: 5, origin: 'originals' });
    expect(all.firstIds.filter((id) => reproduced.has(id))).toEqual([]);
    const both = await previewSample(store.db, sampleDefinition.parse({ mode: 'all', filters: { origin: 'both' } }));
    expect(both).toMatchObject({ matching: 8, origin: 'both' });
    const only = await previewSample(store.db, sampleDefinition.parse({ mode: 'random-n', n: 2, filters: { origin: 'reproductions' } }));
    expect(only.firstIds.every((id) => reproduced.has(id))).toBe(true);
  });

  it('the notebooks list counts imported notebooks of the chosen origin apart from rejected files', async () => {
    const page = await listNotebooks(store.db, notebookQuery.parse({}));
    expect(page.counts).toEqual({ imported: 2, rejected: 1 });
    expect(page.total).toBe(3);
    expect((await listNotebooks(store.db, notebookQuery.parse({ origin: 'both' }))).counts).toEqual({ imported: 3, rejected: 1 });
    const rows = await store.db.select({ id: notebooks.id }).from(notebooks).where(inArray(notebooks.id, [original, reproduction]));
    expect(rows).toHaveLength(2);
  });
});
