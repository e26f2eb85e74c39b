import os from 'node:os';
import { sql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import type { Database } from '../db/client';
import { foldFigureCounts } from '../db/figure-counts';
import type { Executor } from '../execute/types';
import { appendTail } from '../execute/types';
import { getBoss } from './boss';
import type { JobDefinition } from './definition';
import { ensureQueue } from './enqueue';
import { jobQueue } from './monitor/jobs-source';
import { isQueuePaused } from './queue-controls';
import { QUEUE_GROUPS, definitionOf } from './registry';
import { beat, claimJobRow, markStopped, registerWorker, releaseJobRow, retireDeadWorkers, takeOrphanedJobs } from './worker-registry';

export interface WorkerOptions {
  store: Pick<Database, 'db' | 'url' | 'dataDir'>;
  blobDir: string;
  executors: Executor[]; // what this machine can run; one reproduce queue per executor kind
  /** Queue group → concurrency (see QUEUE_GROUPS). Default: every group; reproduce at `concurrency`, the others at 1. */
  queues?: Map<string, number>;
  concurrency?: number; // reproduction's default: the number of CPU cores
  graceMs?: number; // on stop, how long running jobs may finish before they go back to the queue
  heartbeatMs?: number;
  /** How often the figure-count cubes are folded (lib/db/figure-counts). */
  foldMs?: number;
  pollMs?: number;
  log?: (msg: string) => void;
}

interface Running {
  queue: string;
  abort: AbortController;
  log: string;
  done: Promise<void>;
}

interface Group {
  name: string;
  concurrency: number;
  defs: Array<{ def: JobDefinition<any>; executor?: Executor }>;
  running: number;
}

/**
 * The one worker for every kind of background work: takes jobs from each served queue group up to
 * its concurrency, heartbeats with what it runs and their output, gives back the jobs of dead
 * workers (any queue), honours pause and cancel. stop() lets running jobs finish for `graceMs`, then
 * returns the rest to their queues.
 */
export async function startWorker(opts: WorkerOptions): Promise<{ id: string; stop(): Promise<void> }> {
  const { store, blobDir, executors } = opts;
  const db = store.db;
  const log = opts.log ?? (() => {});
  const groups = buildGroups(opts);
  const boss = await getBoss(store.url, { supervise: true });
  for (const g of groups) for (const d of g.defs) await ensureQueue(boss, d.def);
  const reproduce = groups.find((g) => g.name === 'reproduce');
  const served = reproduce && reproduce.defs.length > 0 ? executors.map((e) => e.kind) : [];
  const id = await registerWorker(db, { concurrency: reproduce?.concurrency ?? 0, executors: served });
  const running = new Map<string, Running>();
  let stopping = false;
  let wake: (() => void) | null = null;
  const sleep = (ms: number) => new Promise<void>((r) => ((wake = r), setTimeout(r, ms)));

  const heartbeat = setInterval(() => void tick().catch((e) => log(`heartbeat failed: ${(e as Error).message}`)), opts.heartbeatMs ?? 2000);
  // Imports and analyses append differences to the figure-count cubes; summing them keeps the gallery's
  // facets and the corpus cross-tabs reading a few thousand rows.
  const folding = setInterval(() => void foldFigureCounts(db).catch((e) => log(`folding figure counts failed: ${(e as Error).message}`)), opts.foldMs ?? 30_000);
  async function tick() {
    await beat(db, id, new Map([...running].map(([jobId, r]) => [jobId, r.log])));
    await abortCancelled(running, db);
    for (const o of await takeOrphanedJobs(db)) {
      const queue = await jobQueue(db, o.jobId);
      if (queue) await boss.fail(queue, o.jobId, { message: `worker ${o.workerId} died while running this job; it runs again` });
      log(`job ${o.jobId} of dead worker ${o.workerId} given back to the queue`);
    }
    await retireDeadWorkers(db);
  }

  function run(job: PgBoss.JobWithMetadata<unknown>, group: Group, def: JobDefinition<any>, executor?: Executor) {
    const abort = new AbortController();
    const queue = def.name;
    const entry: Running = { queue, abort, log: '', done: Promise.resolve() };
    running.set(job.id, entry);
    group.running++;
    entry.done = (async () => {
      try {
        const payload = def.payload.parse(job.data);
        await claimJobRow(db, id, job.id, queue, def.notebookId?.(payload) ?? null);
        const ctx = { store, blobDir, workerId: id, jobId: job.id, queue, signal: abort.signal, onLog: (c: string) => (entry.log = appendTail(entry.log, c)), finalAttempt: job.retryCount >= job.retryLimit, executor };
        const t0 = Date.now();
        const output = await def.handler(ctx, payload);
        if (output) {
          await boss.complete(queue, job.id, output);
          log(describe(queue, payload, output, (Date.now() - t0) / 1000));
        } else {
          await boss.fail(queue, job.id, { message: `worker ${id} stopped before the job finished; it runs again` });
        }
      } catch (e) {
        await boss.fail(queue, job.id, { message: (e as Error).message }).catch(() => {});
        log(`job ${job.id} (${queue}) failed: ${(e as Error).message}`);
      } finally {
        await releaseJobRow(db, id, job.id).catch(() => {});
        running.delete(job.id);
        group.running--;
        wake?.();
      }
    })();
  }

  const loop = (async () => {
    while (!stopping) {
      try {
        let took = 0;
        let full = true;
        for (const g of groups) {
          let free = g.concurrency - g.running;
          if (free <= 0) continue;
          full = false;
          for (const { def, executor } of g.defs) {
            if (free <= 0 || (await isQueuePaused(db, def.pauseKey ?? def.name))) continue;
            const jobs = await boss.fetch(def.name, { batchSize: free, includeMetadata: true });
            for (const job of jobs) run(job, g, def, executor);
            free -= jobs.length;
            took += jobs.length;
          }
        }
        if (took === 0 || full) await sleep(opts.pollMs ?? 1000);
      } catch (e) {
        log(`worker loop: ${(e as Error).message}; retrying`);
        await sleep(2000);
      }
    }
  })();
  log(`worker ${id}: ${groups.map((g) => `${g.name}:${g.concurrency}`).join(', ')}; executors ${executors.map((e) => e.kind).join(', ') || 'none (reproduction unavailable here)'}`);

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
        // A handler that does not heed the abort (an analysis, a thumbnail batch) is not waited for:
        // its job goes back to the queue here; handlers are idempotent, so a second run stores nothing twice.
        const heeded = await Promise.race([all.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 5_000))]);
        if (!heeded) {
          for (const [jobId, r] of running) {
            await boss.fail(r.queue, jobId, { message: `worker ${id} stopped before the job finished; it runs again` }).catch(() => {});
            await releaseJobRow(db, id, jobId).catch(() => {});
          }
        }
      }
      clearInterval(heartbeat);
      clearInterval(folding);
      await markStopped(db, id);
    },
  };
}

