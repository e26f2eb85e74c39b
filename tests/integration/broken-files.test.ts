import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { zipSync } from 'fflate';
import { importSources } from '../../lib/ingest/import-sources';
import { readSources } from '../../lib/ingest/read-sources';
import { cells, importFailures, notebooks } from '../../lib/db/schema';
import type { ImportResult } from '../../lib/ingest/types';
import { corpusFile } from '../helpers/corpus';
import { createTestStore, type TestStore } from '../helpers/db';

const GOOD = ['agconti-titanic__Titanic.ipynb', 'andersy005__stations-eda.ipynb', 'anthropikos__et_project_explore.ipynb'];

function nb(cells: unknown[], extra: Record<string, unknown> = {}) {
  return JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { name: 'python3', language: 'python' } }, cells, ...extra });
}

describe('a batch mixing broken and good files', () => {
  let store: TestStore;
  let dir: string;
  let results: Map<string, ImportResult>;

  beforeAll(async () => {
    store = await createTestStore();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vizmine-broken-'));
    const good = fs.readFileSync(corpusFile(GOOD[0]));
    const write = (name: string, data: string | Uint8Array) => fs.writeFileSync(path.join(dir, name), data);
    write('truncated.ipynb', good.subarray(0, Math.floor(good.length / 2)));
    write('syntax.ipynb', '{"nbformat": 4, "cells": [ } ]}');
    write('nbformat5.ipynb', nb([], { nbformat: 5 }));
    write('no-nbformat.ipynb', JSON.stringify({ cells: [] }));
    write('bad-base64.ipynb', nb([{ cell_type: 'code', source: 'plt.show()', metadata: {}, execution_count: 1, outputs: [{ output_type: 'display_data', metadata: {}, data: { 'image/png': 'iVBORw0KGgo***notbase64***' } }] }]));
    write('empty.ipynb', '');
    write('binary.ipynb', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
    write('latin1.ipynb', Buffer.concat([Buffer.from(nb([{ cell_type: 'markdown', metadata: {}, source: 'caf' }]).slice(0, -3)), Buffer.from([0xe9]), Buffer.from('"}]}')]));
    write('missing-cell-type.ipynb', nb([{ source: 'x = 1', metadata: {} }]));
    const many = Array.from({ length: 10_000 }, (_, i) =>
      i % 2 ? { cell_type: 'markdown', metadata: {}, source: `## step ${i}` } : { cell_type: 'code', metadata: {}, execution_count: i, source: `x = ${i}`, outputs: [] },
    );
    write('ten-thousand-cells.ipynb', nb(many));
    for (const g of GOOD) fs.copyFileSync(corpusFile(g), path.join(dir, g)); // into a temp dir, not the repository
    write('bundle.zip', zipSync({ 'inner/good.ipynb': new Uint8Array(fs.readFileSync(corpusFile('anthropikos__fun-with-movie-lens-1m-subset.ipynb'))), 'inner/empty.ipynb': new Uint8Array(0) }));
    write('broken.zip', Buffer.from('PK\x03\x04 this is not really a zip'));

    const list = await importSources(store.db, readSources([dir]), { blobDir: store.blobDir });
    results = new Map(list.map((r) => [r.file, r])); // names relative to the folder imported
  });
  afterAll(async () => {
    await store?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const failure = (name: string) => {
    const r = results.get(name)!;
    expect(r, name).toBeDefined();
    expect(r.status, `${name}: ${JSON.stringify(r.error)}`).toBe('failed');
    return r.error!;
  };

  it('reports each broken file with its specific error', () => {
    expect(failure('truncated.ipynb').code).toBe('truncated');
    const syntax = failure('syntax.ipynb');
    expect(syntax.code).toBe('json');
    expect(syntax.where).toMatch(/line 1, column \d+/);
    expect(failure('nbformat5.ipynb')).toMatchObject({ code: 'nbformat' });
    expect(failure('nbformat5.ipynb').message).toMatch(/5/);
    expect(failure('no-nbformat.ipynb').code).toBe('nbformat');
    const b64 = failure('bad-base64.ipynb');
    expect(b64.code).toBe('base64');
    expect(b64.where).toBe('cell 0 output 0 image/png'); // 0-based indices, as everywhere (lib/notebooks/cell-label.ts)
    expect(failure('empty.ipynb').code).toBe('empty');
    expect(failure('binary.ipynb').code).toBe('binary');
    const latin = failure('latin1.ipynb');
    expect(latin.code).toBe('encoding');
    expect(latin.message).toMatch(/byte \d+/);
    expect(failure('missing-cell-type.ipynb')).toMatchObject({ code: 'structure' });
    expect(failure('missing-cell-type.ipynb').message).toMatch(/cell_type/);
    expect(failure('bundle.zip/inner/empty.ipynb').code).toBe('empty');
    expect(failure('broken.zip').code).toBe('unreadable');
  });

  it('stores every good file, including the one inside a zip and the 10,000-cell notebook', async () => {
    for (const g of GOOD) expect(results.get(g)!.status, g).toBe('imported');
    expect(results.get('bundle.zip/inner/good.ipynb')!.status).toBe('imported');
    const big = results.get('ten-thousand-cells.ipynb')!;
    expect(big.status).toBe('imported');
    expect(big.cells).toEqual({ code: 5000, markdown: 5000, raw: 0 });
    const [{ n }] = await store.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(cells).where(eq(cells.notebookId, big.notebookId!));
    expect(n).toBe(10_000);
    const imported = await store.db.select().from(notebooks);
    expect(imported).toHaveLength(GOOD.length + 2);
  });

  it('keeps the failures in the database for the report', async () => {
    const rows = await store.db.select().from(importFailures);
    expect(rows.map((r) => r.fileName).sort()).toEqual(
      [...results.entries()].filter(([, r]) => r.status === 'failed').map(([f]) => f).sort(),
    );
    expect(rows.every((r) => r.message.length > 10)).toBe(true);
  });
});
