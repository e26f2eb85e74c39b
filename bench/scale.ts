// npm run bench:scale [-- --scale 0.05] [--runs 50] [--keep]: fills a fresh database with a synthetic
// corpus (200,000 notebooks, ~1,000,000 visualisations, 5.6 M cells and their labels at --scale 1) and
// times the queries the app runs, through the lib functions its API calls: the gallery (first page, deep
// page, faceted), the facet counts, full-text search and the analytics cross-tabs; then the database's size.
// --keep leaves the data dir in place (its path is printed) for EXPLAIN ANALYZE by hand (bench/support/explain.ts);
// --seed-only stops after seeding (and keeps it); --data-dir <dir> times a store seeded and kept before.
import { sql } from 'drizzle-orm';
import { crossTab } from '../lib/analytics/cross-tab';
import type { Dimension } from '../lib/analytics/dimensions';
import { listVisualisations } from '../lib/browse/list-visualisations';
import { galleryFilters, galleryQuery } from '../lib/browse/schemas';
import { nearDuplicateGroupFacet, visualisationFacetLists, visualisationFacets } from '../lib/browse/visualisation-facets';
import { foldFigureCounts } from '../lib/db/figure-counts';
import { searchQuery } from '../lib/search/schemas';
import { countSearchMatches, searchCells } from '../lib/search/search-cells';
import { loadAverage, openBenchDatabase, timeRuns } from './support/bench-db';
import { seedSyntheticCorpus } from './support/synthetic-corpus';

const argv = process.argv.slice(2);
const opt = (name: string, fallback: number) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback);
const scale = opt('--scale', 1);
const RUNS = opt('--runs', 50);
const seedOnly = argv.includes('--seed-only');
const reuse = argv.includes('--data-dir') ? argv[argv.indexOf('--data-dir') + 1] : undefined;
const keep = argv.includes('--keep') || seedOnly || reuse !== undefined;
const NOTEBOOKS = Math.round(200_000 * scale);
// --only gallery|facets|search|cross-tab: time one group (e.g. again after a change, with --data-dir).
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;

const bench = await openBenchDatabase('scale', reuse);
const { db } = bench.store;
const results: Array<{ group: string; p95: number; target: number }> = [];

async function measure(group: string, label: string, target: number, fn: () => Promise<unknown>) {
  if (only && !group.startsWith(only)) return;
  // A query slower than a second gets 10 runs, not 50: the figure is a miss either way.
  const t = performance.now();
  await fn();
  const runs = performance.now() - t > 1000 ? Math.min(10, RUNS) : RUNS;
  const { p50, p95 } = await timeRuns(runs, fn);
  results.push({ group, p95, target });
  const mark = target === 0 ? '(no target)' : p95 < target ? 'ok' : `MISS (target ${target} ms)`;
  console.log(`${`${group}: ${label}`.padEnd(58)} p50=${p50.toFixed(1).padStart(7)} ms  p95=${p95.toFixed(1).padStart(7)} ms  n=${runs}  ${mark}  load ${loadAverage()}`);
}

try {
  const [{ n }] = await db.execute<{ n: number }>(sql`select count(*)::int as n from notebooks`);
  if (!reuse) {
    if (Number(n) > 0) throw new Error('bench:scale needs an empty database (unset DATABASE_URL, or point it at a new one).');
    console.log(`seeding ${NOTEBOOKS} notebooks (scale ${scale}), load ${loadAverage()}`);
    const t0 = performance.now();
    await seedSyntheticCorpus(db, NOTEBOOKS, console.log);
    console.log(`seeded in ${((performance.now() - t0) / 1000).toFixed(0)} s, load ${loadAverage()}`);
  }
  const [counts] = await db.execute<Record<string, number>>(sql`select
    (select count(*) from notebooks)::int as notebooks, (select count(*) from cells)::int as cells,
    (select count(*) from visualisations)::int as visualisations, (select count(*) from visualisation_labels)::int as labels`);
  console.log('rows:', counts);
  if (!seedOnly) await measureAll(counts);
} finally {
  if (keep) {
    console.log(`kept: --data-dir ${bench.store.dataDir}`);
    await bench.store.close();
  } else await bench.dispose();
}