function buildGroups(opts: WorkerOptions): Group[] {
  const wanted = opts.queues ?? new Map(Object.keys(QUEUE_GROUPS).map((g) => [g, g === 'reproduce' ? (opts.concurrency ?? os.availableParallelism()) : 1]));
  return [...wanted].map(([name, concurrency]) => ({
    name,
    concurrency,
    running: 0,
    // Executor-bound queues are served only with that executor, best executor first.
    defs: QUEUE_GROUPS[name]
      .map((q) => definitionOf(q)!)
      .flatMap((def): Group['defs'] => {
        if (!def.executor) return [{ def }];
        const executor = opts.executors.find((e) => e.kind === def.executor);
        return executor ? [{ def, executor }] : [];
      })
      .sort((a, b) => (a.executor && b.executor ? opts.executors.indexOf(a.executor) - opts.executors.indexOf(b.executor) : 0)),
  }));
}

function describe(queue: string, payload: unknown, output: Record<string, unknown>, seconds: number): string {
  const p = payload as { notebookId?: number };
  if (queue.startsWith('reproduce-')) return `notebook ${p.notebookId}: ${output.status}${output.exceptionType ? ` (${output.exceptionType})` : ''} in ${Number(output.seconds).toFixed(1)} s`;
  return `${queue}${p.notebookId ? ` notebook ${p.notebookId}` : ''}: done in ${seconds.toFixed(1)} s ${JSON.stringify(output).slice(0, 200)}`;
}

/** Jobs cancelled from the UI or CLI while running here are stopped (their containers killed). */
async function abortCancelled(running: Map<string, Running>, db: Database['db']) {
  if (running.size === 0) return;
  const ids = [...running.keys()];
  const rows = await db.execute<{ id: string }>(sql`select id::text as id from pgboss.job where id::text in ${ids} and state = 'cancelled'`);
  for (const r of rows) running.get(r.id)?.abort.abort();
}
