import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executions, workers } from '../../lib/db/schema';
import { importNotebook } from '../../lib/ingest/import-notebook';
import { enqueueReproductions } from '../../lib/jobs/enqueue-reproductions';
import { createTestStore, type TestStore } from '../helpers/db';
import { codeNotebook } from '../helpers/notebooks';
import { hasHostPython } from '../helpers/system';
import { jobsOfWorker, startWorkerProcess, until, stopWorkersAndStore } from '../helpers/worker-process';

const available = hasHostPython();
// The stale threshold for these workers (the default is 30 s: lib/jobs/worker-registry.ts).
const STALE_S = 8;

// A worker that stops heartbeating without dying (SIGSTOP: a hung process, a paused VM). Its pid is
// alive, so only its stale heartbeat can give its job back: after STALE_S, not before, and the job
// then runs once elsewhere. Resumed afterwards, it adds no second result.
describe.skipIf(!available)('a worker that stops heartbeating', () => {
  let store: TestStore;
  beforeAll(async () => (store = await createTestStore()));
  afterAll(() => stopWorkersAndStore(store));

  const count = async (q: ReturnType<typeof sql>) => Number((await store.db.execute<{ n: string }>(q))[0].n);
  const jobsOf = (pid: number) => jobsOfWorker(store.db, pid);
  const startWorker = () => startWorkerProcess(store, { env: { VIZMINE_WORKER_STALE_S: String(STALE_S) } });

  it('has its job given back after the threshold, run once elsewhere; resumed, it adds no second result', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await importNotebook(store.db, { file: `s${i}.ipynb`, bytes: codeNotebook(`import time; time.sleep(1.5); print(${i})`), blobDir: store.blobDir });
      ids.push(r.notebookId!);
    }
    expect((await enqueueReproductions(store, { notebookIds: ids }, { executor: 'host', cellTimeoutS: 60 })).queued).toHaveLength(4);

    const a = startWorker();
    const b = startWorker();
    let held: string | undefined;
    await until('B up and a job running on A', async () => (await jobsOf(b.child.pid!)) !== null && (held = (await jobsOf(a.child.pid!))?.[0]?.jobId) !== undefined, 120_000);
    a.child.kill('SIGSTOP');
    await new Promise((r) => setTimeout(r, 500)); // a heartbeat already under way lands
    const [{ heartbeatAt }] = await store.db.select({ heartbeatAt: workers.heartbeatAt }).from(workers).where(eq(workers.pid, a.child.pid!));

    // Before the threshold A still holds its job (its pid is alive: only the heartbeat can tell).
    await until('half the threshold', async () => Date.now() > heartbeatAt.getTime() + (STALE_S / 2) * 1000, 30_000);
    expect((await jobsOf(a.child.pid!))!.map((j) => j.jobId)).toContain(held); // it may also hold analysis or derivatives jobs (one worker serves every queue)
    await until("B to give back A's job", async () => b.output().includes(`job ${held} of dead worker`), 60_000);
    const after = (Date.now() - heartbeatAt.getTime()) / 1000;
    expect(after).toBeGreaterThanOrEqual(STALE_S);
    expect(after).toBeLessThan(STALE_S + 20); // B looks at every heartbeat (2 s); slack for a loaded machine

    await until('4 results', async () => (await count(sql`select count(*) as n from executions`)) >= 4, 240_000); // B alone runs all four, beside its analysis and derivative jobs: minutes on a loaded CI machine
    await until('every job completed', async () => (await count(sql`select count(*) as n from pgboss.job where name = 'reproduce-host' and state = 'completed'`)) === 4, 30_000);
    expect(await count(sql`select count(*) as n from pgboss.job where id::text = ${held} and retry_count > 0`)).toBe(1);
    const [heldResult] = await store.db.select({ workerId: executions.workerId }).from(executions).where(eq(executions.jobId, held!));
    const [bRow] = await store.db.select({ id: workers.id }).from(workers).where(eq(workers.pid, b.child.pid!));
    expect(heldResult.workerId).toBe(bRow.id); // run on B
    expect(process.kill(a.child.pid!, 0)).toBe(true); // A was alive all along, only stopped

    // A resumes: it finishes its old run, finds the result already there, and records nothing more.
    a.child.kill('SIGCONT');
    await until('A to let go of its job', async () => (await jobsOf(a.child.pid!))!.length === 0, 60_000);
    await new Promise((r) => setTimeout(r, 3_000));
    const rows = await store.db.select({ notebookId: executions.notebookId, status: executions.status }).from(executions);
    expect(rows).toHaveLength(4);
    expect(new Set(rows.map((r) => r.notebookId))).toEqual(new Set(ids));
    expect(rows.every((r) => r.status === 'ok')).toBe(true);
  }, 420_000);
});
