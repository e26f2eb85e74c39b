import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runItems, runningJobs, strategyRuns } from '../../lib/db/schema';
import { cancelCollectionRun, enqueueOrphanedRuns, startCollectionRun } from '../../lib/jobs/enqueue-collection';
import { cancelJob } from '../../lib/jobs/queue-controls';
import { startWorker } from '../../lib/jobs/worker';
import { getRun, startRun } from '../../lib/kaggle/runs/run-state';
import { createStrategy } from '../../lib/kaggle/strategies';
import { strategyInput } from '../../lib/kaggle/strategy-schema';
import { createTestStore, type TestStore } from '../helpers/db';
import { startKaggleServer, type KaggleServer } from '../helpers/kaggle-server';
import { jobsOfWorker, startWorkerProcess, stopWorkersAndStore, until } from '../helpers/worker-process';

// Collection runs are `collect` jobs on the one job system: created with their job, served by the
// registry's worker, resumed by another worker after a SIGKILL with every kernel stored once, and
// cancelled from the run page or the job monitor. Kaggle is the local test server.
const small = strategyInput.parse({ name: 'three of titanic', scope: { kind: 'competitions', slugs: ['titanic'] }, sampling: { kind: 'top-k', k: 3 }, seed: 7 });
const everything = strategyInput.parse({ name: 'everything python', scope: { kind: 'all' }, sampling: { kind: 'all' }, seed: 7 });

