import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSources } from '../../lib/ingest/import-sources';
import { closePreparePool, preparePool } from '../../lib/ingest/prepare-pool';
import type { ImportResult, ImportSource } from '../../lib/ingest/types';
import { CORPUS_DIR, readManifest } from '../helpers/corpus';
import { createTestStore, type TestStore } from '../helpers/db';

// A spread of the real corpus (nbformat 3 and 4, plotly and HTML outputs, many images), read in place.
const corpus = readManifest().filter((_, i) => i % 6 === 0).map((m) => m.file);

function sources(): ImportSource[] {
  const list: ImportSource[] = corpus.map((file) => ({ file, bytes: fs.readFileSync(path.join(CORPUS_DIR, file)) }));
  const first = { bytes: fs.readFileSync(path.join(CORPUS_DIR, corpus[0])) };
  list.push({ file: 'truncated.ipynb', bytes: first.bytes.subarray(0, Math.floor(first.bytes.length / 2)) });
  list.push({ file: 'r-kernel.ipynb', bytes: Buffer.from(JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { name: 'ir', language: 'R' } }, cells: [] })) });
  return list;
}
// The same bytes again, in a batch of its own (within one batch, which copy is stored first is a race).
const again = (): ImportSource[] => [{ file: 'again.ipynb', bytes: fs.readFileSync(path.join(CORPUS_DIR, corpus[0])) }];

/** Every stored row that an import writes, keyed by content, without ids or timestamps. */
async function storedRows(store: TestStore) {
  const sql = store.db.$client;
  const notebooks = await sql`
    select content_hash, title, status, reject_reason, original_nbformat, nbformat_minor, language, kernel_name, bytes, metadata,
           code_cells, markdown_cells, raw_cells, heading_cells, error_outputs, visualisation_count
    from notebooks order by content_hash`;
  const cells = await sql`
    select n.content_hash, c.position, c.cell_type, c.source, c.execution_count, c.outputs, c.metadata
    from cells c join notebooks n on n.id = c.notebook_id order by n.content_hash, c.position`;
  const visualisations = await sql`
    select n.content_hash, c.position as cell, v.cell_position, v.output_index, v.kind, v.mime, v.mimes, v.blob_sha256, v.spec,
           v.context_before, v.context_after, v.has_context
    from visualisations v join notebooks n on n.id = v.notebook_id join cells c on c.id = v.cell_id
    order by n.content_hash, v.cell_position, v.output_index`;
  const blobs = await sql`select sha256, mime, bytes, width, height from blobs order by sha256`;
  const failures = await sql`select file_name, content_hash, code, message, location from import_failures order by file_name`;
  const files = blobs.map((b) => fs.readFileSync(path.join(store.blobDir, b.sha256.slice(0, 2), b.sha256)).length);
  return { notebooks, cells, visualisations, blobs, failures, files };
}

const withoutIds = (r: ImportResult) => ({ ...r, notebookId: r.notebookId ? 'id' : undefined });
const byFile = (a: { file: string; status: string }, b: { file: string; status: string }) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.status < b.status ? -1 : 1);

describe('importing through the worker-thread pool', () => {
  let inThread: TestStore;
  let pooled: TestStore;
  let results: { inThread: ImportResult[]; pooled: ImportResult[] };

  beforeAll(async () => {
    [inThread, pooled] = await Promise.all([createTestStore(), createTestStore()]);
    const pool = preparePool(2);
    expect(pool).not.toBeNull();
    const run = async (store: TestStore, opts: Parameters<typeof importSources>[2]) => [
      ...(await importSources(store.db, sources(), opts)),
      ...(await importSources(store.db, again(), opts)),
    ];
    results = {
      inThread: await run(inThread, { blobDir: inThread.blobDir }),
      pooled: await run(pooled, { blobDir: pooled.blobDir, pool }),
    };
  });
  afterAll(async () => {
    await closePreparePool();
    await Promise.all([inThread?.close(), pooled?.close()]);
  });

  it('stores the same rows and blobs as an import in the calling thread', async () => {
    const [a, b] = await Promise.all([storedRows(inThread), storedRows(pooled)]);
    expect(a.notebooks.length).toBe(corpus.length + 1); // every corpus file, and the R notebook as rejected
    expect(a.cells.length).toBeGreaterThan(500);
    expect(a.visualisations.length).toBeGreaterThan(50);
    expect(a.blobs.length).toBeGreaterThan(50);
    expect(b).toEqual(a);
  });

  it('reports the same result for each file, the broken one with what and where', () => {
    expect(results.pooled.map(withoutIds).sort(byFile)).toEqual(results.inThread.map(withoutIds).sort(byFile));
    const truncated = results.pooled.find((r) => r.file === 'truncated.ipynb')!;
    expect(truncated.status).toBe('failed');
    expect(truncated.error?.code).toBe('truncated');
    expect(truncated.error?.where).toMatch(/^byte \d+$/);
    const statuses = results.pooled.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 'imported')).toHaveLength(corpus.length);
    expect(statuses.filter((s) => s === 'duplicate')).toHaveLength(1);
  });
});

