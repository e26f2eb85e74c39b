import type { Db } from '../lib/db/client';
import { computeDerivatives } from '../lib/extract/compute-derivatives';

/**
 * The background loop: thumbnails and perceptual hashes of newly imported images.
 * Polls the database, so any process (web app launcher, `npm run worker`) can run it.
 */
export function startBackgroundWork(db: Db, blobDir: string, log: (msg: string) => void): { stop(): Promise<void> } {
  let stopping = false;
  let wake: (() => void) | null = null;
  const loop = (async () => {
    while (!stopping) {
      try {
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
      wake?.();
      await loop;
    },
  };
}
