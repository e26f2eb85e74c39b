import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYSER_VERSION } from '../../lib/analysis-store';
import { notebookAnalyses, notebooks, runningJobs, visualisations } from '../../lib/db/schema';
import { reanalyse } from '../../lib/jobs/definitions/reanalyse';
import { enqueueAfterImport, enqueueJob } from '../../lib/jobs/enqueue';
import { listQueues } from '../../lib/jobs/monitor/queues-overview';
import { listJobs } from '../../lib/jobs/monitor/list-jobs';
import { startWorker } from '../../lib/jobs/worker';
import { importFigures } from '../helpers/codebook-fixture';
import { createTestStore, type TestStore } from '../helpers/db';
import { jobsOfWorker, startWorkerProcess, until, stopWorkersAndStore } from '../helpers/worker-process';

const GROUPING_LOCK = 0x76697a64; // compute-derivatives' advisory lock: held here, it stops a derivatives job midway

// Jobs of every non-reproduction kind through the registry and the one worker process: each is
// caught mid-job (blocked on a lock this test holds), its worker SIGKILLed, and another worker
// finishes it with nothing stored twice. (Reproduction's own crash test: worker-crash.test.ts.)
describe('the job registry', () => {
  let store: TestStore;
  beforeAll(async () => (store = await createTestStore()));
  afterAll(() => stopWorkersAndStore(store));

  const workerProcess = (queues: string) => startWorkerProcess(store, { args: ['--queues', queues] });
  const jobs = (queue: string) =>
    store.db.execute<{ state: string; retry_count: number }>(sql`select state::text as state, retry_count from pgboss.job where name = ${queue}`);

  it('an analyse and a derivatives job killed mid-job are finished by another worker, stored once', async () => {
    await importFigures(store.db, store.blobDir, [[300, 200], [320, 240], [200, 200], [640, 480]]);
    const [nb] = await store.db.select({ id: notebooks.id }).from(notebooks);
    await store.db.insert(notebookAnalyses).values({ notebookId: nb.id, analyserVersion: 'old', status: 'analysed' });

    // Hold the analysis row and the thumbnails' grouping lock: both jobs start and then wait.
    const conn = await store.db.$client.reserve();
    await conn`begin`;
    await conn`select 1 from notebook_analyses where notebook_id = ${nb.id} for update`;
    await conn`select pg_advisory_xact_lock(${GROUPING_LOCK})`;

    await enqueueAfterImport(store, [nb.id], (m) => {
      throw new Error(m);
    });
    const a = workerProcess('analyse:1,derivatives:1');
    await until('both jobs running on A', async () => new Set((await jobsOfWorker(store.db, a.child.pid!))?.map((r) => r.queue)).size === 2, 60_000);
    a.child.kill('SIGKILL');
    await new Promise((r) => a.child.once('exit', r));
    await conn`rollback`;
    conn.release();

    const b = workerProcess('analyse:1,derivatives:1');
    await until('analysis at the current version', async () => {
      const [row] = await store.db.select().from(notebookAnalyses).where(eq(notebookAnalyses.notebookId, nb.id));
      return row?.analyserVersion === ANALYSER_VERSION;
    }, 60_000);
    await until('every image thumbnailed', async () => {
      const [r] = await store.db.execute<{ n: number }>(sql`select count(*)::int as n from blobs where thumbnail_at is null`);
      return r.n === 0;
    }, 60_000);
    // (A's blocked statement may still commit after the kill: the retry must then store nothing twice.)
    await until('the analyse job completed on B', async () => (await jobs('analyse'))[0]?.state === 'completed', 90_000);
    await until('no job left running', async () => (await store.db.select().from(runningJobs)).length === 0, 30_000);

    expect(b.output()).toMatch(/given back to the queue/);
    // The analyse job ran twice (A, killed; then B) as one job, and left one analysis.
    const analyseJobs = await jobs('analyse');
    expect(analyseJobs).toHaveLength(1);
    expect(analyseJobs[0]).toMatchObject({ state: 'completed' });
    expect(analyseJobs[0].retry_count).toBeGreaterThanOrEqual(1);
    expect(await store.db.select().from(notebookAnalyses)).toHaveLength(1);
    // The derivatives job A held was retried and completed; every image has its thumbnail and hash once.
    // (B's own pass may do the work first; the job A held still runs again after its retry delay.)
    await until('every derivatives job finished', async () => (await jobs('derivatives')).every((j) => j.state === 'completed'), 90_000);
    const derivativeJobs = await jobs('derivatives');
    expect(derivativeJobs.some((j) => j.state === 'completed' && j.retry_count >= 1)).toBe(true);
    const [blobs] = await store.db.execute<{ n: number; thumbs: number; hashes: number }>(
      sql`select count(*)::int as n, count(thumbnail_at)::int as thumbs, count(dhash)::int as hashes from blobs where mime like 'image/%'`,
    );
    expect(blobs.n).toBe(4);
    expect(blobs.thumbs).toBe(4);
    expect(blobs.hashes).toBe(4);
    expect(await store.db.select().from(visualisations)).toHaveLength(4);
    await b.stop();
  }, 240_000);

  it('a re-analysis queues an analyse job for every notebook not at the current version', async () => {
    for (let i = 0; i < 3; i++) await importFigures(store.db, store.blobDir, [[100 + i, 100]], { name: `re${i}` });
    const worker = await startWorker({ store, blobDir: store.blobDir, executors: [], queues: new Map([['reanalyse', 1], ['analyse', 2]]), pollMs: 100, heartbeatMs: 300 });
    try {
      await enqueueJob(store, reanalyse, { version: ANALYSER_VERSION }); // null when a worker start queued it already
      await until('every notebook analysed', async () => {
        const [r] = await store.db.execute<{ n: number }>(sql`select count(*)::int as n from notebooks n
          left join notebook_analyses a on a.notebook_id = n.id where a.analyser_version is distinct from ${ANALYSER_VERSION}`);
        return r.n === 0;
      }, 60_000);
      const [done] = await store.db.execute<{ output: { notebooks: number } }>(sql`select output from pgboss.job where name = 'reanalyse' and state = 'completed'`);
      expect(done?.output.notebooks).toBe(3); // the fourth was analysed at this version already
    } finally {
      await worker.stop();
    }
  }, 120_000);

  it('the monitor lists every queue with its depth, and jobs of any queue', async () => {
    const queues = await listQueues(store.db);
    expect(queues.map((q) => q.queue).sort()).toEqual(['analyse', 'collect', 'derivatives', 'reanalyse', 'reproduce-container', 'reproduce-host']);
    const analyse = queues.find((q) => q.queue === 'analyse')!;
    expect(analyse.depth.completed).toBe(4); // one per notebook (the first one's killed run included, as one job)
    expect(analyse.perMinute).toBeGreaterThan(0);
    expect(analyse.etaSeconds).toBe(0);
    expect(queues.find((q) => q.queue === 'reanalyse')!.depth.completed).toBe(1);
    expect(queues.find((q) => q.queue === 'reproduce-host')!.depth).toMatchObject({ created: 0, active: 0, completed: 0 });
    const listed = await listJobs(store.db, { state: 'completed', queue: 'derivatives', page: 1, pageSize: 50 });
    expect(listed.total).toBeGreaterThanOrEqual(1);
    expect(listed.items[0]).toMatchObject({ queue: 'derivatives', notebookId: null });
    expect(listed.items.some((j) => Number(j.output?.images) > 0)).toBe(true);
  });
});
