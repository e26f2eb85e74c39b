import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { importNotebook } from '../../lib/ingest/import-notebook';
import { enqueueReproductions } from '../../lib/jobs/enqueue-reproductions';
import { stopBoss } from '../../lib/jobs/boss';
import { cancelJob, setQueuePaused } from '../../lib/jobs/queue-controls';
import { executions, runningJobs, workers, type Execution } from '../../lib/db/schema';
import { getQueueDepth } from '../../lib/jobs/monitor/queue-depth';
import { listJobs, jobQuery } from '../../lib/jobs/monitor/list-jobs';
import { getJob } from '../../lib/jobs/monitor/get-job';
import { listWorkers } from '../../lib/jobs/monitor/list-workers';
import { getThroughput } from '../../lib/jobs/monitor/throughput';
import { estimateEta, measureRecentRate } from '../../lib/jobs/monitor/eta';
import { getBatchProgress, getQueueStats } from '../../lib/jobs/monitor/queue-stats';
import { createTestStore, type TestStore } from '../helpers/db';

const notebook = (title: string) =>
  Buffer.from(
    JSON.stringify({
      nbformat: 4,
      nbformat_minor: 5,
      metadata: { kernelspec: { name: 'python3', language: 'python' } },
      cells: [
        { cell_type: 'markdown', metadata: {}, source: `# ${title}` },
        { cell_type: 'code', metadata: {}, execution_count: 1, source: 'print(1)', outputs: [] },
      ],
    }),
  );

const NOW = new Date();
const ago = (s: number) => new Date(NOW.getTime() - s * 1000);

/** An execution row as the worker writes it, with what a test cares about overridden. */
export function executionRow(p: Partial<Execution> & Pick<Execution, 'jobId' | 'notebookId'>): typeof executions.$inferInsert {
  return {
    executor: 'host',
    configHash: 'cfg1',
    status: 'ok',
    seconds: 10,
    cellSeconds: {},
    workerId: 'w-live',
    outOfOrder: false,
    skippedCounts: false,
    neverExecutedCells: 0,
    startedAt: ago(60),
    finishedAt: ago(30),
    ...p,
  };
}

