import os from 'node:os';
import { sql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import type { Database } from '../db/client';
import { reproduceNotebook } from '../execute/reproduce-notebook';
import type { Executor } from '../execute/types';
import { appendTail } from '../execute/types';
import { getBoss, reproduceQueue } from './boss';
import { reproduceJobQueue } from './monitor/jobs-source';
import { isQueuePaused } from './queue-controls';
import { reproducePayloadSchema } from './reproduce-payload';
import { beat, claimJobRow, markStopped, registerWorker, releaseJobRow, retireDeadWorkers, takeOrphanedJobs } from './worker-registry';

export interface WorkerOptions {
  store: Pick<Database, 'db' | 'url' | 'dataDir'>;
  blobDir: string;
  executors: Executor[]; // what this machine can run; one queue per executor kind
  concurrency?: number; // default: the number of CPU cores
  graceMs?: number; // on stop, how long running jobs may finish before they go back to the queue
  heartbeatMs?: number;
  pollMs?: number;
  log?: (msg: string) => void;
}

interface Running {
  queue: string;
  abort: AbortController;
  log: string;
  done: Promise<void>;
}

/**
 * A reproduction worker: takes jobs from the queues of the executors it has, up to `concurrency` at
 * once, heartbeats with what it runs and their output, gives back the jobs of dead workers, honours
 * pause and cancel. stop() lets running jobs finish for `graceMs`, then returns the rest to the queue.
 */
export async function startReproductionWorker(opts: WorkerOptions): Promise<{ id: string; stop(): Promise<void> }> {
  const { store, blobDir, executors } = opts;
  const db = store.db;
  const concurrency = opts.concurrency ?? os.availableParallelism();
  const log = opts.log ?? (() => {});
  const boss = await getBoss(store.url, { supervise: true });
  const id = await registerWorker(db, { concurrency, executors: executors.map((e) => e.kind) });
  const running = new Map<string, Running>();
  let stopping = false;
  let wake: (() => void) | null = null;
  const sleep = (ms: number) => new Promise<void>((r) => ((wake = r), setTimeout(r, ms)));

  const heartbeat = setInterval(() => void tick().catch((e) => log(`heartbeat failed: ${(e as Error).message}`)), opts.heartbeatMs ?? 2000);
  async function tick() {
    await beat(db, id, new Map([...running].map(([jobId, r]) => [jobId, r.log])));
    await abortCancelled(running, db);
    for (const o of await takeOrphanedJobs(db)) {
      const queue = await reproduceJobQueue(db, o.jobId);
      if (queue) await boss.fail(queue, o.jobId, { message: `worker ${o.workerId} died while running this job; it runs again` });
      log(`job ${o.jobId} of dead worker ${o.workerId} given back to the queue`);
    }
    await retireDeadWorkers(db);
  }

  function run(job: PgBoss.JobWithMetadata<unknown>, executor: Executor, queue: string) {
    const abort = new AbortController();
    const entry: Running = { queue, abort, log: '', done: Promise.resolve() };
    running.set(job.id, entry);
    entry.done = (async () => {
      try {
        const payload = reproducePayloadSchema.parse(job.data);
        await claimJobRow(db, id, job.id, payload.notebookId);
        const finalAttempt = job.retryCount >= job.retryLimit;
        const execution = await reproduceNotebook(
          { db, blobDir, dataDir: store.dataDir, executor, workerId: id, jobId: job.id, signal: abort.signal, onLog: (c) => (entry.log = appendTail(entry.log, c)), retryInfrastructure: !finalAttempt },
          payload,
        );
        if (execution) {
          await boss.complete(queue, job.id, { executionId: execution.id, status: execution.status });
          log(`notebook ${payload.notebookId}: ${execution.status}${execution.exceptionType ? ` (${execution.exceptionType})` : ''} in ${execution.seconds.toFixed(1)} s`);
        } else if (stopping) {
          await boss.fail(queue, job.id, { message: `worker ${id} stopped before the job finished; it runs again` });
        }
      } catch (e) {
        await boss.fail(queue, job.id, { message: (e as Error).message }).catch(() => {});
        log(`job ${job.id} failed: ${(e as Error).message}`);
      } finally {
        await releaseJobRow(db, id, job.id).catch(() => {});
        running.delete(job.id);
        wake?.();
      }
    })();
  }

  const loop = (async () => {
    while (!stopping) {
      try {
        const free = concurrency - running.size;
        let took = 0;
        if (free > 0 && !(await isQueuePaused(db))) {
          for (const executor of executors) {
            const queue = reproduceQueue(executor.kind);
            const jobs = await boss.fetch(queue, { batchSize: free - took, includeMetadata: true });
            for (const job of jobs) run(job, executor, queue);
            took += jobs.length;
            if (took >= free) break;
          }
        }
        if (took === 0 || running.size >= concurrency) await sleep(opts.pollMs ?? 1000);
      } catch (e) {
        log(`worker loop: ${(e as Error).message}; retrying`);
        await sleep(2000);
      }
    }
  })();
  log(`worker ${id}: concurrency ${concurrency}, executors ${executors.map((e) => e.kind).join(', ') || 'none (reproduction unavailable here)'}`);

  return {
    id,
    async stop() {
      stopping = true;
      wake?.();
      await loop;
      const all = Promise.all([...running.values()].map((r) => r.done));
      const graceful = await Promise.race([all.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), opts.graceMs ?? 10_000))]);
      if (!graceful) {
        for (const r of running.values()) r.abort.abort(); // each gives its job back (boss.fail → retry)
        await all;
      }
      clearInterval(heartbeat);
      await markStopped(db, id);
    },
  };
}

/** Jobs cancelled from the UI or CLI while running here are stopped (their containers killed). */
async function abortCancelled(running: Map<string, Running>, db: Database['db']) {
  if (running.size === 0) return;
  const ids = [...running.keys()];
  const rows = await db.execute<{ id: string }>(sql`select id::text as id from pgboss.job where id::text in ${ids} and state = 'cancelled'`);
  for (const r of rows) running.get(r.id)?.abort.abort();
}