describe('collection runs on the job system', () => {
  let server: KaggleServer;
  let store: TestStore;
  beforeAll(async () => {
    server = await startKaggleServer();
    process.env.KAGGLE_API_BASE_URL = server.url;
    process.env.KAGGLE_API_TOKEN = 'test-token';
  });
  afterEach(() => stopWorkersAndStore(store));
  afterAll(async () => {
    delete process.env.KAGGLE_API_BASE_URL;
    delete process.env.KAGGLE_API_TOKEN;
    await server?.close();
  });

  const collectJobs = (runId: number) =>
    store.db.execute<{ id: string; state: string; retry_count: number; output: Record<string, unknown> | null }>(
      sql`select id::text as id, state::text as state, retry_count, output from pgboss.job where name = 'collect' and singleton_key = ${`collect:${runId}`}`,
    );
  const processed = async (runId: number) => {
    const r = await getRun(store.db, runId);
    return r.imported + r.duplicates + r.failed;
  };
  const inProcessWorker = () => startWorker({ store, blobDir: store.blobDir, executors: [], queues: new Map([['collect', 1]]), pollMs: 100, heartbeatMs: 300 });

  it('runs through the registry worker; an unfinished run of an earlier version gets its job at worker start', async () => {
    store = await createTestStore();
    const strategy = await createStrategy(store.db, small);
    const queued = await startCollectionRun(store, strategy.id, 'api');
    expect((await collectJobs(queued.id)).map((j) => j.state)).toEqual(['created']);
    // As the old collection loop left it: running, no job.
    const legacy = await startRun(store.db, strategy.id, 'api');
    await store.db.update(strategyRuns).set({ status: 'running', phase: 'listing', startedAt: new Date() }).where(eq(strategyRuns.id, legacy.id));
    expect(await enqueueOrphanedRuns(store)).toEqual([legacy.id]);
    expect(await enqueueOrphanedRuns(store)).toEqual([]); // idempotent

    const worker = await inProcessWorker();
    try {
      for (const id of [queued.id, legacy.id]) await until(`run ${id} done`, async () => (await getRun(store.db, id)).status === 'done', 60_000);
    } finally {
      await worker.stop();
    }
    for (const id of [queued.id, legacy.id]) {
      const run = await getRun(store.db, id);
      expect(run).toMatchObject({ status: 'done', sampled: 3, failed: 0, error: null });
      expect(run.imported + run.duplicates).toBe(3);
      expect(run.heartbeatAt).not.toBeNull(); // progress was reported
      const [job] = await collectJobs(id);
      expect(job).toMatchObject({ state: 'completed', output: { runId: id, status: 'done', sampled: 3 } });
    }
    // What the runs imported is analysed and thumbnailed next.
    const [{ n }] = await store.db.execute<{ n: number }>(sql`select count(distinct notebook_id)::int as n from run_items where notebook_id is not null`);
    expect(n).toBe(3);
    const [{ analyse }] = await store.db.execute<{ analyse: number }>(sql`select count(*)::int as analyse from pgboss.job where name = 'analyse'`);
    expect(analyse).toBe(3);
  }, 120_000);

  it('resumes after its worker is SIGKILLed mid-run: another worker finishes it, every kernel stored once', async () => {
    store = await createTestStore();
    const strategy = await createStrategy(store.db, everything);
    server.script('GetKernel', { delayMs: 300 }, 1000); // slow enough for the kill to land mid-run
    const env = { KAGGLE_API_BASE_URL: server.url, KAGGLE_API_TOKEN: 'test-token' };
    const a = startWorkerProcess(store, { args: ['--queues', 'collect:1'], env });
    const run = await startCollectionRun(store, strategy.id, 'api');
    await until('a few kernels collected on A', async () => {
      if ((await processed(run.id)) < 5) return false;
      return ((await jobsOfWorker(store.db, a.child.pid!)) ?? []).some((j) => j.queue === 'collect');
    }, 120_000);
    a.child.kill('SIGKILL');
    await new Promise((r) => a.child.once('exit', r));
    const killed = await getRun(store.db, run.id);
    expect(killed.status).toBe('running');
    expect(killed.imported + killed.duplicates + killed.failed).toBeLessThan(killed.sampled);

    const b = startWorkerProcess(store, { args: ['--queues', 'collect:1'], env });
    await until('the run done on B', async () => (await getRun(store.db, run.id)).status === 'done', 240_000);
    await until('no job left running', async () => (await store.db.select().from(runningJobs)).length === 0, 30_000);
    expect(b.output()).toMatch(/given back to the queue/);
    const done = await getRun(store.db, run.id);
    expect(done.failed).toBe(0);
    expect(done.imported + done.duplicates).toBe(done.sampled);
    expect(await store.db.select().from(runItems).where(sql`${runItems.runId} = ${run.id} and ${runItems.status} = 'pending'`)).toHaveLength(0);
    // One job, run twice (A, killed; then B), completed.
    const jobs = await collectJobs(run.id);
    expect(jobs).toHaveLength(1);
    expect(jobs[0].state).toBe('completed');
    expect(jobs[0].retry_count).toBeGreaterThanOrEqual(1);
    // Every kernel stored exactly once: one notebook per content, each one some item's, one metadata row per kernel.
    const [c] = await store.db.execute<{ notebooks: number; contents: number; items: number; kernels: number; refs: number }>(sql`select
      (select count(*)::int from notebooks) as notebooks,
      (select count(distinct content_hash)::int from notebooks) as contents,
      (select count(distinct notebook_id)::int from run_items where run_id = ${run.id}) as items,
      (select count(*)::int from kaggle_kernels) as kernels,
      (select count(distinct ref)::int from kaggle_kernels) as refs`);
    expect(c.notebooks).toBe(c.contents);
    expect(c.notebooks).toBe(c.items);
    expect(c.kernels).toBe(c.refs);
    expect(c.kernels).toBe(c.notebooks);
    await b.stop();
  }, 420_000);

  it('is cancelled from the run page and from the job monitor: its job stops and nothing more is collected', async () => {
    store = await createTestStore();
    const strategy = await createStrategy(store.db, everything);
    server.script('GetKernel', { delayMs: 500 }, 1000);
    const worker = await inProcessWorker();
    try {
      // The run page's Cancel: the run and its job.
      const first = await startCollectionRun(store, strategy.id, 'api');
      await until('two kernels collected', async () => (await processed(first.id)) >= 2, 120_000);
      await cancelCollectionRun(store, first.id);
      await until('the job stopped', async () => (await store.db.select().from(runningJobs)).length === 0, 30_000);
      const at = await processed(first.id);
      await new Promise((r) => setTimeout(r, 2000));
      const cancelled = await getRun(store.db, first.id);
      expect(cancelled.status).toBe('cancelled');
      expect(cancelled.imported + cancelled.duplicates + cancelled.failed).toBe(at);
      expect(at).toBeLessThan(cancelled.sampled);
      expect((await collectJobs(first.id)).map((j) => j.state)).toEqual(['cancelled']);

      // The monitor's Cancel on the job: the run is cancelled with it.
      const second = await startCollectionRun(store, strategy.id, 'api');
      await until('the second run downloading', async () => (await getRun(store.db, second.id)).phase === 'downloading', 120_000);
      const [job] = await collectJobs(second.id);
      await cancelJob(store, job.id);
      await until('the second run cancelled', async () => (await getRun(store.db, second.id)).status === 'cancelled', 30_000);
      await until('its job stopped', async () => (await store.db.select().from(runningJobs)).length === 0, 30_000);
      const left = await store.db.select().from(runItems).where(sql`${runItems.runId} = ${second.id} and ${runItems.status} = 'pending'`);
      expect(left.length).toBeGreaterThan(0);
    } finally {
      await worker.stop();
    }
  }, 300_000);
});
