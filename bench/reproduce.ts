// npm run bench:reproduce [-- N]: N small plotting notebooks reproduced with 1 worker and then 2
// (each of concurrency 1), with the container executor and the host one; prints wall times, parallel
// efficiency, the container's per-notebook overhead against the host, and the queue's own overhead.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inArray, sql } from 'drizzle-orm';
import { openDatabase } from '../lib/db/client';
import { executions, workers } from '../lib/db/schema';
import type { ExecutorKind } from '../lib/db/schema/reproduction';
import { availableExecutors } from '../lib/execute/available-executors';
import type { Executor } from '../lib/execute/types';
import { importNotebook } from '../lib/ingest/import-notebook';
import { stopBoss } from '../lib/jobs/boss';
import { enqueueReproductions } from '../lib/jobs/enqueue-reproductions';
import { startWorker } from '../lib/jobs/worker';

const N = Number(process.argv[2] ?? process.env.N ?? 8);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vizmine-bench-reproduce-'));
const store = await openDatabase({ dataDir });
const blobDir = path.join(dataDir, 'blobs');

const notebook = (i: number) =>
  Buffer.from(JSON.stringify({
    nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { name: 'python3', language: 'python', display_name: 'Python 3' } },
    cells: [`# notebook ${i}\nimport matplotlib.pyplot as plt`, `plt.plot([1, ${i % 7}, 3]); plt.title("n${i}"); plt.show()`, `print(sum(range(${1000 + i})))`]
      .map((source) => ({ cell_type: 'code', metadata: {}, execution_count: null, source, outputs: [] })),
  }));
const ids: number[] = [];
for (let i = 0; i < N; i++) ids.push((await importNotebook(store.db, { file: `bench${i}.ipynb`, bytes: notebook(i), blobDir })).notebookId!);

function startWorkerProcess(executor: ExecutorKind): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'workers/index.ts', '--concurrency', '1'], {
    env: { ...process.env, DATABASE_URL: store.url, VIZMINE_DATA_DIR: dataDir, VIZMINE_EXECUTORS: executor },
    stdio: 'ignore',
  });
}

async function until(ok: () => Promise<boolean>) {
  while (!(await ok())) await new Promise((r) => setTimeout(r, 100));
}

/** Wall time from queueing N notebooks to their last result, with `count` worker processes. */
async function phase(executor: ExecutorKind, count: number, cpus?: number): Promise<{ wall: number; meanRun: number }> {
  await store.db.update(workers).set({ stoppedAt: sql`now()` }).where(sql`stopped_at is null`);
  const children = Array.from({ length: count }, () => startWorkerProcess(executor));
  const pids = children.map((c) => c.pid!);
  await until(async () => (await store.db.select().from(workers).where(inArray(workers.pid, pids))).length === count);
  const t0 = performance.now();
  const queued = await enqueueReproductions(store, { notebookIds: ids }, { executor, cpus });
  const jobIds = queued.queued.map((q) => q.jobId);
  await until(async () => (await store.db.select({ id: executions.id }).from(executions).where(inArray(executions.jobId, jobIds))).length === jobIds.length);
  const wall = (performance.now() - t0) / 1000;
  const rows = await store.db.select({ seconds: executions.seconds, status: executions.status }).from(executions).where(inArray(executions.jobId, jobIds));
  const bad = rows.filter((r) => r.status !== 'ok');
  if (bad.length) console.warn(`  ${bad.length} runs did not finish ok: ${bad.map((b) => b.status).join(', ')}`);
  for (const c of children) c.kill('SIGTERM');
  await Promise.all(children.map((c) => new Promise((r) => c.once('exit', r))));
  return { wall, meanRun: rows.reduce((s, r) => s + r.seconds, 0) / rows.length };
}

/** The queue's own cost per job: send → fetch → record → complete, with an executor that runs nothing. */
async function queueOverhead(jobs: number): Promise<number> {
  const instant: Executor = {
    kind: 'host',
    image: null,
    run: async () => ({ status: 'ok', failing: null, seconds: 0, cellSeconds: {}, executed: null, log: '' }),
  };
  const more: number[] = [];
  for (let i = 0; i < jobs; i++) more.push((await importNotebook(store.db, { file: `q${i}.ipynb`, bytes: notebook(10_000 + i), blobDir })).notebookId!);
  const worker = await startWorker({ store, blobDir, executors: [instant], queues: new Map([['reproduce', 1]]), pollMs: 50 });
  const t0 = performance.now();
  const queued = await enqueueReproductions(store, { notebookIds: more }, { executor: 'host', cellTimeoutS: 1 });
  const jobIds = queued.queued.map((q) => q.jobId);
  await until(async () => (await store.db.select({ id: executions.id }).from(executions).where(inArray(executions.jobId, jobIds))).length === jobs);
  const perJob = (performance.now() - t0) / jobs;
  await worker.stop();
  return perJob;
}

const { executors, notes } = await availableExecutors();
for (const n of notes) console.log(`(${n})`);
console.log(`${N} notebooks, ${os.availableParallelism()} cores\n`);
const results: Partial<Record<ExecutorKind, { one: number; meanRun: number }>> = {};
for (const kind of executors.map((e) => e.kind)) {
  const one = await phase(kind, 1);
  const two = await phase(kind, 2);
  results[kind] = { one: one.wall, meanRun: one.meanRun };
  const efficiency = one.wall / (2 * two.wall);
  console.log(`${kind.padEnd(9)} 1 worker ${one.wall.toFixed(1)} s · 2 workers ${two.wall.toFixed(1)} s · parallel efficiency ${(efficiency * 100).toFixed(0)} % (target ≥ 90 %) · ${(one.wall / N).toFixed(2)} s/notebook wall, ${one.meanRun.toFixed(2)} s in the executor`);
}
if (results.container && results.host) {
  // The host run is not capped, so the runner and the kernel use every core; compare it with a container
  // allowed as many CPUs (the default cap, one per job, is what the parallel phases above use).
  const cores = os.availableParallelism();
  const uncapped = await phase('container', 1, cores);
  const ratio = (a: number, b: number) => (a / b).toFixed(2);
  console.log(`container overhead: ${ratio(uncapped.wall, results.host.one)}× host per notebook with ${cores} CPUs (target ≤ 1.3×; ${ratio(uncapped.meanRun, results.host.meanRun)}× in the executor alone); ${ratio(results.container.one, results.host.one)}× with the default cap of 1 CPU`);
}
console.log(`queue overhead: ${(await queueOverhead(50)).toFixed(1)} ms per job (send → fetch → record → complete; target < 100 ms)`);

await stopBoss(store.url);
await store.close();
fs.rmSync(dataDir, { recursive: true, force: true });