describe('one broken file among a thousand, through the pool', () => {
  let store: TestStore;
  let results: ImportResult[];

  const notebook = (i: number) =>
    JSON.stringify({
      nbformat: 4,
      nbformat_minor: 5,
      metadata: { kernelspec: { name: 'python3', language: 'python' } },
      cells: [
        { cell_type: 'markdown', metadata: {}, source: `# Notebook ${i}` },
        { cell_type: 'code', metadata: {}, execution_count: 1, source: `print(${i})`, outputs: [{ output_type: 'stream', name: 'stdout', text: `${i}\n` }] },
      ],
    });

  beforeAll(async () => {
    store = await createTestStore();
    const batch: ImportSource[] = Array.from({ length: 1000 }, (_, i) => ({ file: `nb-${i}.ipynb`, bytes: Buffer.from(notebook(i)) }));
    // Notebook 617 has a stray comma: a hand-edited file.
    batch[617] = { file: 'nb-617.ipynb', bytes: Buffer.from(notebook(617).replace('"cells":[', '"cells":[,')) };
    results = await importSources(store.db, batch, { blobDir: store.blobDir, pool: preparePool(2) });
  });
  afterAll(async () => {
    await closePreparePool();
    await store?.close();
  });

  it('reports which file failed, what and where, and stores the other 999', async () => {
    const failed = results.filter((r) => r.status === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0].file).toBe('nb-617.ipynb');
    expect(failed[0].error).toMatchObject({ code: 'json', where: expect.stringMatching(/^line 1, column \d+$/) });
    expect(failed[0].error!.message).toMatch(/JSON syntax error: Unexpected token ','/);
    expect(results.filter((r) => r.status === 'imported')).toHaveLength(999);

    const [{ notebooks, cells }] = await store.db.$client`
      select (select count(*)::int from notebooks) as notebooks, (select count(*)::int from cells) as cells`;
    expect({ notebooks, cells }).toEqual({ notebooks: 999, cells: 1998 });
    const [stored] = await store.db.$client`select file_name, code, location from import_failures`;
    expect(stored).toEqual({ file_name: 'nb-617.ipynb', code: 'json', location: failed[0].error!.where });
  });
});

describe('the pool with a blob store that is not a folder', () => {
  let store: TestStore;
  let results: ImportResult[];

  beforeAll(async () => {
    store = await createTestStore();
    // Threads write images themselves only into a folder; for any other store the bytes come back.
    process.env.VIZMINE_BLOB_STORE = 'postgres';
    try {
      results = await importSources(store.db, sources().slice(0, 4), { blobDir: store.blobDir, pool: preparePool(2) });
    } finally {
      delete process.env.VIZMINE_BLOB_STORE;
    }
  });
  afterAll(async () => {
    await closePreparePool();
    await store?.close();
  });

  it('stores every image of the imported notebooks in that store, and none in the folder', async () => {
    expect(results.filter((r) => r.status === 'imported')).toHaveLength(4);
    const rows = await store.db.$client<{ sha256: string; size: number; stored: number | null }[]>`
      select b.sha256, b.bytes as size, octet_length(d.data) as stored from blobs b left join blob_data d on d.key = b.sha256`;
    expect(rows.length).toBeGreaterThan(5);
    for (const r of rows) expect(r.stored, r.sha256).toBe(Number(r.size));
    expect(fs.existsSync(store.blobDir) ? fs.readdirSync(store.blobDir) : []).toEqual([]);
  });
});
