import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importNotebook } from '../../lib/ingest/import-notebook';
import { stopBoss } from '../../lib/jobs/boss';
import { corpusFile } from '../helpers/corpus';
import { createTestStore, type TestStore } from '../helpers/db';
import { codeNotebook } from '../helpers/notebooks';
import { hasContainers } from '../helpers/system';

// One CLI style: every entry point takes --data-dir; progress is plain lines off a terminal;
// `reproduce --wait` with no worker finishes instead of waiting forever.
type Run = { code: number | null; stdout: string; stderr: string };

function run(cmd: string, args: string[], env: Record<string, string | undefined>, opts: { until?: RegExp; timeoutMs?: number } = {}): Promise<Run> {
  return new Promise((resolve) => {
    // Its own process group, so stopping it stops npm's children too (by this group's id only).
    const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    const stop = () => {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        /* already gone */
      }
    };
    const timer = setTimeout(stop, opts.timeoutMs ?? 240_000);
    child.stdout!.on('data', (d) => {
      stdout += d;
      if (opts.until?.test(stdout)) stop();
    });
    child.stderr!.on('data', (d) => (stderr += d));
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
const vizmine = (args: string[], env: Record<string, string | undefined>) => run(process.execPath, ['--import', 'tsx', 'scripts/cli.ts', ...args], env);

describe('one CLI style', () => {
  let store: TestStore;
  let env: Record<string, string>;
  beforeAll(async () => {
    store = await createTestStore();
    env = { DATABASE_URL: store.url };
  });
  afterAll(async () => {
    await stopBoss(store.url);
    await store.close();
  });

  it('`npm run worker -- --data-dir X` starts a worker on that data dir', async () => {
    const dir = path.join(store.dataDir, 'worker-data');
    const worker = await run('npm', ['run', 'worker', '--', '--data-dir', dir, '--concurrency', '1'], env, { until: /\[worker\] running/, timeoutMs: 120_000 });
    expect(worker.stderr).not.toMatch(/Unknown option|unknown option/i);
    expect(worker.stdout).toContain(`[worker] running (pid`);
    expect(worker.stdout).toContain(`data dir ${dir}`);
    const bad = await run('npm', ['run', 'worker', '--', '--concurrency', 'lots'], env, { timeoutMs: 60_000 });
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/--concurrency.*whole number/);
  });

  it('prints plain progress lines, without carriage returns, when stderr is not a terminal', async () => {
    const r = await vizmine(['import', corpusFile('agconti-titanic__Titanic.ipynb'), '--data-dir', store.dataDir], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^importing: 1 · agconti-titanic__Titanic\.ipynb$/m);
    expect(r.stderr).not.toContain('\r');
    expect(r.stderr).not.toContain('\x1b[');
    expect(r.stdout).toMatch(/1 imported, 0 already there/);
  });

  it('`reproduce --wait` with no worker and no usable executor stops at once, saying why', async () => {
    const nb = await importNotebook(store.db, { file: 'none.ipynb', bytes: codeNotebook('print("no executor")'), blobDir: store.blobDir });
    const r = await vizmine(['reproduce', String(nb.notebookId), '--executor', 'host', '--wait'], { ...env, VIZMINE_EXECUTORS: 'host', VIZMINE_PYTHON: '/nonexistent/python3' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no live worker offers the host executor and this process cannot run it either \(host executor unavailable: .*\); the jobs stay queued/);
  });

  it('`reproduce --wait` with no worker runs the jobs in this process and prints the result', async () => {
    if (!(await hasContainers())) return;
    const nb = await importNotebook(store.db, { file: 'alone.ipynb', bytes: codeNotebook('print("alone")'), blobDir: store.blobDir });
    const r = await vizmine(['reproduce', String(nb.notebookId), '--executor', 'container', '--wait', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('no live worker offers the container executor: running the jobs in this process');
    expect(JSON.parse(r.stdout.trim())).toMatchObject({ notebookId: nb.notebookId, status: 'ok' });
  }, 300_000);
});
