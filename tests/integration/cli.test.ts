import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import postgres from 'postgres';
import { corpusFile } from '../helpers/corpus';

// The CLI as researchers script it: `vizmine import … --json`, one JSON object per file.
describe('vizmine import --json', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'vizmine-cli-'));
  const dbName = `vizmine_cli_${process.pid}`;
  const url = inject('databaseUrl').replace(/\/postgres$/, `/${dbName}`);
  afterAll(async () => {
    const admin = postgres(inject('databaseUrl'), { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${dbName} with (force)`);
    await admin.end();
    fs.rmSync(work, { recursive: true, force: true });
  });

  const cli = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/cli.ts', ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });

  it('prints one line per file with status, counts and errors, and exits 2 when a file failed', async () => {
    const admin = postgres(inject('databaseUrl'), { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${dbName}`);
    await admin.end();
    const broken = path.join(work, 'broken.ipynb');
    fs.writeFileSync(broken, '{"nbformat": 4, "cells": [');
    const files = [corpusFile('agconti-titanic__Titanic.ipynb'), corpusFile('famakhan-titanic-r__titanic-r.r.ipynb'), broken];
    const run = cli(['--data-dir', work, 'import', ...files, '--json', '--no-derivatives'], { DATABASE_URL: url });
    expect(run.stderr).not.toMatch(/Error:/);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    const [titanic, r, bad] = files.map((f) => lines.find((l) => l.file === f));
    expect(titanic).toMatchObject({ status: 'imported', cells: { code: 23, markdown: 20 }, visualisations: { total: 10, byMime: { 'image/png': 10 } } });
    expect(titanic.notebookId).toBeGreaterThan(0);
    expect(r.status).toBe('rejected');
    expect(r.error.message).toMatch(/R/);
    expect(bad).toMatchObject({ status: 'failed', error: { code: 'truncated' } });
    expect(run.status).toBe(2);

    const again = cli(['--data-dir', work, 'import', files[0], '--json'], { DATABASE_URL: url });
    expect(JSON.parse(again.stdout.trim())).toMatchObject({ status: 'duplicate', notebookId: titanic.notebookId });
    expect(again.status).toBe(0);
  });

  it('explains an unknown command', () => {
    const run = cli(['frobnicate']);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/unknown command/i);
  });
});
