// `npm run worker [-- --data-dir DIR --concurrency N]`: a worker process sharing the database (embedded
// in the data dir, or DATABASE_URL) with the app. Start any number, on any machines pointing at the same DATABASE_URL.
import { Command } from 'commander';
import { openDatabase } from '../lib/db/client';
import { concurrencyFrom, concurrencyOption, dataDirOption } from '../scripts/options';
import { startWorkers } from './start-workers';

const opts = new Command('worker')
  .description('runs background work (collection runs, thumbnails) and reproduction jobs')
  .addOption(dataDirOption())
  .addOption(concurrencyOption())
  .showHelpAfterError()
  .parse()
  .opts<{ dataDir?: string; concurrency?: number }>();

let concurrency: number | undefined;
try {
  concurrency = concurrencyFrom(opts.concurrency);
} catch (e) {
  console.error(`worker: VIZMINE_WORKER_CONCURRENCY: ${(e as Error).message}`);
  process.exit(2);
}

const store = await openDatabase({ dataDir: opts.dataDir });
const work = await startWorkers(store, { concurrency, log: (m) => console.log(`[worker] ${m}`) });
console.log(`[worker] running (pid ${process.pid}, data dir ${store.dataDir}); Ctrl-C to stop — running jobs finish or go back to the queue`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await work.stop();
    await store.close();
    process.exit(0);
  });
}
