// `npm run worker [-- --concurrency N]`: a worker process sharing the database (embedded or
// DATABASE_URL) with the app. Start any number, on any machines pointing at the same DATABASE_URL.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { openDatabase } from '../lib/db/client';
import { startWorkers } from './start-workers';

const { values } = parseArgs({ options: { concurrency: { type: 'string', short: 'c' } } });
const concurrency = Number(values.concurrency ?? process.env.VIZMINE_WORKER_CONCURRENCY ?? os.availableParallelism());
if (!Number.isInteger(concurrency) || concurrency < 1) {
  console.error(`--concurrency must be a whole number of 1 or more (got ${values.concurrency})`);
  process.exit(2);
}

const store = await openDatabase();
const work = await startWorkers(store, { concurrency, log: (m) => console.log(`[worker] ${m}`) });
console.log(`[worker] running (pid ${process.pid}, concurrency ${concurrency}); Ctrl-C to stop — running jobs finish or go back to the queue`);

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
