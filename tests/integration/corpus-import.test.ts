import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, isNull, sql } from 'drizzle-orm';
import { importSources } from '../../lib/ingest/import-sources';
import { readSources } from '../../lib/ingest/read-sources';
import { computeDerivatives } from '../../lib/extract/compute-derivatives';
import { corpusStats } from '../../lib/browse/corpus-stats';
import { folderPath } from '../../lib/blobs/folder-store';
import { thumbnailKey } from '../../lib/blobs';
import { blobs, cells, notebooks, visualisations } from '../../lib/db/schema';
import type { ImportResult } from '../../lib/ingest/types';
import { CORPUS_DIR, readManifest } from '../helpers/corpus';
import { createTestStore, type TestStore } from '../helpers/db';

// The whole shared corpus of real Kaggle notebooks, imported once, checked against its manifest.
describe('importing the shared corpus', () => {
  let store: TestStore;
  let results: Map<string, ImportResult>;
  const manifest = readManifest();

  beforeAll(async () => {
    store = await createTestStore();
    const list = await importSources(store.db, readSources([CORPUS_DIR]), { blobDir: store.blobDir });
    results = new Map(list.map((r) => [r.file.split('/').pop()!, r]));
  });
  afterAll(() => store?.close());

  it('has a result for every notebook in the manifest', () => {
    expect(manifest.length).toBeGreaterThanOrEqual(100);
    for (const row of manifest) expect(results.get(row.file), row.file).toBeDefined();
  });

  it('matches the manifest: code and markdown cells, and one visualisation per PNG/SVG output', async () => {
    const rows = await store.db.execute<{ file: string; code: number; markdown: number; images: string }>(sql`
      select n.file_name as file, n.code_cells as code, n.markdown_cells as markdown,
        (select count(*) from visualisations v where v.notebook_id = n.id
          and ('image/png' = any(v.mimes) or 'image/svg+xml' = any(v.mimes))) as images
      from notebooks n where n.status = 'imported'`);
    const byFile = new Map(rows.map((r) => [r.file.split('/').pop()!, { ...r, images: Number(r.images) }]));
    const python = manifest.filter((m) => m.language === 'python');
    expect(byFile.size).toBe(python.length);
    for (const m of python) {
      const r = byFile.get(m.file);
      expect(r, m.file).toBeDefined();
      expect({ file: m.file, code: r!.code, markdown: r!.markdown, images: r!.images }).toEqual({
        file: m.file,
        code: m.n_code_cells,
        markdown: m.n_markdown_cells,
        images: m.n_image_outputs,
      });
    }
  });

  it('stores cells separately and in order', async () => {
    const [{ total }] = await store.db.select({ total: sql<number>`count(*)`.mapWith(Number) }).from(cells);
    const expected = manifest.filter((m) => m.language === 'python').reduce((n, m) => n + m.n_code_cells + m.n_markdown_cells, 0);
    expect(total).toBeGreaterThanOrEqual(expected); // plus raw cells and converted v3 headings
    // Exactly: every stored cell is one the notebook's counts account for, and none is missing.
    const [{ counted }] = await store.db
      .select({ counted: sql<number>`coalesce(sum(${notebooks.codeCells} + ${notebooks.markdownCells} + ${notebooks.rawCells} + ${notebooks.headingCells}), 0)`.mapWith(Number) })
      .from(notebooks);
    expect(total).toBe(counted);
    // The overview's cell count is the cells stored, v3 headings included.
    expect((await corpusStats(store.db)).notebooks.cells).toBe(total);
    const gaps = await store.db.execute(sql`select notebook_id from cells group by notebook_id having max(position) + 1 <> count(*)`);
    expect(gaps.length).toBe(0);
  });

  it('rejects the R notebooks with a reason and imports the nbformat 3 ones', () => {
    const r = manifest.filter((m) => m.language === 'r');
    expect(r.length).toBeGreaterThan(0);
    for (const m of r) {
      expect(results.get(m.file)!.status).toBe('rejected');
      expect(results.get(m.file)!.error!.message).toMatch(/R/);
    }
    const v3 = manifest.filter((m) => m.nbformat === 3);
    expect(v3.length).toBeGreaterThan(0);
    for (const m of v3) expect(results.get(m.file)!.status, m.file).toBe('imported');
  });

  it('stores each distinct image once, by hash, on disk', async () => {
    const stored = await store.db.select().from(blobs);
    const referenced = await store.db.execute(sql`select count(distinct blob_sha256) as n from visualisations where blob_sha256 is not null`);
    expect(stored.length).toBe(Number(referenced[0].n));
    for (const b of stored.slice(0, 50)) {
      expect(fs.statSync(`${store.blobDir}/${b.sha256.slice(0, 2)}/${b.sha256}`).size).toBe(b.bytes);
    }
    const png = stored.find((b) => b.mime === 'image/png')!;
    expect(png.width).toBeGreaterThan(0);
    expect(png.height).toBeGreaterThan(0);
  });

  it('links every visualisation to its generating code cell and markdown context', async () => {
    const rows = await store.db
      .select({ type: cells.cellType, hasContext: visualisations.hasContext, before: visualisations.contextBefore })
      .from(visualisations)
      .innerJoin(cells, eq(cells.id, visualisations.cellId));
    expect(rows.length).toBeGreaterThan(500);
    expect(rows.every((r) => r.type === 'code')).toBe(true);
    expect(rows.filter((r) => r.hasContext).length / rows.length).toBeGreaterThan(0.5);
  });

  it('re-importing the same bytes is a no-op', async () => {
    const before = await store.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(cells);
    const again = await importSources(store.db, readSources([CORPUS_DIR]), { blobDir: store.blobDir });
    expect(again.every((r) => r.status === 'duplicate')).toBe(true);
    const after = await store.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(cells);
    expect(after[0].n).toBe(before[0].n);
  });

  it('computes thumbnails and perceptual hashes, grouping near-duplicates', async () => {
    const done = await computeDerivatives(store.db, store.blobDir);
    const all = await store.db.select().from(blobs);
    expect(done).toBe(all.length);
    expect(await store.db.select().from(blobs).where(isNull(blobs.thumbnailAt))).toHaveLength(0);
    const ok = all.filter((b) => !b.derivativeError);
    expect(ok.length / all.length).toBeGreaterThan(0.95);
    for (const b of ok.slice(0, 20)) expect(fs.existsSync(folderPath(store.blobDir, thumbnailKey(b.sha256)))).toBe(true);
    expect(ok.every((b) => b.dhash !== null && b.dupGroup !== null)).toBe(true);
  });
});
