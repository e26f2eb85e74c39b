import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseCsvObjects } from '../../lib/csv/parse-csv';
import { parseNotebook } from '../../lib/notebooks';
import { extractVisualisations } from '../../lib/extract/extract-visualisations';

// `vizmine analyse`: no database, no data dir; one JSON line per notebook file.
const ROOT = path.resolve(__dirname, '../..');
const CORPUS = path.resolve(ROOT, '../shared/corpus/notebooks');

// Asynchronous, so the test worker stays responsive while the whole corpus is analysed.
function cli(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/cli.ts', ...args], {
      cwd: ROOT,
      // Proof that it needs no database: a DATABASE_URL that nothing listens on, a data dir that cannot exist.
      env: { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', VIZMINE_DATA_DIR: '/nonexistent/vizmine' },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

describe('vizmine analyse --json', { timeout: 600_000 }, () => {
  it('analyses the whole corpus: R notebooks rejected, none failed, as many visualisations as the import extracts', async () => {
    const manifest = parseCsvObjects(fs.readFileSync(path.join(CORPUS, 'manifest.csv'), 'utf8'));
    const run = await cli(['analyse', CORPUS, '--json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(manifest.length);
    const byName = new Map(lines.map((l) => [path.basename(l.file), l]));

    const r = manifest.filter((m) => m.language.toLowerCase() === 'r').map((m) => m.file);
    expect(r.length).toBeGreaterThan(0);
    for (const f of r) expect(byName.get(f)).toMatchObject({ status: 'rejected', error: { code: 'language' } });
    expect(lines.filter((l) => l.status === 'failed')).toEqual([]);

    for (const m of manifest.filter((row) => row.language.toLowerCase() !== 'r')) {
      const out = byName.get(m.file);
      expect(out.status).toBe('analysed');
      const extracted = extractVisualisations(parseNotebook(fs.readFileSync(path.join(CORPUS, m.file))).cells);
      expect([m.file, out.visualisations.length]).toEqual([m.file, extracted.length]);
      // Without plotly or HTML outputs, the manifest's own image count (computed in Python) must agree too.
      if (m.has_plotly_or_html === 'False') expect([m.file, out.visualisations.length]).toEqual([m.file, Number(m.n_image_outputs)]);
      expect(Object.keys(out.notebook).sort()).toEqual(['cellStages', 'datasets', 'lints', 'metrics', 'models', 'outline', 'syntaxErrors', 'testingMentions']);
      for (const v of out.visualisations) {
        expect(extracted.some((e) => e.cellPosition === v.cell && e.outputIndex === v.output)).toBe(true);
        expect(v.slice.cells).toContain(v.cell);
        expect(v.slice.code).toContain(`# cell ${v.cell}`);
      }
    }
  });

  it('reports a bad file as failed with code, message and where, goes on, and exits 2; reads zips', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vizmine-analyse-'));
    try {
      const broken = path.join(dir, 'broken.ipynb');
      fs.writeFileSync(broken, '{"nbformat": 4, "cells": [');
      const titanic = fs.readFileSync(path.join(CORPUS, 'agconti-titanic__Titanic.ipynb'));
      const zip = path.join(dir, 'batch.zip');
      fs.writeFileSync(zip, zipSync({ 'inner/titanic.ipynb': new Uint8Array(titanic) }));
      const run = await cli(['analyse', broken, zip, '--json']);
      const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
      expect(lines.map((l) => [path.basename(l.file), l.status])).toEqual([
        ['broken.ipynb', 'failed'],
        ['titanic.ipynb', 'analysed'],
      ]);
      expect(lines[0].error).toMatchObject({ code: 'truncated' });
      expect(typeof lines[0].error.message).toBe('string');
      expect(lines[1].file).toBe("batch.zip/inner/titanic.ipynb"); // named relative to what was given, as import names them
      expect(lines[1].visualisations).toHaveLength(10);
      expect(run.status).toBe(2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints a readable report per notebook without --json', async () => {
    const run = await cli(['analyse', path.join(CORPUS, 'agconti-titanic__Titanic.ipynb')]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/agconti-titanic__Titanic\.ipynb: analysed\n {2}10 visualisations\n/);
    expect(run.stdout).toMatch(/cell 10 output 1 \(image\/png\): \w+ · \w+ · \w+ · (multi-panel|single panel); slice: cells [\d, ]+/);
    expect(run.stdout).toMatch(/Datasets: data\/train\.csv/);
    expect(run.stdout).toMatch(/1 analysed, 0 rejected, 0 failed\n$/);
  });
});
