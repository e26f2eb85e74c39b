import { z } from 'zod';
import { analyseStoredNotebook } from '../../analysis-store/analyse-stored-notebook';
import { defineJob } from '../definition';

// Static analysis of one stored notebook (figures' labels, lints, imports). Idempotent: it replaces
// the notebook's analysis in one transaction, so a retry after a crash stores nothing twice.
export const analyse = defineJob({
  name: 'analyse',
  options: { retryLimit: 2, retryDelay: 10, retryBackoff: true, expireInSeconds: 10 * 60, policy: 'stately' },
  payload: z.object({ notebookId: z.number().int().positive() }),
  singletonKey: (p) => `analyse:${p.notebookId}`,
  notebookId: (p) => p.notebookId,
  async handler(ctx, p) {
    return { ...(await analyseStoredNotebook(ctx.store.db, p.notebookId, { blobDir: ctx.blobDir })) };
  },
});
