import { inArray, sql } from 'drizzle-orm';
import { cellLabel } from '../../lib/notebooks/cell-label';
import { openDatabase, type Database } from '../../lib/db/client';
import { executions, type ExecutorKind } from '../../lib/db/schema';
import { stopBoss } from '../../lib/jobs/boss';
import { preflightNotebooks } from '../../lib/execute/preflight/preflight-notebooks';
import { enqueueReproductions, resolveReproduceTarget, type ReproduceTarget } from '../../lib/jobs/enqueue-reproductions';
import { FINISHED_STATES } from '../../lib/jobs/monitor/jobs-source';
import { selectJobs } from '../../lib/jobs/monitor/list-jobs';
import { listWorkers, type WorkerRow } from '../../lib/jobs/monitor/list-workers';
import { availableExecutors } from '../../lib/execute/available-executors';
import { startWorkers } from '../../workers/start-workers';

interface ReproduceOpts {
  dataDir?: string;
  all?: boolean;
  strategyRun?: number;
  executor?: ExecutorKind;
  cellTimeout?: number;
  totalTimeout?: number;
  memory?: number;
  wait?: boolean;
  json?: boolean;
  preflight?: boolean;
  skipBlocked?: boolean;
  runMissingDatasets?: boolean;
}

/** `vizmine reproduce`: queue reproduction jobs (workers run them); with --wait, report each result. */
export async function reproduceCommand(ids: number[], opts: ReproduceOpts): Promise<number> {
  const target: ReproduceTarget = opts.all ? { all: true } : opts.strategyRun ? { strategyRunId: opts.strategyRun } : { notebookIds: ids };
  const store = await openDatabase({ dataDir: opts.dataDir });
  try {
    const workers = await listWorkers(store.db);
    // Waiting with no live worker: a new user running the CLI alone wants results, so this process
    // runs the jobs itself, with what this machine offers (containers first, as a worker would).
    const inProcess = opts.wait && !(opts.executor ? workers.executors.includes(opts.executor) : workers.executors.length > 0);
    const local = inProcess ? await availableExecutors() : null;
    const executor = opts.executor ?? local?.executors[0]?.kind ?? workers.defaultExecutor;
    const say = (s: string) => (opts.json ? process.stderr : process.stdout).write(`${s}\n`);
    if (opts.preflight) {
      const p = await preflightNotebooks(store.db, store.dataDir, await resolveReproduceTarget(store.db, target), executor);
      if (opts.json) console.log(JSON.stringify(p));
      for (const n of p.notebooks.filter((x) => x.blocked)) say(`notebook ${n.notebookId} ${n.title}: ${[...n.missingModules.map((m) => `needs ${m}, not in the image`), ...n.missingDatasets].join('; ')}`);
      say(`${p.blocked} of ${p.notebooks.length} notebook(s) blocked; ${p.blockers.slice(0, 10).map((b) => `${b.name}: ${b.notebooks}`).join(', ')}`);
      return 0;
    }
    const queued = await enqueueReproductions(store, target, { executor, cellTimeoutS: opts.cellTimeout, totalTimeoutS: opts.totalTimeout, memoryMb: opts.memory }, { skipBlocked: opts.skipBlocked, runMissingDatasets: opts.runMissingDatasets });
    for (const n of queued.skipped) say(`skipped notebook ${n.notebookId}: ${[...n.missingModules.map((m) => `needs ${m}`), ...n.missingDatasets].join('; ')}`);
    say(`queued ${queued.queued.length} notebook(s) for the ${executor} executor${queued.alreadyQueued.length ? `; ${queued.alreadyQueued.length} already waiting or running` : ''}`);
    if (!opts.wait) {
      if (!workers.executors.includes(executor)) say(`no live worker offers the ${executor} executor yet: start one with \`npm run worker\` (or \`npm start\`); the jobs wait for it`);
      return 0;
    }
    if (!inProcess) return await waitForResults(store, queued.queued, opts.json ?? false, say);
    if (!local!.executors.some((e) => e.kind === executor)) {
      const why = local!.notes.find((n) => n.startsWith(executor)) ?? `this machine has no ${executor} executor`;
      process.stderr.write(`vizmine: no live worker offers the ${executor} executor and this process cannot run it either (${why}); the jobs stay queued for a worker (\`npm run worker\`)\n`);
      return 1;
    }
    process.stderr.write(`vizmine: no live worker offers the ${executor} executor: running the jobs in this process until they finish (or start \`npm run worker\` elsewhere; Ctrl-C stops)\n`);
    const work = await startWorkers(store, { log: (m) => process.stderr.write(`[in-process worker] ${m}\n`) });
    try {
      return await waitForResults(store, queued.queued, opts.json ?? false, say);
    } finally {
      await work.stop();
    }
  } finally {
    await stopBoss(store.url);
    await store.close();
  }
}

