// `npm run worker`: a worker process sharing the database (embedded or DATABASE_URL) with the app.
import { openDatabase } from '../lib/db/client';
import { blobDir } from '../lib/config';
import { startBackgroundWork } from './background';

const store = await openDatabase();
const work = startBackgroundWork(store.db, { dataDir: store.dataDir, blobDir: blobDir(store.dataDir) }, (m) => console.log(`[worker] ${m}`));
console.log(`[worker] running (pid ${process.pid}); Ctrl-C to stop`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    await work.stop();
    await store.close();
    process.exit(0);
  });
}
