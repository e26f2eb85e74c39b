import type { Db } from '../lib/db/client';
import { computeDerivatives } from '../lib/extract/compute-derivatives';
import { runCollections } from '../lib/kaggle/runs/run-collections';
import { renderFigures } from '../lib/render/render-figures';
import { sharedRenderer } from '../lib/render/shared-renderer';

/**
 * The background loop: Kaggle collection runs, then interactive figures drawn to PNGs (in one
 * long-lived headless Chromium), then thumbnails and perceptual hashes of newly imported or drawn images. Polls the database, so any process (web app launcher, `npm run worker`) can run it.
 */
export function startBackgroundWork(db: Db, dirs: { dataDir: string; blobDir: string }, log: (msg: string) => void): { stop(): Promise<void> } {
  const { blobDir } = dirs;
  let stopping = false;
  const abort = new AbortController();
  let wake: (() => void) | null = null;
  const renderer = sharedRenderer();
  let renderUnavailable = false;
  const loop = (async () => {
    while (!stopping) {
      try {
        for (const run of await runCollections(db, { ...dirs, signal: abort.signal })) {
          log(`collection run ${run.id}: ${run.status} — ${run.imported} imported, ${run.duplicates} duplicates, ${run.failed} failed`);
        }
        if (!renderUnavailable) {
          const t1 = Date.now();
          try {
            // A few figures per round, so the thumbnails of newly imported images do not wait for them all.
            const r = await renderFigures(db, blobDir, renderer.get, { limit: 8 });
            if (r.rendered + r.failed > 0) log(`figures drawn: ${r.rendered} rendered, ${r.failed} failed in ${((Date.now() - t1) / 1000).toFixed(1)} s`);
          } catch (e) {
            // No Chromium here: figures keep their placeholder; another worker with one may draw them.
            if (!/Chromium not found/.test((e as Error).message)) throw e;
            renderUnavailable = true;
            log(`figure rendering unavailable: ${(e as Error).message}`);
          }
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
      await renderer.close();
    },
  };
}
