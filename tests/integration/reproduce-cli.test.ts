import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importNotebook } from '../../lib/ingest/import-notebook';
import { createTestStore, type TestStore } from '../helpers/db';
import { codeNotebook } from '../helpers/notebooks';
import { hasHostPython } from '../helpers/system';
import { startWorkerProcess, stopWorkersAndStore } from '../helpers/worker-process';

const available = hasHostPython();

function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe.skipIf(!available)('vizmine reproduce and vizmine workers', () => {
  let store: TestStore;
  let env: Record<string, string>;
  beforeAll(async () => {
    store = await createTestStore();
    env = { DATABASE_URL: store.url, VIZMINE_DATA_DIR: store.dataDir, VIZMINE_EXECUTORS: 'host' };
  });
  afterAll(() => stopWorkersAndStore(store));

  it('queues notebooks, waits, and prints one JSON result per notebook; workers lists the live worker', async () => {
    const plots = await importNotebook(store.db, { file: 'plots.ipynb', bytes: codeNotebook('import matplotlib.pyplot as plt', 'plt.plot([1, 2]); plt.show()'), blobDir: store.blobDir });
    const fails = await importNotebook(store.db, { file: 'fails.ipynb', bytes: codeNotebook('1 / 0'), blobDir: store.blobDir });

    const { child } = startWorkerProcess(store, { args: ['--concurrency', '2'] });
    const result = await run(['scripts/cli.ts', 'reproduce', String(plots.notebookId), String(fails.notebookId), '--executor', 'host', '--wait', '--json'], env);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l));
    const byId = Object.fromEntries(lines.map((l) => [l.notebookId, l]));
    expect(byId[plots.notebookId!]).toMatchObject({ status: 'ok', visualisationsBefore: 0, visualisationsAfter: 1, matched: { new: 1, same: 0 } });
    expect(byId[fails.notebookId!]).toMatchObject({ status: 'exception', exceptionType: 'ZeroDivisionError', failingCell: 0 });
    expect(result.stderr).toContain('queued 2 notebook(s) for the host executor');

    const workers = await run(['scripts/cli.ts', 'workers', '--json'], env);
    const list = JSON.parse(workers.stdout);
    expect(list.workers.filter((w: { state: string }) => w.state === 'live').map((w: { pid: number; concurrency: number }) => [w.pid, w.concurrency])).toEqual([[child.pid, 2]]);

    const bad = await run(['scripts/cli.ts', 'reproduce', '999999', '--executor', 'host'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('No imported notebook with id 999999');
  });
});
