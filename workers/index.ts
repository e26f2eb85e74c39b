// `npm run worker [-- --data-dir DIR --concurrency N --queues collect:1,reproduce:2,analyse:1,derivatives:1]`: a worker process sharing the database (embedded
// in the data dir, or DATABASE_URL) with the app. Start any number, on any machines pointing at the same DATABASE_URL.
import { Command, Option } from 'commander';
import { parseQueues, QUEUE_GROUPS } from '../lib/jobs/registry';
import { openDatabase } from '../lib/db/client';
import { concurrencyFrom, concurrencyOption, dataDirOption } from '../scripts/options';
import { startWorkers } from './start-workers';

const opts = new Command('worker')
  .description('runs every kind of background work: the job queues (collection runs, reproduction, analysis, re-analysis, thumbnails)')
  .addOption(dataDirOption())
  .addOption(concurrencyOption())
  .addOption(new Option('-q, --queues <list>', `queues to serve with their concurrency, e.g. reproduce:2,analyse:1 (known: ${Object.keys(QUEUE_GROUPS).join(', ')}); default: all, reproduce at --concurrency, the others at 1`))
  .showHelpAfterError()
  .parse()
  .opts<{ dataDir?: string; concurrency?: number; queues?: string }>();

let concurrency: number | undefined;
let queues: Map<string, number> | undefined;
try {
  concurrency = concurrencyFrom(opts.concurrency);
} catch (e) {
  console.error(`worker: VIZMINE_WORKER_CONCURRENCY: ${(e as Error).message}`);
  process.exit(2);
}
try {
  if (opts.queues) queues = parseQueues(opts.queues, 1);
} catch (e) {
  console.error(`worker: --queues: ${(e as Error).message}`);
  process.exit(2);
}

const store = await openDatabase({ dataDir: opts.dataDir });
const work = await startWorkers(store, { concurrency, queues, log: (m) => console.log(`[worker] ${m}`) });
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
