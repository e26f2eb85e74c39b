import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executions, runningJobs, workers } from '../../lib/db/schema';
import { importNotebook } from '../../lib/ingest/import-notebook';
import { enqueueReproductions } from '../../lib/jobs/enqueue-reproductions';
import { createTestStore, type TestStore } from '../helpers/db';
import { codeNotebook } from '../helpers/notebooks';
import { hasHostPython } from '../helpers/system';
import { jobsOfWorker, startWorkerProcess, until, stopWorkersAndStore } from '../helpers/worker-process';

const available = hasHostPython();

// Fault injection: two worker processes share 20 jobs; one is SIGKILLed while it runs a job. Its job
// goes back to the queue and runs on the other; in the end each notebook has exactly one result.
describe.skipIf(!available)('a worker killed mid-run', () => {
  let store: TestStore;
  beforeAll(async () => (store = await createTestStore()));
  afterAll(() => stopWorkersAndStore(store));

  const count = async (q: ReturnType<typeof sql>) => Number((await store.db.execute<{ n: string }>(q))[0].n);

  it('loses no job and duplicates no result', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 20; i++) {
      const r = await importNotebook(store.db, { file: `n${i}.ipynb`, bytes: codeNotebook(`import time; time.sleep(0.5); print(${i})`), blobDir: store.blobDir });
      ids.push(r.notebookId!);
    }
    expect((await enqueueReproductions(store, { notebookIds: ids }, { executor: 'host', cellTimeoutS: 60 })).queued).toHaveLength(20);

    // Reproduction only: the analysis and thumbnail jobs each result queues would otherwise still be
    // running at the end (their own crash test is job-registry.test.ts).
    const a = startWorkerProcess(store, { args: ['--queues', 'reproduce:1'] });
    const b = startWorkerProcess(store, { args: ['--queues', 'reproduce:1'] });
    // Kill A while it is running a job (after the pair has finished a few).
    await until('a few results and a job running on A', async () => {
      if ((await count(sql`select count(*) as n from executions`)) < 3) return false;
      return ((await jobsOfWorker(store.db, a.child.pid!))?.length ?? 0) > 0;
    }, 120_000);
    a.child.kill('SIGKILL');
    const killedAt = await count(sql`select count(*) as n from executions`);
    expect(killedAt).toBeLessThan(20);

    await until('20 results', async () => (await count(sql`select count(*) as n from executions`)) >= 20, 180_000);
    await until('every job completed', async () => (await count(sql`select count(*) as n from pgboss.job where name = 'reproduce-host' and state = 'completed'`)) === 20, 30_000);
    const rows = await store.db.select({ notebookId: executions.notebookId, status: executions.status }).from(executions);
    expect(rows).toHaveLength(20);
    expect(new Set(rows.map((r) => r.notebookId))).toEqual(new Set(ids));
    expect(rows.every((r) => r.status === 'ok')).toBe(true);
    expect(b.output()).toMatch(/given back to the queue/);
    // The job A held ran a second time, on B.
    expect(await count(sql`select count(*) as n from pgboss.job where name = 'reproduce-host' and retry_count > 0`)).toBeGreaterThanOrEqual(1);
    expect(await store.db.select().from(runningJobs)).toHaveLength(0);

    await b.stop();
    const stopped = await store.db.select({ pid: workers.pid, stoppedAt: workers.stoppedAt }).from(workers);
    expect(stopped.find((w) => w.pid === b.child.pid)!.stoppedAt).not.toBeNull();
  }, 330_000); // its waits add up to 330 s; one host run takes 5-7 s here, 20 of them ~160 s
});
