// For bench/scale.ts --keep: EXPLAIN ANALYZE of the SQL a lib function runs (captured through drizzle's
// logger), printed one plan per statement. Usage: VIZMINE_DATA_DIR=<kept dir> tsx bench/support/explain.ts <case>
import { drizzle } from 'drizzle-orm/postgres-js';
import { listVisualisations } from '../../lib/browse/list-visualisations';
import { galleryFilters, galleryQuery } from '../../lib/browse/schemas';
import { nearDuplicateGroupFacet, visualisationFacetLists, visualisationFacets } from '../../lib/browse/visualisation-facets';
import { crossTab } from '../../lib/analytics/cross-tab';
import { searchQuery } from '../../lib/search/schemas';
import { searchCells } from '../../lib/search/search-cells';
import * as schema from '../../lib/db/schema';
import { openDatabase, type Db } from '../../lib/db/client';

const store = await openDatabase({ dataDir: process.env.VIZMINE_DATA_DIR });
const captured: Array<{ query: string; params: unknown[] }> = [];
const db = drizzle(store.db.$client, { schema, casing: 'snake_case', logger: { logQuery: (query, params) => captured.push({ query, params }) } }) as unknown as Db;
const arg = process.argv[2];
const cases: Record<string, () => Promise<unknown>> = {
  first: () => listVisualisations(db, galleryQuery.parse({})),
  faceted: () => listVisualisations(db, galleryQuery.parse({ chartType: ['bar', 'line'], stage: ['model_evaluation'] })),
  rare: () => listVisualisations(db, galleryQuery.parse({ chartType: ['qq_plot'], stage: ['explainability'] })),
  qfacet: () => listVisualisations(db, galleryQuery.parse({ q: 'fairness', chartType: ['bar'] })),
  facets: () => visualisationFacets(db, galleryFilters.parse({})),
  lists: () => visualisationFacetLists(db, galleryFilters.parse({})),
  groups: () => nearDuplicateGroupFacet(db, galleryFilters.parse({})),
  facetsf: () => visualisationFacets(db, galleryFilters.parse({ chartType: ['bar'], stage: ['model_evaluation'] })),
  search: () => searchCells(db, searchQuery.parse({ q: process.argv[3] ?? 'sns.heatmap' })),
  xtab: () => crossTab(db, { source: 'corpus', origin: 'originals' }, 'chart_type', (process.argv[3] ?? 'ml_stage') as never),
  sample: () => crossTab(db, { source: 'sample', id: 1, origin: 'originals' }, 'chart_type', 'ml_stage'),
};
await cases[arg]();
const only = process.argv[4] ? Number(process.argv[4]) : null;
for (const [i, { query, params }] of captured.entries()) {
  if (only !== null && i !== only) continue;
  const plan = await store.db.$client.unsafe(`explain (analyze, buffers) ${query}`, params as never[]);
  console.log(`-- statement ${i}: ${query.slice(0, 200)}\n${plan.map((r) => r['QUERY PLAN']).join('\n')}\n`);
}
await store.close();
