import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSources } from '../../lib/ingest/import-sources';
import { importUpload } from '../../lib/ingest/import-upload';
import { readSources } from '../../lib/ingest/read-sources';
import { maxRssMb, writeBigZip } from '../helpers/big-zip';
import { corpusFile } from '../helpers/corpus';
import { createTestStore, type TestStore } from '../helpers/db';

// Zips are streamed entry by entry (yauzl) under caps: a 2.5 GB dataset zip, a zip bomb and zips in
// zips, each checked through the real CLI in a child process whose peak memory is measured.
const NOTEBOOKS = ['agconti-titanic__Titanic.ipynb', 'savarin-pyconuk__1-0_first_cut.ipynb', 'pparkitn__bird-1.ipynb', 'dalloliogm__drw-prophet.ipynb'];
const nb = (i: number) => fs.readFileSync(corpusFile(NOTEBOOKS[i]));
const RSS_LIMIT_MB = 300;

describe('zip archives, streamed', () => {
  let store: TestStore;
  let tmp: string;
  beforeAll(async () => {
    store = await createTestStore();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vizmine-zip-'));
  });
  afterAll(async () => {
    fs.rmSync(tmp, { recursive: true, force: true });
    await store.close();
  });

  // Asynchronous, so the test worker keeps answering vitest while a child runs for a minute.
  const node = (args: string[]) =>
    new Promise<{ status: number | null; stdout: string; stderr: string; seconds: number }>((resolve) => {
      const t0 = Date.now();
      const child = spawn(process.execPath, ['--import', 'tsx', '--import', './tests/helpers/report-max-rss.mjs', ...args], {
        env: { ...process.env, DATABASE_URL: store.url },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c) => (stdout += c));
      child.stderr.on('data', (c) => (stderr += c));
      child.on('close', (status) => resolve({ status, stdout, stderr, seconds: (Date.now() - t0) / 1000 }));
    });
  const cliImport = (file: string) => node(['scripts/cli.ts', '--data-dir', store.dataDir, 'import', file, '--json', '--no-derivatives']);
  const lines = (stdout: string) => stdout.trim().split('\n').map((l) => JSON.parse(l));

  it('imports from and extracts a 2.5 GB zip with a peak RSS under 300 MB', async () => {
    const zip = path.join(tmp, 'dataset.zip');
    await writeBigZip(zip, [
      { name: 'notebooks/titanic.ipynb', data: nb(0) },
      { name: 'data/train.csv', data: Buffer.from('id,label\n1,a\n2,b\n') },
      { name: 'data/big.bin', zeros: 2_500_000_000 },
      { name: 'notebooks/first-cut.ipynb', data: nb(1) },
    ]);
    expect(fs.statSync(zip).size).toBeGreaterThan(2.5e9);

    const imported = await cliImport(zip);
    const results = lines(imported.stdout);
    expect(results.map((r) => [r.file, r.status === 'failed' ? r.error.message : 'ok']).sort()).toEqual([
      ['dataset.zip/notebooks/first-cut.ipynb', 'ok'], // named relative to what was imported
      ['dataset.zip/notebooks/titanic.ipynb', 'ok'],
    ]);
    const importRss = maxRssMb(imported.stderr);
    console.log(`import of a 2.5 GB zip: peak RSS ${importRss.toFixed(0)} MB, ${imported.seconds.toFixed(1)} s`);
    expect(importRss).toBeLessThan(RSS_LIMIT_MB);

    const dest = path.join(tmp, 'extracted');
    const script = `import('./lib/zip/extract-zip.ts').then(({ extractZip }) => extractZip(${JSON.stringify(zip)}, ${JSON.stringify(dest)})).then((r) => console.log(JSON.stringify(r)))`;
    const extracted = await node(['-e', script]);
    expect(extracted.status, extracted.stderr).toBe(0);
    expect(JSON.parse(extracted.stdout)).toEqual({ refused: [] });
    expect(fs.statSync(path.join(dest, 'data/big.bin')).size).toBe(2_500_000_000);
    expect(fs.readFileSync(path.join(dest, 'data/train.csv'), 'utf8')).toBe('id,label\n1,a\n2,b\n');
    expect(fs.readFileSync(path.join(dest, 'notebooks/titanic.ipynb')).equals(nb(0))).toBe(true);
    const extractRss = maxRssMb(extracted.stderr);
    console.log(`extraction of a 2.5 GB zip: peak RSS ${extractRss.toFixed(0)} MB, ${extracted.seconds.toFixed(1)} s`);
    expect(extractRss).toBeLessThan(RSS_LIMIT_MB);
    fs.rmSync(zip);
    fs.rmSync(dest, { recursive: true });
  }, 600_000);

  it('refuses a zip bomb entry as too-large, naming it, and imports the other entries (CLI and upload)', async () => {
    const zip = path.join(tmp, 'bomb.zip');
    await writeBigZip(zip, [
      { name: 'bomb.ipynb', zeros: 2_300_000_000, deflate: true },
      { name: 'fine.ipynb', data: nb(2) },
    ]);
    expect(fs.statSync(zip).size).toBeLessThan(20e6);

    const run = await cliImport(zip);
    const [bomb, fine] = ['bomb', 'fine'].map((n) => lines(run.stdout).find((r) => r.file === `bomb.zip/${n}.ipynb`));
    expect(bomb).toMatchObject({ file: 'bomb.zip/bomb.ipynb', status: 'failed', error: { code: 'too-large' } });
    expect(bomb.error.message).toMatch(/^too large: bomb\.ipynb inflates to 2193 MB, over the 512 MB allowed for one entry/);
        expect(fine.status).not.toBe('failed');
    const rss = maxRssMb(run.stderr);
    console.log(`zip bomb import: peak RSS ${rss.toFixed(0)} MB, ${run.seconds.toFixed(1)} s`);
    expect(rss).toBeLessThan(RSS_LIMIT_MB);

    // The web upload reads the same zip from memory, under the same caps.
    const upload = new File([fs.readFileSync(zip)], 'bomb.zip');
    const results = await importUpload(store.db, store.blobDir, upload);
    expect(results.find((r) => r.file === 'bomb.zip/bomb.ipynb')).toMatchObject({ status: 'failed', error: { code: 'too-large' } });
    expect(results.find((r) => r.file === 'bomb.zip/fine.ipynb')?.status).toBe('duplicate');
  }, 300_000);

  it('caps the inflated total per archive through the environment, keeping what fits', async () => {
    const zip = path.join(tmp, 'total.zip');
    await writeBigZip(zip, [0, 1, 2].map((i) => ({ name: `nb${i}.ipynb`, data: nb(i) })));
    const cap = (nb(0).length + nb(1).length + nb(2).length / 2) / (1024 * 1024); // the third does not fit
    const old = process.env.VIZMINE_ZIP_MAX_TOTAL_MB;
    process.env.VIZMINE_ZIP_MAX_TOTAL_MB = String(cap);
    try {
      const results = await importSources(store.db, readSources([zip]), { blobDir: store.blobDir, concurrency: 1 });
      expect(results.map((r) => r.error?.code ?? 'ok')).toEqual(['ok', 'ok', 'too-large']);
      expect(results[2].error!.message).toMatch(/^too large: nb2\.ipynb \([\d.]+ [KM]B\) would take the archive past the [\d.]+ [KM]B allowed in all/);
    } finally {
      if (old === undefined) delete process.env.VIZMINE_ZIP_MAX_TOTAL_MB;
      else process.env.VIZMINE_ZIP_MAX_TOTAL_MB = old;
    }
  });

  it('imports notebooks from zips inside zips two levels down and reports a deeper one as skipped', async () => {
    const deepest = zipSync({ 'd.ipynb': nb(3) });
    const deeper = zipSync({ 'c.ipynb': nb(2), 'deepest.zip': deepest });
    const inner = zipSync({ 'b.ipynb': nb(1), 'deeper.zip': deeper });
    const zip = path.join(tmp, 'nested.zip');
    fs.writeFileSync(zip, zipSync({ 'a.ipynb': nb(0), 'inner.zip': inner }));
    const results = await importSources(store.db, readSources([zip]), { blobDir: store.blobDir, concurrency: 1 });
    const byFile = Object.fromEntries(results.map((r) => [r.file.slice('nested.zip/'.length), r]));
    expect(Object.keys(byFile).sort()).toEqual(['a.ipynb', 'inner.zip/b.ipynb', 'inner.zip/deeper.zip/c.ipynb', 'inner.zip/deeper.zip/deepest.zip']);
    for (const f of ['a.ipynb', 'inner.zip/b.ipynb', 'inner.zip/deeper.zip/c.ipynb']) expect(byFile[f].status, f).not.toBe('failed');
    expect(byFile['inner.zip/deeper.zip/deepest.zip']).toMatchObject({ status: 'failed', error: { code: 'nested-zip' } });
    expect(byFile['inner.zip/deeper.zip/deepest.zip'].error!.message).toMatch(/^skipped: a zip 3 levels inside the archive/);
  });
});

describe('deeply nested JSON', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore();
  });
  afterAll(async () => store.close());

  it('is refused as too-deep, located, not as an internal stack overflow', async () => {
    const text = '{"cells": [], "metadata": {"x": ' + '['.repeat(100_000) + ']'.repeat(100_000) + '}, "nbformat": 4, "nbformat_minor": 5}';
    const [result] = await importSources(store.db, [{ file: 'deep.ipynb', bytes: Buffer.from(text) }], { blobDir: store.blobDir });
    expect(result).toMatchObject({ status: 'failed', error: { code: 'too-deep', where: 'line 1, column 531' } });
    expect(result.error!.message).toMatch(/^JSON nested more than 500 levels deep at line 1, column 531/);
  });
});
