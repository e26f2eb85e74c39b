import { z } from 'zod';
import { computeDerivatives } from '../../extract/compute-derivatives';
import { renderFigures } from '../../render/render-figures';
import { sharedRenderer } from '../../render/shared-renderer';
import { defineJob } from '../definition';

// One headless Chromium per worker process, started on the first figure to draw.
const renderer = sharedRenderer();
let renderUnavailable: string | null = null;

/** Closes the worker process's Chromium (on worker stop). */
export const closeRenderer = () => renderer.close();

// Derived images: interactive figures drawn to PNGs, then thumbnails, dimensions and perceptual
// hashes of every blob that has none yet (drawn ones included). One job drains the backlog; the
// stately policy keeps at most one waiting, so enqueueing after every import is cheap. Both steps
// claim rows with SKIP LOCKED, one transaction per batch: a job killed midway loses at most a batch.
export const derivatives = defineJob({
  name: 'derivatives',
  options: { retryLimit: 3, retryDelay: 10, retryBackoff: true, expireInSeconds: 60 * 60, policy: 'stately' },
  payload: z.object({}).passthrough(),
  singletonKey: () => 'derivatives',
  async handler(ctx) {
    const t0 = Date.now();
    let drawn = { rendered: 0, failed: 0 };
    if (!renderUnavailable) {
      try {
        drawn = await renderFigures(ctx.store.db, ctx.blobDir, renderer.get, { onProgress: (p) => ctx.onLog(`figures drawn: ${p.rendered} rendered, ${p.failed} failed\n`) });
      } catch (e) {
        // No Chromium here: figures keep their placeholder; a worker with one draws them later.
        if (!/Chromium not found/.test((e as Error).message)) throw e;
        renderUnavailable = (e as Error).message;
        ctx.onLog(`figure rendering unavailable: ${renderUnavailable}\n`);
      }
    }
    const images = await computeDerivatives(ctx.store.db, ctx.blobDir, { onProgress: (n) => ctx.onLog(`thumbnails: ${n} images\n`) });
    return { rendered: drawn.rendered, renderFailed: drawn.failed, images, seconds: (Date.now() - t0) / 1000 };
  },
});
