import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executions, figureMatches, notebooks, runningJobs, visualisations, workers } from '../../lib/db/schema';
import { executorConfigSchema } from '../../lib/execute/config';
import { createHostExecutor } from '../../lib/execute/host-executor';
import { importNotebook } from '../../lib/ingest/import-notebook';
import { stopBoss } from '../../lib/jobs/boss';
import { enqueueReproductions } from '../../lib/jobs/enqueue-reproductions';
import { startWorker } from '../../lib/jobs/worker';
import { createTestStore, type TestStore } from '../helpers/db';
import { codeNotebook } from '../helpers/notebooks';
import { hasHostPython } from '../helpers/system';

const available = hasHostPython();
const host = createHostExecutor();

type Cell = { execution_count: number | null; outputs: unknown[] };

// An "original" with outputs the way an author's notebook has them: run once, then edited so that
// each figure outcome occurs: cell 1 same, cell 2 different, cell 3 missing, cell 4 new.
async function originalNotebook(): Promise<Buffer> {
  const sources = [
    'import matplotlib.pyplot as plt',
    'plt.plot([1, 3, 2, 5]); plt.title("line"); plt.show()',
    'plt.bar(["a", "b", "c"], [3, 1, 2]); plt.show()',
    'print("no figure here any more")',
    'plt.hist([1, 1, 2, 3, 3, 3]); plt.show()',
  ];
  const run = await host.run({ notebook: codeNotebook(...sources), config: executorConfigSchema.parse({ executor: 'host' }) });
  const other = await host.run({ notebook: codeNotebook('import matplotlib.pyplot as plt', 'plt.pie([1, 2, 3]); plt.show()'), config: executorConfigSchema.parse({ executor: 'host' }) });
  const nb = JSON.parse(Buffer.from(run.executed!).toString());
  const pie = JSON.parse(Buffer.from(other.executed!).toString()).cells[1].outputs.find((o: { data?: object }) => o.data);
  const cells: Cell[] = nb.cells;
  cells[2].outputs = [pie]; // the author's figure differs from what the code draws now
  cells[3].outputs = [pie]; // the author's run drew a figure this cell no longer draws
  cells[4].outputs = []; // never run by the author
  [1, 2, 4, 3, null].forEach((n, i) => (cells[i].execution_count = n)); // out of order, one never executed
  return Buffer.from(JSON.stringify(nb));
}

async function waitFor<T>(what: string, fn: () => Promise<T | null | undefined | false>, ms = 90_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

describe.skipIf(!available)('reproduction jobs through a worker (host executor)', () => {
  let store: TestStore;
  beforeAll(async () => (store = await createTestStore()));
  afterAll(async () => {
    await stopBoss(store.url);
    await store.close();
  });

  it('re-executes, imports the executed notebook as a version of the original, matches figures and records the flags', async () => {
    const original = await importNotebook(store.db, { file: 'author.ipynb', bytes: await originalNotebook(), blobDir: store.blobDir });
    const failing = await importNotebook(store.db, { file: 'broken.ipynb', bytes: codeNotebook('import numpy', 'import module_that_is_not_there', 'print(1)'), blobDir: store.blobDir });
    const target = { notebookIds: [original.notebookId!, failing.notebookId!] };
    const first = await enqueueReproductions(store, target, { executor: 'host', cellTimeoutS: 60 });
    expect(first.queued).toHaveLength(2);
    // The same notebooks with the same configuration are not queued twice while they wait.
    const again = await enqueueReproductions(store, target, { executor: 'host', cellTimeoutS: 60 });
    expect(again.queued).toHaveLength(0);
    expect(again.alreadyQueued.sort()).toEqual(target.notebookIds.sort());

    const worker = await startWorker({ store, blobDir: store.blobDir, executors: [host], queues: new Map([['reproduce', 2]]), pollMs: 200, heartbeatMs: 500 });
    const rows = await waitFor('two executions', async () => {
      const r = await store.db.select().from(executions);
      return r.length === 2 && r;
    });
    await worker.stop();

    const ok = rows.find((r) => r.notebookId === original.notebookId)!;
    expect(ok).toMatchObject({ status: 'ok', executor: 'host', image: null, workerId: worker.id, failingCell: null });
    expect(ok).toMatchObject({ figuresBefore: 3, figuresAfter: 3, figuresSame: 1, figuresDifferent: 1, figuresMissing: 1, figuresNew: 1 });
    expect(ok).toMatchObject({ outOfOrder: true, skippedCounts: false, neverExecutedCells: 1 });
    expect(Object.keys(ok.cellSeconds)).toHaveLength(5);
    const pairs = await store.db.select().from(figureMatches).where(eq(figureMatches.executionId, ok.id));
    expect(Object.fromEntries(pairs.map((p) => [p.cellPosition, p.outcome]))).toEqual({ 1: 'same', 2: 'different', 3: 'missing', 4: 'new' });
    expect(pairs.find((p) => p.outcome === 'same')!.distance).toBeLessThanOrEqual(8);

    const [executed] = await store.db.select().from(notebooks).where(eq(notebooks.id, ok.executedNotebookId!));
    expect(executed.reproducedFrom).toBe(original.notebookId);
    const figures = await store.db.select().from(visualisations).where(eq(visualisations.notebookId, executed.id));
    expect(figures.map((f) => f.cellPosition).sort()).toEqual([1, 2, 4]);

    const broken = rows.find((r) => r.notebookId === failing.notebookId)!;
    expect(broken).toMatchObject({ status: 'exception', failingCell: 1, exceptionType: 'ModuleNotFoundError' });
    expect(broken.exceptionMessage).toContain('module_that_is_not_there');
    expect(broken.log).toMatch(/\[vizmine\] cell 1: [\d.]+ s — ModuleNotFoundError/);
    expect(broken.log).not.toContain('MissingIDFieldWarning');

    const jobs = await store.db.execute<{ state: string; output: { executionId: number } }>(sql`select state, output from pgboss.job where name = 'reproduce-host'`);
    expect(jobs.map((j) => j.state)).toEqual(['completed', 'completed']);
    expect(jobs.map((j) => j.output.executionId).sort()).toEqual(rows.map((r) => r.id).sort());
    const [w] = await store.db.select().from(workers).where(eq(workers.id, worker.id));
    expect(w.stoppedAt).not.toBeNull();
    expect(w.concurrency).toBe(2);
  });

  it('on stop, a job still running after the grace period goes back to the queue and its process is killed', async () => {
    const slow = await importNotebook(store.db, { file: 'slow.ipynb', bytes: codeNotebook('import time', 'time.sleep(120)'), blobDir: store.blobDir });
    const { queued } = await enqueueReproductions(store, { notebookIds: [slow.notebookId!] }, { executor: 'host' });
    const worker = await startWorker({ store, blobDir: store.blobDir, executors: [host], queues: new Map([['reproduce', 1]]), pollMs: 200, heartbeatMs: 500, graceMs: 1000 });
    await waitFor('the job to run', async () => (await store.db.select().from(runningJobs)).length === 1);
    const t0 = Date.now();
    await worker.stop();
    expect(Date.now() - t0).toBeLessThan(15_000); // the grace period, then the kill — not the notebook's 120 s
    const [job] = await store.db.execute<{ state: string; retry_count: number }>(sql`select state, retry_count from pgboss.job where id = ${queued[0].jobId}::uuid`);
    expect(job.state).toBe('retry');
    expect(await store.db.select().from(executions).where(eq(executions.notebookId, slow.notebookId!))).toHaveLength(0);
    expect(await store.db.select().from(runningJobs)).toHaveLength(0);
  });
});