async function waitForResults(store: Database, jobs: Array<{ notebookId: number; jobId: string }>, json: boolean, say: (s: string) => void): Promise<number> {
  const pending = new Map(jobs.map((j) => [j.jobId, j.notebookId]));
  let failed = 0;
  while (pending.size > 0) {
    // One query for every pending job per poll (a batch can be thousands of notebooks).
    const ids = [...pending.keys()].join(',');
    const done = (await selectJobs(store.db, sql`j.id = any(string_to_array(${ids}, ',')::uuid[])`, sql``)).filter((j) => FINISHED_STATES.includes(j.state));
    const executionIds = done.flatMap((j) => (j.executionId ? [j.executionId] : []));
    const recorded = executionIds.length ? await store.db.select().from(executions).where(inArray(executions.id, executionIds)) : [];
    for (const job of done) {
      const notebookId = pending.get(job.id);
      if (notebookId === undefined) continue; // in both pg-boss tables for a moment while it is archived
      pending.delete(job.id);
      const e = recorded.find((r) => r.id === job.executionId);
      const line = e
        ? {
            notebookId,
            status: e.status,
            exceptionType: e.exceptionType,
            failingCell: e.failingCell,
            seconds: e.seconds,
            visualisationsBefore: e.figuresBefore,
            visualisationsAfter: e.figuresAfter,
            matched: { same: e.figuresSame, different: e.figuresDifferent, new: e.figuresNew, missing: e.figuresMissing },
            missingDatasets: e.missingDatasets,
            executionId: e.id,
          }
        : { notebookId, status: job.state === 'cancelled' ? 'cancelled' : 'infrastructure', error: job.error };
      if (!e) failed++;
      if (json) console.log(JSON.stringify(line));
      else say(`notebook ${notebookId}: ${line.status}${e?.exceptionType ? ` ${e.exceptionType}${e.failingCell != null ? ` in ${cellLabel(e.failingCell)}` : ''}` : ''}${e ? ` — ${e.seconds.toFixed(1)} s, figures ${e.figuresBefore} → ${e.figuresAfter} (${e.figuresSame} same)` : ` — ${job.error ?? ''}`}`);
    }
    if (pending.size > 0) await new Promise((r) => setTimeout(r, 1000));
  }
  return failed > 0 ? 2 : 0;
}

/** `vizmine workers`: the workers sharing this database, what they run, stale ones marked. */
export async function workersCommand(opts: { dataDir?: string; json?: boolean; watch?: boolean }): Promise<number> {
  const store = await openDatabase({ dataDir: opts.dataDir });
  try {
    for (;;) {
      const list = await listWorkers(store.db);
      if (opts.json) console.log(JSON.stringify(list));
      else printWorkers(list.workers, opts.watch ?? false);
      if (!opts.watch) return 0;
      await new Promise((r) => setTimeout(r, 2000));
    }
  } finally {
    await store.close();
  }
}

function printWorkers(rows: WorkerRow[], clear: boolean) {
  if (clear) process.stdout.write('\x1b[2J\x1b[H');
  if (rows.length === 0) console.log('no workers: start one with `npm run worker` (or `npm start`)');
  for (const w of rows) {
    const jobs = w.currentJobs.map((j) => `#${j.notebookId} ${j.elapsedSeconds}s`).join(', ') || 'idle';
    console.log(`${w.state.toUpperCase().padEnd(8)} ${w.host}:${w.pid}  ${w.executors.join('+') || 'no executor'} ×${w.concurrency}  heartbeat ${w.heartbeatAgeSeconds}s ago  ${jobs}`);
  }
}
