import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { importNotebook } from '../../lib/ingest/import-notebook';
import { notebookAnalyses, visualisationLabels, visualisations, notebooks } from '../../lib/db/schema';
import { ANALYSER_VERSION, analyseStoredNotebook, analysisProgress, listNotebooksToAnalyse } from '../../lib/analysis-store';
import { analyseNotebook } from '../../lib/analysis';
import { parseNotebook } from '../../lib/notebooks';
import { corpusFile } from '../helpers/corpus';
import { visualisationFacets } from '../../lib/browse/visualisation-facets';
import { listVisualisations } from '../../lib/browse/list-visualisations';
import { getNotebook } from '../../lib/browse/get-notebook';
import { listCandidates } from '../../lib/coding/samples/list-candidates';
import { galleryFilters, galleryQuery } from '../../lib/browse/schemas';
import { createTestStore, type TestStore } from '../helpers/db';

// Real corpus notebooks imported, then analysed from what the database stored (not from the file).
const FILES = [
  'mateuszk098__spaceship_titanic.ipynb', // figure in cell 27 drawn through plot_categories, defined in cell 24
  'agconti-titanic__Titanic.ipynb',
  'dalloliogm__drw-eda-pca-by-month-season-q-end.ipynb',
  'packt-devkaggle__lanl-earthquake-data-exploration-and-baseline.ipynb',
];

