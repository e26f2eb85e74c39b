import fs from 'node:fs';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { importNotebook } from '../../lib/ingest/import-notebook';
import { analyseStoredNotebook } from '../../lib/analysis-store';
import { executions, kaggleKernels, notebookAnalyses, notebooks, visualisationLabels } from '../../lib/db/schema';
import { visualisationFacets } from '../../lib/browse/visualisation-facets';
import { galleryFilters } from '../../lib/browse/schemas';
import { crossTab } from '../../lib/analytics/cross-tab';
import { DIMENSIONS, type Dimension } from '../../lib/analytics/dimensions';
import type { Population } from '../../lib/analytics/population';
import { foldFigureCounts } from '../../lib/db/figure-counts';
import { corpusFile } from '../helpers/corpus';
import { createTestStore, type TestStore } from '../helpers/db';

// The figure-count cubes (gallery_counts, analytics_counts) are kept by triggers. After every kind of
// change (import, analysis, re-analysis, Kaggle metadata, executions, a notebook becoming a
// reproduction, deletion, concurrent transactions on one notebook, TRUNCATE) the facets and the corpus
// cross-tabs read from them must equal the same counts taken from the figures and labels themselves.
const FILES = [
  'mateuszk098__spaceship_titanic.ipynb',
  'agconti-titanic__Titanic.ipynb',
  'dalloliogm__drw-eda-pca-by-month-season-q-end.ipynb',
  'packt-devkaggle__lanl-earthquake-data-exploration-and-baseline.ipynb',
  'anthropikos__train_val_loss_over_epoch.ipynb',
];

const FILTERS: Array<Record<string, unknown>> = [
  {},
  { origin: 'both' },
  { origin: 'reproductions' },
  { chartType: ['bar', 'line', 'not_analysed'] },
  { stage: ['data_exploration', 'model_evaluation'], library: ['matplotlib', 'seaborn'] },
  { kind: 'image', context: 'yes' },
  { mime: 'image/png', multiPanel: ['no', 'not_analysed'], origin: 'both' },
];
const POPULATIONS: Population[] = [
  { source: 'corpus', origin: 'originals' },
  { source: 'corpus', origin: 'both' },
  { source: 'corpus', origin: 'reproductions' },
  { source: 'corpus', origin: 'both', stages: ['model_evaluation', 'data_exploration'] },
];

