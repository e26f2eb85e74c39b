import type { Database } from '../lib/db/client';
import { blobDir } from '../lib/config';
import { ANALYSER_VERSION } from '../lib/analysis-store';
import { availableExecutors } from '../lib/execute/available-executors';
import { stopBoss } from '../lib/jobs/boss';
import { closeRenderer, derivatives } from '../lib/jobs/definitions/derivatives';
import { reanalyse } from '../lib/jobs/definitions/reanalyse';
import { enqueueJob } from '../lib/jobs/enqueue';
import { enqueueOrphanedRuns } from '../lib/jobs/enqueue-collection';
import { startWorker } from '../lib/jobs/worker';

/**
 * Everything a worker process runs: the one job worker for every served queue (collection runs,
 * reproduction with the executors this machine has, analysis, re-analysis, thumbnails).
 * At start it queues a re-analysis for the current analyser version, a thumbnail pass, and a job
 * for every unfinished collection run that has none (runs of earlier versions, runs whose job ran
 * out of retries); each is a no-op when nothing is left. Shared by `npm run worker` and `npm start`.
 */
export async function startWorkers(
  store: Database,
  opts: { concurrency?: number; queues?: Map<string, number>; log: (msg: string) => void },
): Promise<{ stop(): Promise<void> }> {
  const { executors, notes } = await availableExecutors();
  for (const n of notes) opts.log(n);
  const worker = await startWorker({ store, blobDir: blobDir(store.dataDir), executors, concurrency: opts.concurrency, queues: opts.queues, log: opts.log });
  await enqueueJob(store, reanalyse, { version: ANALYSER_VERSION });
  await enqueueJob(store, derivatives, {});
  const resumed = await enqueueOrphanedRuns(store);
  if (resumed.length) opts.log(`collection runs ${resumed.join(', ')} had no job: queued`);
  return {
    async stop() {
      await worker.stop();
      await closeRenderer();
      await stopBoss(store.url);
    },
  };
}