async function measureAll(counts: Record<string, number>) {

  const [{ deep }] = await db.execute<{ deep: number }>(sql`select id as deep from visualisations order by id offset (select count(*) * 9 / 10 from visualisations) limit 1`);
  const page = (q: Record<string, unknown>) => () => listVisualisations(db, galleryQuery.parse(q));
  await measure('gallery', 'first page', 50, page({}));
  await measure('gallery', 'deep page (cursor at 90 %)', 50, page({ cursor: deep }));
  await measure('gallery', 'faceted: chart bar|line, stage model_evaluation', 50, page({ chartType: ['bar', 'line'], stage: ['model_evaluation'] }));
  await measure('gallery', 'faceted: library plotly, context yes, png', 50, page({ library: ['plotly'], context: 'yes', mime: 'image/png' }));
  await measure('gallery', 'faceted, rare: chart qq_plot, stage explainability', 50, page({ chartType: ['qq_plot'], stage: ['explainability'] }));
  await measure('gallery', 'faceted + search: q fairness, chart bar', 100, page({ q: 'fairness', chartType: ['bar'] }));

  // The figure-count cubes as the worker leaves them (it folds them every 30 s).
  const tf = performance.now();
  await foldFigureCounts(db);
  const [cubes] = await db.execute<{ gallery: number; analytics: number; parts: number }>(sql`select (select count(*) from gallery_counts)::int as gallery,
    (select count(*) from analytics_counts)::int as analytics, (select count(*) from figure_count_parts)::int as parts`);
  console.log(`figure-count cubes folded in ${((performance.now() - tf) / 1000).toFixed(2)} s: gallery ${cubes.gallery} rows, analytics ${cubes.analytics} rows (notebook parts ${cubes.parts})`);

  const facets = (f: Record<string, unknown>) => () => visualisationFacets(db, galleryFilters.parse(f));
  await measure('facets', 'no filter', 50, facets({}));
  await measure('facets', 'chart bar, stage model_evaluation', 50, facets({ chartType: ['bar'], stage: ['model_evaluation'] }));
  await measure('facets', 'library plotly, context yes, png, both origins', 50, facets({ library: ['plotly'], context: 'yes', mime: 'image/png', origin: 'both' }));
  // The many-valued lists (notebook, competition, medal; near-duplicate groups) are live counts, loaded
  // by the gallery in requests of their own: reported apart, against no target.
  const lists = (f: Record<string, unknown>) => () => visualisationFacetLists(db, galleryFilters.parse(f));
  await measure('facet lists', 'no filter', 0, lists({}));
  await measure('facet lists', 'chart bar, stage model_evaluation', 0, lists({ chartType: ['bar'], stage: ['model_evaluation'] }));
  const groups = (f: Record<string, unknown>) => () => nearDuplicateGroupFacet(db, galleryFilters.parse(f));
  await measure('facet lists', 'near-duplicate groups, no filter', 0, groups({}));
  await measure('facet lists', 'near-duplicate groups, chart bar, stage model_evaluation', 0, groups({ chartType: ['bar'], stage: ['model_evaluation'] }));

  for (const q of ['fairness', 'sns.heatmap', '"confusion matrix"', 'drift or leakage', 'xgboost -titanic', 'learning curve overfitting']) {
    await measure('search', q, 100, () => searchCells(db, searchQuery.parse({ q })));
  }
  await measure('search', 'confusion_matrix (code only)', 100, () => searchCells(db, searchQuery.parse({ q: 'confusion_matrix', kind: 'code' })));
  await measure('search', 'fairness, page 3', 100, () => searchCells(db, searchQuery.parse({ q: 'fairness', offset: 60 })));
  // What the bounded ranking leaves to other requests: the exact count (the results page asks for it
  // when the ranking stopped early) and a search that ranks every match (--exact): no target.
  for (const q of only && only !== 'search' ? [] : ['fairness', '"confusion matrix"']) {
    const { ranked, complete } = await searchCells(db, searchQuery.parse({ q }));
    const count = await countSearchMatches(db, searchQuery.parse({ q }));
    console.log(`  ${q}: ${complete ? 'every match ranked' : `first ${ranked} ranked`}; ${count.cells} cells in ${count.notebooks} notebooks match`);
    await measure('search count', q, 0, () => countSearchMatches(db, searchQuery.parse({ q })));
    await measure('search exact', q, 0, () => searchCells(db, searchQuery.parse({ q, exact: true })));
  }

  const pairs: Array<[Dimension, Dimension]> = [['chart_type', 'ml_stage'], ['library', 'year'], ['chart_type', 'competition'], ['ml_stage', 'testing'], ['chart_type', 'reproduction']];
  for (const [rows, cols] of pairs) {
    await measure('cross-tab', `corpus ${rows} x ${cols}`, 300, () => crossTab(db, { source: 'corpus', origin: 'originals' }, rows, cols));
  }
  const [{ sample }] = await db.execute<{ sample: number }>(sql`select max(id) as sample from samples`);
  for (const [rows, cols] of pairs.slice(0, 3)) {
    await measure('cross-tab', `sample of 2,000 ${rows} x ${cols}`, 300, () => crossTab(db, { source: 'sample', id: Number(sample), origin: 'originals' }, rows, cols));
  }

  const [size] = await db.execute<{ bytes: string }>(sql`select pg_size_pretty(pg_database_size(current_database())) as bytes`);
  console.log(`\ndatabase size ${size.bytes}; the biggest tables (with indexes and TOAST):`);
  const tables = await db.execute<{ name: string; total: string; heap: string; indexes: string }>(sql`
    select c.relname as name, pg_size_pretty(pg_total_relation_size(c.oid)) as total,
           pg_size_pretty(pg_table_size(c.oid)) as heap, pg_size_pretty(pg_indexes_size(c.oid)) as indexes
    from pg_class c join pg_namespace s on s.oid = c.relnamespace
    where c.relkind = 'r' and s.nspname = 'public' order by pg_total_relation_size(c.oid) desc limit 8`);
  for (const t of tables) console.log(`  ${t.name.padEnd(22)} ${t.total.padStart(8)}  (table ${t.heap}, indexes ${t.indexes})`);

  const worst = (g: string) => (results.some((r) => r.group === g) ? Math.max(...results.filter((r) => r.group === g).map((r) => r.p95)).toFixed(1) : '-');
  console.log(`\nscale=${scale} notebooks=${counts.notebooks} visualisations=${counts.visualisations} worst p95 (ms): ` +
    ['gallery', 'facets', 'facet lists', 'search', 'cross-tab'].map((g) => `${g}=${worst(g)}`).join(' ') + `  load ${loadAverage()}`);
}