describe('reproduction monitoring', () => {
  let store: TestStore;
  const ids: number[] = [];
  let jobIds: string[] = [];

  beforeAll(async () => {
    store = await createTestStore();
    for (const t of ['Alpha', 'Beta', 'Gamma']) {
      const r = await importNotebook(store.db, { file: `${t}.ipynb`, bytes: notebook(t), blobDir: store.blobDir });
      ids.push(r.notebookId!);
    }
  });
  afterAll(async () => {
    if (store) await stopBoss(store.url);
    await store?.close();
  });

  it('reports zeros before pg-boss has ever started', async () => {
    expect(await getQueueDepth(store.db)).toEqual({ created: 0, retry: 0, active: 0, completed: 0, cancelled: 0, failed: 0 });
    expect(await listJobs(store.db, jobQuery.parse({}))).toEqual({ items: [], total: 0, page: 1, pageSize: 50 });
    expect(await getBatchProgress(store.db)).toEqual({ done: 0, total: 0 });
    const stats = await getQueueStats(store.db, NOW);
    expect(stats.etaSeconds).toBe(0);
    expect(stats.defaultExecutor).toBe('host');
  });

  it('counts queued jobs by state and lists them with their notebooks', async () => {
    const r = await enqueueReproductions(store, { notebookIds: ids }, { executor: 'host' });
    expect(r.queued).toHaveLength(3);
    jobIds = r.queued.map((q) => q.jobId);
    const again = await enqueueReproductions(store, { notebookIds: ids }, { executor: 'host' });
    expect(again.alreadyQueued).toEqual(ids);

    expect(await getQueueDepth(store.db)).toMatchObject({ created: 3, active: 0, completed: 0 });
    const page = await listJobs(store.db, jobQuery.parse({ state: 'waiting' }));
    expect(page.total).toBe(3);
    expect(page.items.map((j) => j.notebookTitle).sort()).toEqual(['Alpha', 'Beta', 'Gamma']);
    expect(page.items.every((j) => j.state === 'created' && j.executor === 'host' && j.queue === 'reproduce-host')).toBe(true);
    expect((await listJobs(store.db, jobQuery.parse({ state: 'active' }))).total).toBe(0);
    expect((await listJobs(store.db, jobQuery.parse({ notebook: String(ids[1]) }))).items.map((j) => j.notebookId)).toEqual([ids[1]]);
    expect(await getBatchProgress(store.db)).toEqual({ done: 0, total: 3 });
  });

  it('lists workers with their current jobs, marks stale ones, and picks the default executor', async () => {
    await store.db.insert(workers).values([
      { id: 'w-live', host: 'alpha-host', pid: 101, concurrency: 2, executors: ['host'], heartbeatAt: ago(5), startedAt: ago(600) },
      { id: 'w-stale', host: 'beta-host', pid: 102, concurrency: 4, executors: ['container'], heartbeatAt: ago(45), startedAt: ago(600) },
      { id: 'w-stopped', host: 'gamma-host', pid: 103, concurrency: 1, executors: ['container'], heartbeatAt: ago(120), stoppedAt: ago(100), startedAt: ago(900) },
    ]);
    // The worker took the first job: pg-boss marks it active, the worker registers it with its live log.
    await store.db.execute(sql`update pgboss.job set state = 'active', started_on = ${ago(20).toISOString()}::timestamptz where id = ${jobIds[0]}::uuid`);
    await store.db.insert(runningJobs).values({ jobId: jobIds[0], workerId: 'w-live', notebookId: ids[0], startedAt: ago(20), log: 'Executing cell 1\n' });

    const list = await listWorkers(store.db, NOW);
    expect(list.workers.map((w) => [w.id, w.state])).toEqual([
      ['w-live', 'live'],
      ['w-stale', 'stale'],
      ['w-stopped', 'stopped'],
    ]);
    expect(list.workers[0].currentJobs).toMatchObject([{ jobId: jobIds[0], notebookId: ids[0], notebookTitle: 'Alpha', elapsedSeconds: 20 }]);
    expect(list.workers[1].heartbeatAgeSeconds).toBe(45);
    // The stale container worker offers nothing: only the live host worker counts.
    expect(list.executors).toEqual(['host']);
    expect(list.defaultExecutor).toBe('host');
    expect(list.slots).toBe(2);

    const job = await getJob(store.db, jobIds[0], NOW);
    expect(job).toMatchObject({ state: 'active', workerHost: 'alpha-host', elapsedSeconds: 20, log: 'Executing cell 1\n', logSource: 'live' });
    expect(await getQueueDepth(store.db)).toMatchObject({ created: 2, active: 1 });
  });

  it('shows the execution and its log once the job has finished', async () => {
    await store.db.delete(runningJobs);
    await store.db.insert(executions).values(
      executionRow({ jobId: jobIds[0], notebookId: ids[0], status: 'exception', exceptionType: 'NameError', exceptionMessage: "name 'x' is not defined", seconds: 12.5, log: 'Traceback …' }),
    );
    await store.db.execute(sql`update pgboss.job set state = 'completed', completed_on = now() where id = ${jobIds[0]}::uuid`);
    const job = await getJob(store.db, jobIds[0], NOW);
    expect(job).toMatchObject({ state: 'completed', status: 'exception', exceptionType: 'NameError', durationSeconds: 12.5, log: 'Traceback …', logSource: 'execution', workerHost: 'alpha-host' });
    expect(await getBatchProgress(store.db)).toEqual({ done: 1, total: 3 });

    await cancelJob(store, jobIds[2]);
    const cancelled = await listJobs(store.db, jobQuery.parse({ state: 'cancelled' }));
    expect(cancelled.items.map((j) => j.id)).toEqual([jobIds[2]]);
    expect(await getQueueDepth(store.db)).toEqual({ created: 1, retry: 0, active: 0, completed: 1, cancelled: 1, failed: 0 });
    // Running first, then waiting, then finished.
    const all = await listJobs(store.db, jobQuery.parse({}));
    expect(all.items.map((j) => j.state)).toEqual(['created', 'cancelled', 'completed']);
    await expect(getJob(store.db, '00000000-0000-0000-0000-000000000000')).rejects.toThrow(/No reproduction job/);
  });

  it('buckets throughput per 5 minutes over the last hour, leaving older executions out', async () => {
    // Four more executions of the same notebook (other jobs): 2 min, 3 min and 7 min ago, and 70 min ago.
    await store.db.insert(executions).values([
      executionRow({ jobId: 'j-ok-1', notebookId: ids[1], status: 'ok', startedAt: ago(180), finishedAt: ago(120) }),
      executionRow({ jobId: 'j-infra', notebookId: ids[1], status: 'infrastructure', startedAt: ago(190), finishedAt: ago(180) }),
      executionRow({ jobId: 'j-timeout', notebookId: ids[1], status: 'timeout', startedAt: ago(500), finishedAt: ago(420) }),
      executionRow({ jobId: 'j-old', notebookId: ids[1], status: 'ok', startedAt: ago(4300), finishedAt: ago(4200) }),
    ]);
    const t = await getThroughput(store.db, NOW);
    expect(t.buckets).toHaveLength(12);
    expect(t.buckets[11].start.getTime()).toBe(Math.floor(NOW.getTime() / 300_000) * 300_000);
    const total = (b: (typeof t.buckets)[number]) => b.ok + b.failed + b.infrastructure;
    expect(t.buckets.reduce((s, b) => s + total(b), 0)).toBe(4); // 30 s, 2 min, 3 min, 7 min ago
    expect(t.finished).toBe(4);
    expect(t.ok).toBe(1);
    // ok ÷ (ok + exception + timeout): the infrastructure error is left out.
    expect(t.okShare).toBeCloseTo(1 / 3, 10);
    const idxOf = (d: Date) => Math.floor((d.getTime() - t.buckets[0].start.getTime()) / 300_000);
    expect(t.buckets[idxOf(ago(420))].failed).toBeGreaterThanOrEqual(1);
  });

  it('estimates the ETA from the recent rate and the live slots', async () => {
    // Recent executions (last 15 min): 4, the earliest started 500 s ago → 4 per 500 s = 0.48/min.
    const rate = await measureRecentRate(store.db, NOW);
    expect(rate.finished).toBe(4);
    expect(rate.seconds).toBeCloseTo(500, 0);
    expect(rate.perMinute).toBeCloseTo(0.48, 2);
    expect(estimateEta({ waiting: 9, active: 1, perMinute: 6, slotsThen: 2, slotsNow: 4 })).toBe(50); // 10 jobs at 12/min
    expect(estimateEta({ waiting: 3, active: 0, perMinute: null, slotsThen: 0, slotsNow: 2 })).toBeNull();
    expect(estimateEta({ waiting: 3, active: 0, perMinute: 2, slotsThen: 2, slotsNow: 0 })).toBeNull();
    expect(estimateEta({ waiting: 0, active: 0, perMinute: null, slotsThen: 0, slotsNow: 0 })).toBe(0);

    const stats = await getQueueStats(store.db, NOW);
    // Slots then: w-live (2), w-stale (4) and w-stopped (1) were up within the 15 min; now only w-live (2).
    // 1 waiting job at 0.48/min × 2/7 ≈ 0.137/min → 437.5 s.
    expect(stats.waiting).toBe(1);
    expect(Math.abs(stats.etaSeconds! - 437.5)).toBeLessThanOrEqual(1.5);
    expect(stats.workers).toEqual({ live: 1, stale: 1, slots: 2 });

    await setQueuePaused(store.db, true);
    const paused = await getQueueStats(store.db, NOW);
    expect(paused.paused).toBe(true);
    expect(paused.etaSeconds).toBeNull();
    await setQueuePaused(store.db, false);
  });
});
