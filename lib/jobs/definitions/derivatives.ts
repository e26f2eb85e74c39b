import { z } from 'zod';
import { computeDerivatives } from '../../extract/compute-derivatives';
import { defineJob } from '../definition';

// Thumbnails, dimensions and perceptual hashes of every blob that has none yet. One job drains the
// backlog; the stately policy keeps at most one waiting, so enqueueing after every import is cheap.
// Each batch is one transaction, so a job killed midway loses at most its current batch.
export const derivatives = defineJob({
  name: 'derivatives',
  options: { retryLimit: 3, retryDelay: 10, retryBackoff: true, expireInSeconds: 60 * 60, policy: 'stately' },
  payload: z.object({}).passthrough(),
  singletonKey: () => 'derivatives',
  async handler(ctx) {
    const t0 = Date.now();
    const images = await computeDerivatives(ctx.store.db, ctx.blobDir, { onProgress: (n) => ctx.onLog(`${n} images\n`) });
    return { images, seconds: (Date.now() - t0) / 1000 };
  },
});
