import type { Database } from '../lib/db/client';
import { blobDir } from '../lib/config';
import { availableExecutors } from '../lib/execute/available-executors';
import { stopBoss } from '../lib/jobs/boss';
import { startReproductionWorker } from '../lib/jobs/worker';
import { startBackgroundWork } from './background';

/**
 * Everything a worker process runs: the background loop (collection runs, thumbnails) and a
 * reproduction worker with the executors this machine has. Shared by `npm run worker` and `npm start`.
 */
export async function startWorkers(store: Database, opts: { concurrency?: number; log: (msg: string) => void }): Promise<{ stop(): Promise<void> }> {
  const dirs = { dataDir: store.dataDir, blobDir: blobDir(store.dataDir) };
  const background = startBackgroundWork(store.db, dirs, opts.log);
  const { executors, notes } = await availableExecutors();
  for (const n of notes) opts.log(n);
  const reproduction = await startReproductionWorker({ store, blobDir: dirs.blobDir, executors, concurrency: opts.concurrency, log: opts.log });
  return {
    async stop() {
      await Promise.all([background.stop(), reproduction.stop()]);
      await stopBoss(store.url);
    },
  };
}
