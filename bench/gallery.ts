// npm run bench:gallery: seeds 100,000 visualisations and times the gallery API (its route handler,
// in process: zod parsing, the keyset query, JSON), printing p50/p95 per query.
import { sql } from 'drizzle-orm';
import { GET as gallery } from '../app/api/visualisations/route';
import { signedInHeaders } from '../tests/helpers/api-auth';
import { openBenchDatabase, seedLabels } from './support/bench-db';

const ROWS = Number(process.env.ROWS ?? 100_000);
const RUNS = 200;
const bench = await openBenchDatabase('gallery');
const { store } = bench;
// Every API route needs a session: a real one, as a coder (reads need no more).
const { headers } = await signedInHeaders(store, { role: 'coder' });

async function seed() {
  const notebooksN = Math.ceil(ROWS / 50);
  await store.db.execute(sql`
    insert into notebooks (content_hash, file_name, title, status, original_nbformat, nbformat_minor, bytes, metadata)
    select md5(g::text), 'nb' || g || '.ipynb', 'Notebook ' || g, 'imported', 4, 5, 1000, '{}'
    from generate_series(1, ${notebooksN}) g`);
  await store.db.execute(sql`
    insert into cells (notebook_id, position, cell_type, source, outputs, metadata)
    select 1 + (g - 1) / 50, (g - 1) % 50, 'code', 'plt.plot(x)', '[]', '{}' from generate_series(1, ${ROWS}) g`);
  await store.db.execute(sql`
    insert into blobs (sha256, mime, bytes, width, height, thumbnail_at, dhash, dup_group)
    select encode(sha256(g::text::bytea), 'hex'), 'image/png', 20000, 640, 480, now(), (random() * 9e18)::bigint,
           encode(sha256((g % 5000)::text::bytea), 'hex')
    from generate_series(1, ${ROWS}) g`);
  await store.db.execute(sql`
    insert into visualisations (notebook_id, cell_id, cell_position, output_index, kind, mime, mimes, blob_sha256, context_before, has_context)
    select c.notebook_id, c.id, c.position, 0, 'image',
           (array['image/png','image/svg+xml','image/jpeg'])[1 + c.id % 3],
           array['image/png','text/plain'],
           encode(sha256(c.id::text::bytea), 'hex'),
           '{}', c.id % 2 = 0
    from cells c`);
  // The library facet reads the analysis engine's labels (lib/analysis-store).
  await seedLabels(store.db, {
    chartType: ['bar', 'line', 'scatter', 'histogram', 'heatmap'],
    library: ['matplotlib', 'seaborn', 'plotly', 'bokeh', 'wordcloud'],
    stage: ['data_exploration', 'model_evaluation', 'preprocessing'],
    multiPanelShare: 0,
  });
  await store.db.execute(sql`analyze`);
}

async function time(label: string, query: string) {
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const res = await gallery(new Request(`http://bench/api/visualisations?${query}`, { headers }), undefined as never);
    await res.json();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const p = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))].toFixed(1);
  console.log(`${label.padEnd(34)} p50=${p(0.5)} ms  p95=${p(0.95)} ms`);
  return Number(p(0.95));
}

try {
  const t = performance.now();
  await seed();
  console.log(`seeded ${ROWS} visualisations in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  // The 100th page's cursor, found by walking the pages once as a user scrolling would.
  let cursor: number | null = null;
  for (let page = 1; page < 100; page++) {
    const res = await gallery(new Request(`http://bench/api/visualisations?limit=60${cursor ? `&cursor=${cursor}` : ''}`, { headers }), undefined as never);
    cursor = ((await res.json()) as { nextCursor: number }).nextCursor;
  }
  const first = await time('first page', 'limit=60');
  const hundredth = await time('100th page', `limit=60&cursor=${cursor}`);
  const faceted = await time('faceted (library + mime + context)', 'limit=60&library=seaborn&mime=image/png&context=yes');
  console.log(`p95_first_ms=${first} p95_page100_ms=${hundredth} p95_faceted_ms=${faceted}`);
} finally {
  await bench.dispose(); // the route handler's own pool too
}
