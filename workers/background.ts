import type { Db } from '../lib/db/client';
import { computeDerivatives } from '../lib/extract/compute-derivatives';
import { runCollections } from '../lib/kaggle/runs/run-collections';

/**
 * The background loop: Kaggle collection runs, then thumbnails and perceptual hashes of newly
 * imported images. Polls the database, so any process (web app launcher, `npm run worker`) can run it.
 */
export function startBackgroundWork(db: Db, dirs: { dataDir: string; blobDir: string }, log: (msg: string) => void): { stop(): Promise<void> } {
  const { blobDir } = dirs;
  let stopping = false;
  const abort = new AbortController();
  let wake: (() => void) | null = null;
  const loop = (async () => {
    while (!stopping) {
      try {
        for (const run of await runCollections(db, { ...dirs, signal: abort.signal })) {
          log(`collection run ${run.id}: ${run.status} — ${run.imported} imported, ${run.duplicates} duplicates, ${run.failed} failed`);
        }
        const t0 = Date.now();
        const n = await computeDerivatives(db, blobDir);
        if (n > 0) log(`thumbnails and hashes: ${n} images in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
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