const asMap = (values: Array<{ value: string; count: number }>) => Object.fromEntries(values.map((v) => [v.value, v.count]));
const sorted = <T,>(xs: T[]) => [...xs].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe('figure-count cubes', () => {
  let store: TestStore;
  const ids: number[] = [];

  async function expectCubesExact(step: string) {
    for (const raw of FILTERS) {
      const f = galleryFilters.parse(raw);
      const [cube, live] = await Promise.all([visualisationFacets(store.db, f), visualisationFacets(store.db, f, { live: true })]);
      for (const facet of Object.keys(live) as Array<keyof typeof live>) {
        expect(asMap(cube[facet]), `${step}: facet ${facet} under ${JSON.stringify(raw)}`).toEqual(asMap(live[facet]));
      }
    }
    for (const pop of POPULATIONS) {
      // Every dimension: competition by one other comes from its own cube (competition × competition is live).
      for (const rows of DIMENSIONS) {
        for (const cols of [undefined, ...DIMENSIONS.filter((d) => d !== rows)] as Array<Dimension | undefined>) {
          const [cube, live] = await Promise.all([crossTab(store.db, pop, rows, cols), crossTab(store.db, pop, rows, cols, { live: true })]);
          expect(sorted(cube), `${step}: ${rows} × ${cols ?? '—'} over ${JSON.stringify(pop)}`).toEqual(sorted(live));
        }
      }
    }
  }

  const figuresCounted = async () => Number((await store.db.execute<{ n: number }>(sql`select coalesce(sum(n), 0)::int as n from gallery_counts`))[0].n);
  const figuresStored = async () => Number((await store.db.execute<{ n: number }>(sql`select count(*)::int as n from visualisations`))[0].n);

  beforeAll(async () => {
    store = await createTestStore();
  });
  afterAll(() => store?.close());

  it('counts imported figures as not analysed, then by their labels once analysed', async () => {
    for (const file of FILES) {
      const r = await importNotebook(store.db, { file, bytes: fs.readFileSync(corpusFile(file)), blobDir: store.blobDir });
      expect(r.status, file).toBe('imported');
      ids.push(r.notebookId!);
    }
    const stored = await figuresStored();
    expect(stored).toBeGreaterThan(20);
    expect(await figuresCounted()).toBe(stored);
    const before = await visualisationFacets(store.db, galleryFilters.parse({}));
    expect(asMap(before.chartType)).toEqual({ not_analysed: stored });
    await expectCubesExact('imported');

    for (const id of ids.slice(0, 4)) expect((await analyseStoredNotebook(store.db, id)).status).toBe('analysed');
    const labels = await store.db.select().from(visualisationLabels);
    const after = await visualisationFacets(store.db, galleryFilters.parse({}));
    const byChart: Record<string, number> = { not_analysed: stored - labels.length };
    for (const l of labels) byChart[l.chartType] = (byChart[l.chartType] ?? 0) + 1;
    expect(asMap(after.chartType)).toEqual(byChart);
    await expectCubesExact('analysed');
  });

  it('follows Kaggle metadata, executions, reproductions, re-analysis, label edits and deletion', async () => {
    await store.db.insert(kaggleKernels).values([
      { notebookId: ids[0], ref: 'a/x', competitions: ['titanic'], lastRunTime: new Date('2019-05-01'), storedForm: 'source', source: 'api' },
      { notebookId: ids[1], ref: 'b/y', competitions: ['titanic', 'house-prices'], lastRunTime: new Date('2021-02-01'), storedForm: 'source', source: 'api' },
    ]);
    await expectCubesExact('kaggle metadata');
    await store.db.update(kaggleKernels).set({ lastRunTime: new Date('2018-03-01') }).where(eq(kaggleKernels.notebookId, ids[0]));
    await expectCubesExact('kaggle metadata changed');

    const run = (notebookId: number, status: 'ok' | 'exception' | 'timeout', n: number) => ({
      jobId: `job-${n}`, notebookId, executor: 'host' as const, configHash: 'h', status, seconds: 1, cellSeconds: {}, workerId: 'w',
      outOfOrder: false, skippedCounts: false, neverExecutedCells: 0, startedAt: new Date(), finishedAt: new Date(Date.UTC(2026, 0, n)),
    });
    await store.db.insert(executions).values([run(ids[0], 'exception', 1), run(ids[0], 'ok', 2), run(ids[2], 'timeout', 3)]);
    await expectCubesExact('executions');

    // The fifth notebook becomes a reproduction of the first: it moves to the reproductions and takes
    // the original's year and reproduction status.
    await store.db.update(notebooks).set({ reproducedFrom: ids[0] }).where(eq(notebooks.id, ids[4]));
    await analyseStoredNotebook(store.db, ids[4]);
    const reproductions = await visualisationFacets(store.db, galleryFilters.parse({ origin: 'reproductions' }));
    expect(reproductions.kind.reduce((n, v) => n + v.count, 0)).toBeGreaterThan(0);
    await expectCubesExact('reproduction');
    await store.db.insert(executions).values(run(ids[0], 'timeout', 4));
    await expectCubesExact("the original's newest execution");

    await store.db.insert(notebookAnalyses).values({ notebookId: ids[3], analyserVersion: 't', status: 'analysed', testingProperties: ['fairness', 'drift'] })
      .onConflictDoUpdate({ target: notebookAnalyses.notebookId, set: { testingProperties: ['fairness', 'drift'] } });
    await expectCubesExact('testing properties');

    await analyseStoredNotebook(store.db, ids[1]);
    await expectCubesExact('re-analysed');
    await store.db.update(visualisationLabels).set({ chartType: 'pie', multiPanel: true }).where(eq(visualisationLabels.notebookId, ids[2]));
    await expectCubesExact('labels edited');

    await store.db.delete(notebooks).where(eq(notebooks.id, ids[0])); // its reproduction stays, as an original again
    expect(await figuresCounted()).toBe(await figuresStored());
    await expectCubesExact('original deleted');
  });

  it('folds the cubes to one row per key without changing a count', async () => {
    const rowsOf = async () => (await store.db.execute<{ rows: number; keys: number }>(sql`
      select count(*)::int as rows, count(distinct (reproduction, mime, kind, context, chart_type, ml_stage, library, multi_panel))::int as keys from gallery_counts`))[0];
    const before = await rowsOf();
    expect(before.rows).toBeGreaterThan(before.keys);
    await foldFigureCounts(store.db);
    const after = await rowsOf();
    expect(after.rows).toBeLessThanOrEqual(after.keys);
    await expectCubesExact('folded');
    // A fold with nothing to sum rewrites no row (the worker folds every 30 s, idle or not).
    const places = async () => (await store.db.execute<{ g: string; a: string }>(sql`
      select (select string_agg(ctid::text, ',' order by ctid) from gallery_counts) as g, (select string_agg(ctid::text, ',' order by ctid) from analytics_counts) as a`))[0];
    const folded = await places();
    await foldFigureCounts(store.db);
    expect(await places()).toEqual(folded);
  });

  it('stays exact when two transactions change one notebook at once', async () => {
    // Two connections: one re-labels notebook 2's figures and holds its transaction open; the other
    // records an execution of the same notebook meanwhile. The second waits for the first's
    // recount, then recounts with both changes.
    const a = postgres(store.url, { max: 1, onnotice: () => {} });
    const b = postgres(store.url, { max: 1, onnotice: () => {} });
    try {
      let releaseA!: () => void;
      const holdA = new Promise<void>((r) => (releaseA = r));
      const txA = a.begin(async (tx) => {
        await tx`update visualisation_labels set chart_type = 'histogram' where notebook_id = ${ids[2]}`;
        await holdA;
      });
      await new Promise((r) => setTimeout(r, 200));
      const txB = b.begin(async (tx) => {
        await tx`insert into executions (job_id, notebook_id, executor, config_hash, status, seconds, cell_seconds, worker_id, out_of_order, skipped_counts, never_executed_cells, started_at, finished_at)
                 values ('job-concurrent', ${ids[2]}, 'host', 'h', 'ok', 1, '{}', 'w', false, false, 0, now(), now())`;
      });
      await new Promise((r) => setTimeout(r, 300));
      releaseA();
      await Promise.all([txA, txB]);
    } finally {
      await a.end();
      await b.end();
    }
    await expectCubesExact('concurrent');
  });

  it('rebuilds after a TRUNCATE', async () => {
    await store.db.execute(sql`truncate visualisation_labels`);
    const stored = await figuresStored();
    expect(asMap((await visualisationFacets(store.db, galleryFilters.parse({ origin: 'both' }))).chartType)).toEqual({ not_analysed: stored });
    await expectCubesExact('truncated');
  });
});
