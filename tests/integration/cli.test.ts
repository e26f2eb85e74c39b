import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusFile } from '../helpers/corpus';
import { createTestStore, type TestStore } from '../helpers/db';

// The CLI as researchers script it: `vizmine import … --json`, one JSON object per file.
describe('vizmine import --json', () => {
  // The CLI runs in its own process, on this store's database and data dir.
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore();
  });
  afterAll(() => store.close());

  const cli = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/cli.ts', ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });

  it('prints one line per file with status, counts and errors, and exits 2 when a file failed', async () => {
    const broken = path.join(store.dataDir, 'broken.ipynb');
    fs.writeFileSync(broken, '{"nbformat": 4, "cells": [');
    const files = [corpusFile('agconti-titanic__Titanic.ipynb'), corpusFile('famakhan-titanic-r__titanic-r.r.ipynb'), broken];
    const run = cli(['--data-dir', store.dataDir, 'import', ...files, '--json', '--no-derivatives'], { DATABASE_URL: store.url });
    expect(run.stderr).not.toMatch(/Error:/);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    const [titanic, r, bad] = files.map((f) => lines.find((l) => l.file === path.basename(f))); // never an absolute path
    expect(titanic).toMatchObject({ status: 'imported', cells: { code: 23, markdown: 20 }, visualisations: { total: 10, byMime: { 'image/png': 10 } } });
    expect(titanic.notebookId).toBeGreaterThan(0);
    expect(r.status).toBe('rejected');
    expect(r.error.message).toMatch(/R/);
    expect(bad).toMatchObject({ status: 'failed', error: { code: 'truncated' } });
    expect(run.status).toBe(2);

    const again = cli(['--data-dir', store.dataDir, 'import', files[0], '--json'], { DATABASE_URL: store.url });
    expect(JSON.parse(again.stdout.trim())).toMatchObject({ status: 'duplicate', notebookId: titanic.notebookId });
    expect(again.status).toBe(0);
  });

  it('explains an unknown command', () => {
    const run = cli(['frobnicate']);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/unknown command/i);
  });
});

// A stray quote used to swallow the next row silently, so κ and α were computed on part of the file.
describe('vizmine agreement on a malformed CSV', () => {
  it('refuses the file with the line of the stray quote and prints no figures', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vizmine-agreement-'));
    const file = path.join(dir, 'codings.csv');
    fs.writeFileSync(file, 'item,coder,code_path\nv1,ana,Bar\nv1,ben,5" screen\nv2,ana,Bar\nv2,ben,Line\n');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/cli.ts', 'agreement', file, '--json'], { encoding: 'utf8', timeout: 120_000 });
    fs.rmSync(dir, { recursive: true });
    expect(run.stderr).toMatch(/CSV line 3: .*quote/i);
    expect(run.stdout).toBe('');
    expect(run.status).toBe(1);
  });
});
