import type { Database } from '../lib/db/client';
import { blobDir } from '../lib/config';
import { ANALYSER_VERSION } from '../lib/analysis-store';
import { availableExecutors } from '../lib/execute/available-executors';
import { stopBoss } from '../lib/jobs/boss';
import { closeRenderer, derivatives } from '../lib/jobs/definitions/derivatives';
import { reanalyse } from '../lib/jobs/definitions/reanalyse';
import { enqueueJob } from '../lib/jobs/enqueue';
import { startWorker } from '../lib/jobs/worker';
import { startBackgroundWork } from './background';

/**
 * Everything a worker process runs: the one job worker for every served queue (reproduction with
 * the executors this machine has, analysis, re-analysis, thumbnails) and the collection-run loop.
 * At start it queues a re-analysis for the current analyser version and a thumbnail pass (both
 * no-ops when nothing is left). Shared by `npm run worker` and `npm start`.
 */
export async function startWorkers(
  store: Database,
  opts: { concurrency?: number; queues?: Map<string, number>; log: (msg: string) => void },
): Promise<{ stop(): Promise<void> }> {
  const dirs = { dataDir: store.dataDir, blobDir: blobDir(store.dataDir) };
  const background = startBackgroundWork(store, dirs, opts.log);
  const { executors, notes } = await availableExecutors();
  for (const n of notes) opts.log(n);
  const worker = await startWorker({ store, blobDir: dirs.blobDir, executors, concurrency: opts.concurrency, queues: opts.queues, log: opts.log });
  await enqueueJob(store, reanalyse, { version: ANALYSER_VERSION });
  await enqueueJob(store, derivatives, {});
  return {
    async stop() {
      await Promise.all([background.stop(), worker.stop()]);
      await closeRenderer();
      await stopBoss(store.url);
    },
  };
}
