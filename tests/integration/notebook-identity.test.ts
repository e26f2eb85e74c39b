import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { eq, sql } from 'drizzle-orm';
import { importFailures, kaggleKernels, notebooks } from '../../lib/db/schema';
import { importSources } from '../../lib/ingest/import-sources';
import { readSources } from '../../lib/ingest/read-sources';
import { listNotebooks } from '../../lib/browse/list-notebooks';
import { notebookQuery } from '../../lib/browse/schemas';
import { CORPUS_DIR } from '../helpers/corpus';
import { createTestStore, type TestStore } from '../helpers/db';

const TITANIC = 'agconti-titanic__Titanic.ipynb';
const md = (source: string) => ({ cell_type: 'markdown', metadata: {}, source });
const nb = (cells: unknown[], metadata: Record<string, unknown> = {}) =>
  JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { name: 'python3', language: 'python' }, ...metadata }, cells });

describe('which notebook is this: title and identity', () => {
  let store: TestStore;
  let dir: string;

  beforeAll(async () => {
    store = await createTestStore();
    dir = fs.mkdtempSync(path.join(store.dataDir, 'import-root-'));
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.copyFileSync(path.join(CORPUS_DIR, TITANIC), path.join(dir, 'sub', TITANIC)); // a temp dir, not the repository
    fs.writeFileSync(path.join(dir, '__notebook__.ipynb'), nb([md('# Content'), md("For now, let's take a look at the training data."), md('## House Prices &amp; Regression')]));
    fs.writeFileSync(path.join(dir, 'bundle.zip'), zipSync({ 'inner/kaggle.ipynb': new TextEncoder().encode(nb([md('# Content')], { kaggle: { title: 'Sales &amp; Marketing' } })) }));
    fs.writeFileSync(path.join(dir, 'broken.ipynb'), '{"nbformat": 4, "cells": [');
    await importSources(store.db, readSources([dir]), { blobDir: store.blobDir });
  });
  afterAll(async () => store?.close());

  it('stores file names relative to the folder imported, never an absolute path', async () => {
    const rows = await store.db.select({ fileName: notebooks.fileName, title: notebooks.title }).from(notebooks).orderBy(notebooks.fileName);
    expect(rows.map((r) => r.fileName)).toEqual(['__notebook__.ipynb', 'bundle.zip/inner/kaggle.ipynb', `sub/${TITANIC}`]);
    const failures = await store.db.select({ fileName: importFailures.fileName }).from(importFailures);
    expect(failures.map((f) => f.fileName)).toEqual(['broken.ipynb']);
    for (const r of [...rows, ...failures]) expect(r.fileName.startsWith('/')).toBe(false);
  });

  it('titles: the Kaggle title, else the file name, else a heading that reads as a title; entities decoded', async () => {
    const title = async (file: string) => (await store.db.select({ t: notebooks.title }).from(notebooks).where(eq(notebooks.fileName, file)))[0].t;
    expect(await title('bundle.zip/inner/kaggle.ipynb')).toBe('Sales & Marketing');
    expect(await title(`sub/${TITANIC}`)).toBe('agconti-titanic__Titanic');
    expect(await title('__notebook__.ipynb')).toBe('House Prices & Regression');
  });

  it('search matches file names and Kaggle refs, not only titles', async () => {
    const [titanic] = await store.db.select().from(notebooks).where(eq(notebooks.fileName, `sub/${TITANIC}`));
    await store.db.insert(kaggleKernels).values({ notebookId: titanic.id, ref: 'someone/titanic-survival', storedForm: 'with-outputs', source: 'api' });
    const find = async (q: string) => (await listNotebooks(store.db, notebookQuery.parse({ q }))).items.map((n) => n.fileName);
    expect(await find('agconti')).toEqual([`sub/${TITANIC}`]);
    expect(await find('someone/titanic')).toEqual([`sub/${TITANIC}`]);
    expect(await find('bundle.zip')).toEqual(['bundle.zip/inner/kaggle.ipynb']);
    const [item] = (await listNotebooks(store.db, notebookQuery.parse({ q: 'agconti' }))).items;
    expect(item.kaggleRef).toBe('someone/titanic-survival');
  });

  it('the migration gives rows imported with absolute paths their relative form', async () => {
    const migration = fs.readFileSync(path.join(process.cwd(), 'drizzle/0009_relative-file-names.sql'), 'utf8');
    const [a] = await store.db.insert(notebooks).values({ contentHash: 'x1', fileName: '/srv/data/corpus/owner__slug.ipynb', title: 'Content', status: 'imported', originalNbformat: 4, nbformatMinor: 5, bytes: 1, metadata: {} }).returning();
    const [b] = await store.db.insert(notebooks).values({ contentHash: 'x2', fileName: '/srv/data/all.zip/dir/x.ipynb', title: 'A &amp; B', status: 'imported', originalNbformat: 4, nbformatMinor: 5, bytes: 1, metadata: {} }).returning();
    await store.db.insert(importFailures).values({ fileName: '/home/me/bad.ipynb', code: 'json', message: 'bad' });
    for (const statement of migration.split('--> statement-breakpoint')) await store.db.execute(sql.raw(statement));
    const after = async (id: number) => (await store.db.select().from(notebooks).where(eq(notebooks.id, id)))[0];
    expect(await after(a.id)).toMatchObject({ fileName: 'owner__slug.ipynb', title: 'owner__slug' });
    expect(await after(b.id)).toMatchObject({ fileName: 'all.zip/dir/x.ipynb', title: 'x' });
    const failures = await store.db.select({ fileName: importFailures.fileName }).from(importFailures);
    expect(failures.map((f) => f.fileName).sort()).toEqual(['bad.ipynb', 'broken.ipynb']);
  });
});
