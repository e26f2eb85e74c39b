import type { Database } from '../lib/db/client';
import { enqueueAfterRun } from '../lib/jobs/enqueue';
import { runCollections } from '../lib/kaggle/runs/run-collections';

/**
 * The collection-run loop: works through queued Kaggle collection runs, then queues the analysis
 * and derived images (figures drawn, thumbnails) of what each imported: the job worker does those. Polls the database, so any
 * process (web app launcher, `npm run worker`) can run it.
 */
export function startBackgroundWork(store: Pick<Database, 'db' | 'url'>, dirs: { dataDir: string; blobDir: string }, log: (msg: string) => void): { stop(): Promise<void> } {
  const { db } = store;
  let stopping = false;
  const abort = new AbortController();
  let wake: (() => void) | null = null;
  const loop = (async () => {
    while (!stopping) {
      try {
        for (const run of await runCollections(db, { ...dirs, signal: abort.signal })) {
          log(`collection run ${run.id}: ${run.status} — ${run.imported} imported, ${run.duplicates} duplicates, ${run.failed} failed`);
          await enqueueAfterRun(store, run.id, log);
        }
      } catch (e) {
        log(`background work failed, retrying: ${(e as Error).message}`);
      }
      await new Promise<void>((r) => {
        wake = r;
        setTimeout(r, 2000);
      });
    }
  })();
  return {
    async stop() {
      stopping = true;
      abort.abort();
      wake?.();
      await loop;
    },
  };
}
