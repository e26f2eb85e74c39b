// Full-text search over cells on real PostgreSQL: a stemmed phrase from markdown and a dotted call from
// code, each ranked first with its words highlighted; web-search syntax; the gallery's text filter; the CLI.
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '../helpers/db';
import { importNotebook } from '../../lib/ingest/import-notebook';
import { countSearchMatches, RANK_WINDOW, searchCells } from '../../lib/search/search-cells';
import { sql } from 'drizzle-orm';
import { searchQuery } from '../../lib/search/schemas';
import { listVisualisations } from '../../lib/browse/list-visualisations';
import { galleryQuery } from '../../lib/browse/schemas';

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const md = (source: string) => ({ cell_type: 'markdown', metadata: {}, source });
const code = (source: string, figure = false) => ({
  cell_type: 'code',
  metadata: {},
  execution_count: 1,
  source,
  outputs: figure ? [{ output_type: 'display_data', metadata: {}, data: { 'image/png': PNG, 'text/plain': '<Figure>' } }] : [],
});
const nb = (cells: unknown[]) => Buffer.from(JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { name: 'python3', language: 'python' } }, cells }));

describe('full-text search', () => {
  let store: TestStore;
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    store = await createTestStore();
    const notebooks = {
      fairness: nb([
        md('# Credit scoring'),
        md('We check whether the model treats applicants fairly: the **fairness** of its decisions across groups, and how its errors are distributed.'),
        code('import seaborn as sns\nimport matplotlib.pyplot as plt\nsns.heatmap(df.corr(), annot=True)', true),
        md('The heatmap shows strong correlations between income and the score.'),
      ]),
      titanic: nb([
        md('# Titanic'),
        md('Survival by class. Nothing about being fair here, just counts.'),
        code('from sklearn.metrics import confusion_matrix\ncm = confusion_matrix(y_true, y_pred)\nplt.imshow(cm)', true),
        code('df.plot.bar()\nheatmap_like = 3'),
      ]),
    };
    for (const [name, bytes] of Object.entries(notebooks)) {
      const r = await importNotebook(store.db, { file: `${name}.ipynb`, bytes, blobDir: store.blobDir });
      expect(r.status).toBe('imported');
      ids[name] = r.notebookId!;
    }
  });
  afterAll(async () => store?.close());

  const search = (q: string, extra: Record<string, unknown> = {}) => searchCells(store.db, searchQuery.parse({ q, ...extra }));
  const marked = (h: { snippet: string; highlights: Array<[number, number]> }) => h.highlights.map(([a, b]) => h.snippet.slice(a, b).toLowerCase());

  it('finds a stemmed phrase in markdown, ranked first, with its words highlighted', async () => {
    const { hits, ranked, complete } = await search('"distributed errors" or fairly');
    expect(ranked).toBeGreaterThanOrEqual(1);
    expect(complete).toBe(true);
    expect(hits[0]).toMatchObject({ notebookId: ids.fairness, cell: 1, kind: 'markdown' });
    // "fair" finds "fairly" and "fairness" by their stem, in the fairness notebook first (two matches there).
    const fair = await search('fair');
    expect(fair.hits[0]).toMatchObject({ notebookId: ids.fairness, cell: 1 });
    expect(marked(fair.hits[0])).toEqual(expect.arrayContaining(['fairly', 'fairness']));
    expect(fair.hits.map((h) => h.notebookId)).toContain(ids.titanic); // "fair here"
  });

  it('finds a dotted call and an identifier in code, ranked first, highlighted', async () => {
    const { hits } = await search('sns.heatmap', { kind: 'code' });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ notebookId: ids.fairness, cell: 2, kind: 'code' });
    expect(marked(hits[0])).toEqual(['sns.heatmap']);
    const cm = await search('confusion_matrix');
    expect(cm.hits[0]).toMatchObject({ notebookId: ids.titanic, cell: 2, kind: 'code' });
    // `heatmap` alone finds the call's last part too.
    expect((await search('heatmap', { kind: 'code' })).hits.map((h) => [h.notebookId, h.cell])).toContainEqual([ids.fairness, 2]);
  });

  it('reads web-search syntax: a word left out with -', async () => {
    const all = await search('fair');
    const without = await search('fair -titanic -counts');
    expect(without.ranked).toBe(all.ranked - 1);
    expect(without.hits.every((h) => h.notebookId === ids.fairness)).toBe(true);
  });

  it('filters the gallery by what the figure’s code and markdown say', async () => {
    const page = await listVisualisations(store.db, galleryQuery.parse({ q: 'correlations' }));
    expect(page.items.map((v) => v.notebookId)).toEqual([ids.fairness]);
    const codeOnly = await listVisualisations(store.db, galleryQuery.parse({ q: 'confusion_matrix', qKind: 'code' }));
    expect(codeOnly.items.map((v) => v.notebookId)).toEqual([ids.titanic]);
    expect((await listVisualisations(store.db, galleryQuery.parse({ q: 'correlations', qKind: 'code' }))).items).toEqual([]);
  });

  it('ranks the first RANK_WINDOW matches of a common word, says so, and ranks or counts them all on demand', async () => {
    // A notebook whose cells all say "calibration": RANK_WINDOW + 50 of them, the first one three times.
    const extra = RANK_WINDOW + 50;
    const [{ id }] = await store.db.execute<{ id: number }>(sql`
      insert into notebooks (content_hash, file_name, title, status, original_nbformat, nbformat_minor, language, code_cells, markdown_cells, visualisation_count, bytes, metadata)
      values ('calibration', 'calibration.ipynb', 'Calibration', 'imported', 4, 5, 'python', 0, ${extra}, 0, 1, '{}') returning id`);
    await store.db.execute(sql`
      insert into cells (notebook_id, position, cell_type, source, outputs, metadata)
      select ${id}, p, 'markdown', case when p = 0 then 'Calibration: calibration curves show calibration.' else 'A cell about calibration number ' || p end, '[]', '{}'
      from generate_series(0, ${extra - 1}) p`);
    try {
      const bounded = await search('calibration');
      expect(bounded).toMatchObject({ complete: false, ranked: RANK_WINDOW });
      expect(bounded.hits).toHaveLength(30);
      expect(bounded.hits[0]).toMatchObject({ notebookId: Number(id), cell: 0 });
      // A page past the window's end is empty, and still says how many were ranked.
      const past = await search('calibration', { offset: RANK_WINDOW });
      expect(past).toMatchObject({ hits: [], complete: false, ranked: RANK_WINDOW });
      const exact = await search('calibration', { exact: 'true', offset: RANK_WINDOW, limit: 100 });
      expect(exact).toMatchObject({ complete: true, ranked: extra });
      expect(exact.hits).toHaveLength(50);
      expect(await countSearchMatches(store.db, searchQuery.parse({ q: 'calibration' }))).toEqual({ cells: extra, notebooks: 1 });
      expect(await countSearchMatches(store.db, searchQuery.parse({ q: 'calibration', kind: 'code' }))).toEqual({ cells: 0, notebooks: 0 });
    } finally {
      await store.db.execute(sql`delete from notebooks where id = ${id}`);
    }
  });

  it('prints one JSON line per hit from `vizmine search --json`', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/cli.ts', '--data-dir', store.dataDir, 'search', 'sns.heatmap', '--json'], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: store.url },
      timeout: 120_000,
    });
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ notebookId: ids.fairness, cell: 2, kind: 'code' });
    expect(lines[0].snippet).toContain('sns.heatmap');
    expect(typeof lines[0].rank).toBe('number');
  });
});