describe('analysing stored notebooks', () => {
  let store: TestStore;
  const ids = new Map<string, number>();

  beforeAll(async () => {
    store = await createTestStore();
    for (const file of FILES) {
      const r = await importNotebook(store.db, { file, bytes: fs.readFileSync(corpusFile(file)), blobDir: store.blobDir });
      expect(r.status, file).toBe('imported');
      ids.set(file, r.notebookId!);
    }
  }, 120_000);
  afterAll(() => store?.close());

  it('lists every imported notebook as still to analyse, and none done', async () => {
    expect(await listNotebooksToAnalyse(store.db, ANALYSER_VERSION, 100)).toEqual([...ids.values()].sort((a, b) => a - b));
    expect(await analysisProgress(store.db, ANALYSER_VERSION)).toEqual({ done: 0, failed: 0, total: FILES.length });
  });

  it('labels every stored figure, the same labels as analysing the file itself', async () => {
    for (const file of FILES) {
      const id = ids.get(file)!;
      const r = await analyseStoredNotebook(store.db, id);
      const stored = await store.db.select().from(visualisations).where(eq(visualisations.notebookId, id));
      expect(r.status, file).toBe('analysed');
      expect(r.visualisations, file).toBe(stored.length);
      expect(r.labelled, file).toBe(stored.length);
      expect(r.unmatched, file).toBe(0);
      const labels = await store.db.select().from(visualisationLabels).where(eq(visualisationLabels.notebookId, id));
      expect(new Set(labels.map((l) => l.visualisationId)), file).toEqual(new Set(stored.map((v) => v.id)));
      // From the file directly: the store's read-back notebook gives the engine the same input.
      const direct = await analyseNotebook(parseNotebook(fs.readFileSync(corpusFile(file))));
      const posOf = new Map(stored.map((v) => [v.id, `${v.cellPosition}:${v.outputIndex}`]));
      const byPos = new Map(labels.map((l) => [posOf.get(l.visualisationId), l]));
      for (const v of direct.visualisations) {
        const l = byPos.get(`${v.cell}:${v.output}`)!;
        expect([l.chartType, l.library, l.mlStage, l.multiPanel], `${file} ${v.cell}:${v.output}`).toEqual([v.chartType, v.library, v.mlStage, v.multiPanel]);
        expect(l.slice.cells).toEqual(v.slice.cells);
      }
      const [row] = await store.db.select().from(notebookAnalyses).where(eq(notebookAnalyses.notebookId, id));
      expect(row.analyserVersion).toBe(ANALYSER_VERSION);
      expect((row.result as { cellStages: unknown[] }).cellStages.length).toBeGreaterThan(0);
    }
    expect(await analysisProgress(store.db, ANALYSER_VERSION)).toEqual({ done: FILES.length, failed: 0, total: FILES.length });
    expect(await listNotebooksToAnalyse(store.db, ANALYSER_VERSION, 100)).toEqual([]);
  }, 120_000);

  it('counts facets exactly as the stored labels say, several values ORed, facets ANDed', async () => {
    // One more notebook, imported and not analysed: its figures are 'not_analysed' in the label facets.
    const extra = 'anthropikos__train_val_loss_over_epoch.ipynb';
    const r = await importNotebook(store.db, { file: extra, bytes: fs.readFileSync(corpusFile(extra)), blobDir: store.blobDir });
    const unlabelled = (await store.db.select().from(visualisations).where(eq(visualisations.notebookId, r.notebookId!))).length;
    expect(unlabelled).toBeGreaterThan(0);
    const labels = await store.db.select().from(visualisationLabels);
    const tally = (values: string[]) => Object.fromEntries([...new Set(values)].map((v) => [v, values.filter((x) => x === v).length]));
    const asMap = (f: { value: string; count: number }[]) => Object.fromEntries(f.map((x) => [x.value, x.count]));
    const facets = await visualisationFacets(store.db, {});
    const expected = (values: string[]) => ({ ...tally(values), not_analysed: unlabelled });
    expect(asMap(facets.chartType)).toEqual(expected(labels.map((l) => l.chartType)));
    expect(asMap(facets.stage)).toEqual(expected(labels.map((l) => l.mlStage)));
    expect(asMap(facets.library)).toEqual(expected(labels.map((l) => l.library)));
    expect(asMap(facets.multiPanel)).toEqual(expected(labels.map((l) => (l.multiPanel ? 'yes' : 'no'))));

    // Two chart types (OR) and one stage (AND): the gallery lists exactly the labels that match.
    const [a, b] = facets.chartType.filter((f) => f.value !== 'not_analysed').map((f) => f.value);
    const stage = labels.find((l) => l.chartType === a)!.mlStage;
    const want = labels.filter((l) => (l.chartType === a || l.chartType === b) && l.mlStage === stage).map((l) => l.visualisationId).sort((x, y) => x - y);
    const page = await listVisualisations(store.db, galleryQuery.parse({ chartType: [a, b], stage, limit: 200 }));
    expect(page.items.map((i) => i.id)).toEqual(want);
    // The other facets are counted under this filter; chart type keeps its own counts for the stage alone.
    const filtered = await visualisationFacets(store.db, galleryFilters.parse({ chartType: [a, b], stage }));
    expect(filtered.kind.reduce((n, f) => n + f.count, 0)).toBe(want.length);
    expect(asMap(filtered.chartType)).toEqual(tally(labels.filter((l) => l.mlStage === stage).map((l) => l.chartType)));
    // Not analysed is a value like any other.
    const none = await listVisualisations(store.db, galleryQuery.parse({ chartType: 'not_analysed' }));
    expect(none.items.map((i) => i.notebookId)).toEqual(Array(unlabelled).fill(r.notebookId));
    // …and ORs with a labelled value (the semi-join on labels plus the figures without a label row).
    const either = await listVisualisations(store.db, galleryQuery.parse({ chartType: ['not_analysed', a], multiPanel: ['no', 'not_analysed'], limit: 200 }));
    const wantEither = labels.filter((l) => l.chartType === a && !l.multiPanel).length + unlabelled;
    expect(either.items.length).toBe(wantEither);
    expect(either.items.filter((i) => i.chartType === 'not_analysed').length).toBe(unlabelled);

    // Samples stratify by the same labels.
    const byStage = await listCandidates(store.db, {}, 'stage');
    expect(tally(byStage.map((c) => c.stratum!))).toEqual(expected(labels.map((l) => l.mlStage)));
    const byChart = await listCandidates(store.db, {}, 'chartType');
    expect(tally(byChart.map((c) => c.stratum!))).toEqual(expected(labels.map((l) => l.chartType)));

    // A notebook's libraries are its figures' labelled libraries.
    const titanic = await getNotebook(store.db, ids.get('agconti-titanic__Titanic.ipynb')!);
    expect(titanic.libraries).toEqual([...new Set(labels.filter((l) => l.notebookId === titanic.id && l.library !== 'unknown').map((l) => l.library))].sort());
    expect(titanic.libraries).toContain('matplotlib');
  });

  it("keeps the helper's defining cell in the slice of a figure drawn through it", async () => {
    const id = ids.get(FILES[0])!;
    const [l] = await store.db
      .select({ slice: visualisationLabels.slice })
      .from(visualisationLabels)
      .innerJoin(visualisations, eq(visualisations.id, visualisationLabels.visualisationId))
      .where(and(eq(visualisations.notebookId, id), eq(visualisations.cellPosition, 27), eq(visualisations.outputIndex, 0)));
    expect(l.slice.cells).toContain(24);
    expect(l.slice.cells).toContain(27);
    expect(l.slice.code).toContain('def plot_categories');
  });

  it('re-analyses at a new version in one replacement, old rows replaced, nothing duplicated', async () => {
    const id = ids.get(FILES[1])!;
    const before = await store.db.select().from(visualisationLabels).where(eq(visualisationLabels.notebookId, id));
    expect(await listNotebooksToAnalyse(store.db, 'test-v2', 100)).toHaveLength(FILES.length + 1); // and the unanalysed extra
    const r = await analyseStoredNotebook(store.db, id, { version: 'test-v2' });
    const after = await store.db.select().from(visualisationLabels).where(eq(visualisationLabels.notebookId, id));
    expect(after.length).toBe(before.length);
    expect(after.every((l) => l.analyserVersion === 'test-v2')).toBe(true);
    expect(r.labelled).toBe(before.length);
    expect(await analysisProgress(store.db, 'test-v2')).toEqual({ done: 1, failed: 0, total: FILES.length + 1 });
  });

  it('lets concurrent analyses of one notebook take turns: all succeed, one label per figure', async () => {
    const id = ids.get(FILES[2])!;
    const figures = await store.db.select().from(visualisations).where(eq(visualisations.notebookId, id));
    const results = await Promise.all(['c1', 'c2', 'c3', 'c4'].map((version) => analyseStoredNotebook(store.db, id, { version })));
    expect(results.map((r) => r.status)).toEqual(['analysed', 'analysed', 'analysed', 'analysed']);
    const labels = await store.db.select().from(visualisationLabels).where(eq(visualisationLabels.notebookId, id));
    expect(labels.length).toBe(figures.length);
    expect(new Set(labels.map((l) => l.analyserVersion)).size).toBe(1);
  });

  it('skips a rejected (R) notebook, and stores a failure instead of throwing', async () => {
    const file = 'famakhan-titanic-r__titanic-r.r.ipynb';
    const r = await importNotebook(store.db, { file, bytes: fs.readFileSync(corpusFile(file)), blobDir: store.blobDir });
    expect(r.status).toBe('rejected');
    const [rejected] = await store.db.select({ id: notebooks.id }).from(notebooks).where(eq(notebooks.fileName, file));
    expect(await analyseStoredNotebook(store.db, rejected.id)).toEqual({ status: 'skipped', visualisations: 0, labelled: 0 });
    expect(await listNotebooksToAnalyse(store.db, ANALYSER_VERSION, 100)).not.toContain(rejected.id);

    // Stored outputs that are not a list: reading the notebook back fails, and that is recorded.
    const id = ids.get(FILES[2])!;
    const labelsBefore = await store.db.select().from(visualisationLabels).where(eq(visualisationLabels.notebookId, id));
    await store.db.$client`update cells set outputs = '"broken"'::json where notebook_id = ${id} and position = 1`;
    const failed = await analyseStoredNotebook(store.db, id);
    expect(failed.status).toBe('failed');
    const [row] = await store.db.select().from(notebookAnalyses).where(eq(notebookAnalyses.notebookId, id));
    expect(row.status).toBe('failed');
    expect(row.error).toMatch(/\w/);
    // The figures keep their previous labels rather than none.
    const labelsAfter = await store.db.select().from(visualisationLabels).where(eq(visualisationLabels.notebookId, id));
    expect(labelsAfter.length).toBe(labelsBefore.length);
    expect(await analysisProgress(store.db, ANALYSER_VERSION)).toMatchObject({ failed: 1, total: FILES.length + 1 });
  });
});
