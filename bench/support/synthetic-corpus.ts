// A synthetic corpus at realistic shapes for bench/scale.ts, written with set-based SQL (INSERT …
// SELECT over generate_series), never row by row. Shapes come from the shared corpus of 100 real
// notebooks: median 20 code and 8 markdown cells per notebook (28 cells), 5 figures per notebook on
// average (0–10), labels drawn from the labelled development set's distribution.
import { sql } from 'drizzle-orm';
import type { Db } from '../../lib/db/client';
import { drawFrom, seedLabels } from './bench-db';
import { CODE_FILLER, CODE_LINES, LABEL_COUNTS, MARKDOWN_FILLER, MARKDOWN_SENTENCES, NOTEBOOK_KINDS, NOTEBOOK_TOPICS, weighted } from './synthetic-text';

const CELLS_PER_NOTEBOOK = 28;
/** Markdown cells sit at positions p with p % 7 in (0, 4): 8 of 28; the other 20 are code. */
const isMarkdown = sql.raw('p % 7 in (0, 4)');
/** Code cells that draw a figure, in order; a notebook of id i has (i * 7) % 11 figures (mean 5). */
const FIGURE_POSITIONS = sql.raw('array[2, 6, 9, 13, 16, 20, 23, 27, 1, 5]');
const COMPETITIONS = ['titanic', 'house-prices-advanced-regression-techniques', 'digit-recognizer', 'nlp-getting-started', 'spaceship-titanic', 'store-sales-time-series-forecasting'];
const TESTING = ['fairness', 'robustness', 'drift', 'explainability', 'leakage'];
const STATUSES = weighted({ ok: 40, exception: 35, missing_datasets: 15, timeout: 7, killed: 3 });

type Step = (db: Db, from: number, to: number) => Promise<unknown>;

/** Fills every table the gallery, facets, search and cross-tabs read, `batch` notebooks per statement, two at a time. */
export async function seedSyntheticCorpus(db: Db, notebooks: number, log: (s: string) => void, batch = 10_000) {
  await seedTextPool(db);
  const steps: Array<[string, Step]> = [
    ['notebooks', seedNotebooks],
    ['cells', seedCells],
    ['blobs', seedBlobs],
    ['visualisations', seedVisualisations],
    ['labels', (d, a, b) => seedLabels(d, labelDraw, sql`v.notebook_id between ${a} and ${b}`)],
    ['analyses', seedAnalyses],
    ['kaggle metadata', seedKaggle],
    ['executions', seedExecutions],
  ];
  for (const [name, step] of steps) {
    const t = performance.now();
    // As a restore does: build the full-text indexes once after the load instead of row by row during it.
    if (name === 'cells') await db.execute(sql`drop index cells_search_markdown_idx, cells_search_code_idx`);
    const ranges: Array<[number, number]> = [];
    for (let a = 1; a <= notebooks; a += batch) ranges.push([a, Math.min(notebooks, a + batch - 1)]);
    // Two statements at once: the machine has two cores and one INSERT uses one.
    const next = async () => { for (let r = ranges.shift(); r; r = ranges.shift()) await step(db, r[0], r[1]); };
    await Promise.all([next(), next()]);
    if (name === 'cells') await db.transaction(async (tx) => {
      await tx.execute(sql`set local maintenance_work_mem = '1GB'`);
      await tx.execute(sql`create index cells_search_markdown_idx on cells using gin (search) where cell_type = 'markdown'`);
      await tx.execute(sql`create index cells_search_code_idx on cells using gin (search) where cell_type = 'code'`);
    });
    log(`  ${name.padEnd(16)} ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  // Ids were given explicitly: move the sequence past them.
  await db.execute(sql`select setval('notebooks_id_seq', ${notebooks})`);
  await seedSample(db);
  await db.execute(sql`drop table bench_texts`);
  const t = performance.now();
  await db.execute(sql`vacuum analyze`);
  log(`  vacuum analyze   ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

const labelDraw = {
  chartType: weighted(LABEL_COUNTS.chartType),
  library: weighted(LABEL_COUNTS.library),
  stage: weighted(LABEL_COUNTS.stage),
  multiPanelShare: LABEL_COUNTS.multiPanelShare,
  labelledShare: 0.97, // a few figures not analysed yet (e.g. imported during a re-analysis)
};

const seedNotebooks: Step = (db, a, b) => db.execute(sql`
  insert into notebooks (id, content_hash, file_name, title, status, original_nbformat, nbformat_minor, language, kernel_name,
                         code_cells, markdown_cells, visualisation_count, bytes, metadata, imported_at)
  select g, md5('notebook' || g), 'kernel-' || g || '.ipynb',
         ${drawFrom(NOTEBOOK_TOPICS)} || ' ' || ${drawFrom(NOTEBOOK_KINDS)} || ' ' || g,
         'imported', 4, 5, 'python', 'python3', 20, 8, (g * 7) % 11, 20000 + (g * 7919) % 400000, '{"kernelspec":{"name":"python3"}}',
         now() - (g % 1500) * interval '1 day'
  from generate_series(${a}::int, ${b}::int) g`);

// Cell texts come from a pool of 20,000 markdown and 20,000 code texts, each a few lines drawn at
// random (nine in ten from the filler templates): drawing per cell would cost more than the tsvectors.
const POOL = 20_000;
const line = (filler: readonly string[], specific: readonly string[]) =>
  sql`case when random() < 0.9 then replace(${drawFrom(filler)}, '#', floor(random() * 500)::int::text) else ${drawFrom(specific)} end`;

export async function seedTextPool(db: Db) {
  await db.execute(sql`create unlogged table if not exists bench_texts (kind text, i int, body text, primary key (kind, i))`);
  await db.execute(sql`
    insert into bench_texts
    select 'markdown', i, array_to_string(array(select ${line(MARKDOWN_FILLER, MARKDOWN_SENTENCES)} from generate_series(1, 1 + i % 4)), ' ')
    from generate_series(0, ${POOL - 1}) i
    union all
    select 'code', i, array_to_string(array(select ${line(CODE_FILLER, CODE_LINES)} from generate_series(1, 2 + i % 7)), E'\n')
    from generate_series(0, ${POOL - 1}) i`);
}

const seedCells: Step = (db, a, b) => db.execute(sql`
  insert into cells (notebook_id, position, cell_type, source, execution_count, outputs, metadata)
  select n, p, t.kind, t.body, case when ${isMarkdown} then null else p end,
         (case when p % 3 = 0 and not ${isMarkdown}
           then '[{"output_type":"stream","name":"stdout","text":["Accuracy: 0.8212\\n","              precision    recall  f1-score   support\\n"]}]'
           else '[]' end)::json,
         '{}'
  from generate_series(${a}::int, ${b}::int) n cross join generate_series(0, ${CELLS_PER_NOTEBOOK - 1}) p
  join bench_texts t on t.kind = case when ${isMarkdown} then 'markdown' else 'code' end and t.i = (n * 7919 + p * 104729) % ${POOL}`);

// The cells that hold a figure; r (0–99) decides its kind: 90 % images, 7 % plotly, 3 % HTML.
const figureCells = (a: number, b: number) => sql`
  select c.id as cell_id, c.notebook_id, c.position, (c.id * 37) % 100 as r
  from cells c
  where c.notebook_id between ${a} and ${b} and c.position = any((${FIGURE_POSITIONS})[1:(c.notebook_id * 7) % 11])`;
const blobSha = sql.raw(`encode(sha256(('blob' || f.cell_id)::bytea), 'hex')`);

const seedBlobs: Step = (db, a, b) => db.execute(sql`
  insert into blobs (sha256, mime, bytes, width, height, thumbnail_at, dhash, dhash_v, dup_group)
  select ${blobSha}, case when f.r < 80 then 'image/png' when f.r < 88 then 'image/svg+xml' else 'image/jpeg' end,
         15000 + (f.cell_id * 7919) % 120000, 640 + (f.r % 4) * 160, 480, now(), (random() * 9e18)::bigint, (random() * 9e18)::bigint,
         -- one figure in ten is a near-duplicate of one of 5,000 common images
         case when f.cell_id % 10 = 0 then encode(sha256(('group' || f.cell_id % 5000)::bytea), 'hex') else ${blobSha} end
  from (${figureCells(a, b)}) f where f.r < 90`);

const seedVisualisations: Step = (db, a, b) => db.execute(sql`
  insert into visualisations (notebook_id, cell_id, cell_position, output_index, kind, mime, mimes, blob_sha256, context_before, has_context)
  select f.notebook_id, f.cell_id, f.position, 0,
         case when f.r < 90 then 'image' when f.r < 97 then 'plotly' else 'html' end,
         case when f.r < 80 then 'image/png' when f.r < 88 then 'image/svg+xml' when f.r < 90 then 'image/jpeg'
              when f.r < 97 then 'application/vnd.plotly.v1+json' else 'text/html' end,
         array['image/png', 'text/plain'],
         case when f.r < 90 then ${blobSha} end,
         case when f.cell_id % 10 < 7 then array[f.position - f.position % 7 + case when f.position % 7 > 4 then 4 else 0 end] else '{}' end,
         f.cell_id % 10 < 7
  from (${figureCells(a, b)}) f
  order by f.notebook_id, f.position`);

const seedAnalyses: Step = (db, a, b) => db.execute(sql`
  insert into notebook_analyses (notebook_id, analyser_version, status, result, testing_properties, imports)
  select g, 'bench', 'analysed',
         jsonb_build_object('lints', '[]'::jsonb, 'cellStages', (select jsonb_agg(case when p < 12 then 'data_exploration' else 'model_evaluation' end) from generate_series(0, 27) p)),
         case when g % 20 = 0 then array[${drawFrom(TESTING)}] when g % 50 = 1 then array['fairness', 'drift'] else '{}' end,
         array['numpy', 'pandas', 'matplotlib', 'seaborn', 'sklearn']
  from generate_series(${a}::int, ${b}::int) g`);

// Nine notebooks in ten came from Kaggle; seven in ten of those entered a competition (a few famous ones most often).
const seedKaggle: Step = (db, a, b) => db.execute(sql`
  insert into kaggle_kernels (notebook_id, ref, kernel_id, title, author, votes, last_run_time, language, competitions, medal, stored_form, source)
  select g, 'user' || g % 50000 || '/kernel-' || g, g, 'Kernel ' || g, 'user' || g % 50000, (g * 13) % 200,
         timestamptz '2015-01-01' + random() * interval '3800 days', 'python',
         case when random() < 0.7 then array[case when random() < 0.5 then ${drawFrom(COMPETITIONS)} else 'competition-' || floor(power(random(), 2) * 800)::int end]
              else '{}' end,
         case when g % 20 = 0 then (array['gold', 'silver', 'bronze'])[1 + g % 3] end, 'with-outputs', 'meta-kaggle'
  from generate_series(${a}::int, ${b}::int) g where g % 10 <> 0`);

// One notebook in ten reproduced once.
const seedExecutions: Step = (db, a, b) => db.execute(sql`
  insert into executions (job_id, notebook_id, executor, config_hash, status, seconds, cell_seconds, worker_id, out_of_order, skipped_counts, never_executed_cells, started_at)
  select 'bench-' || g, g, 'container', 'bench', ${drawFrom(STATUSES)}, random() * 600, '{}', 'bench', false, false, 0, now()
  from generate_series(${a}::int, ${b}::int) g where g % 10 = 3`);

/** One study's sample of 2,000 figures (a typical qualitative-coding sample), for the cross-tabs over a sample. */
async function seedSample(db: Db) {
  await db.execute(sql`insert into studies (name, created_by) values ('bench study', 'bench')`);
  await db.execute(sql`insert into samples (study_id, name, definition, created_by) select max(id), 'bench sample', '{}', 'bench' from studies`);
  await db.execute(sql`
    insert into sample_items (sample_id, visualisation_id, position)
    select (select max(id) from samples), v.id, row_number() over () - 1
    from (select id from visualisations order by random() limit 2000) v`);
}
