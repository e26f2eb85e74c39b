import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { ANALYSER_VERSION } from '../../analysis-store';
import { defineJob } from '../definition';
import { enqueueJob } from '../enqueue';
import { analyse } from './analyse';

const BATCH = 500;

// When ANALYSER_VERSION changes, every notebook without an analysis at that version gets an analyse
// job, in batches by id (progress in the job's live log). Enqueueing is idempotent (an analyse job
// already waiting for a notebook is not queued twice), so a re-run after a crash simply goes again.
export const reanalyse = defineJob({
  name: 'reanalyse',
  options: { retryLimit: 3, retryDelay: 10, retryBackoff: true, expireInSeconds: 60 * 60, policy: 'stately' },
  payload: z.object({ version: z.string().min(1) }),
  singletonKey: (p) => `reanalyse:${p.version}`,
  async handler(ctx, p) {
    if (p.version !== ANALYSER_VERSION) return { skipped: `this worker runs analyser ${ANALYSER_VERSION}`, queued: 0 };
    const db = ctx.store.db;
    const [{ total }] = await db.execute<{ total: number }>(sql`select count(*)::int as total from notebooks n
      left join notebook_analyses a on a.notebook_id = n.id where a.analyser_version is distinct from ${p.version}`);
    let after = 0;
    let queued = 0;
    let seen = 0;
    for (;;) {
      if (ctx.signal.aborted) return null;
      const rows = await db.execute<{ id: number }>(sql`select n.id from notebooks n
        left join notebook_analyses a on a.notebook_id = n.id
        where n.id > ${after} and a.analyser_version is distinct from ${p.version} order by n.id limit ${BATCH}`);
      if (rows.length === 0) break;
      for (const r of rows) if (await enqueueJob(ctx.store, analyse, { notebookId: r.id })) queued++;
      seen += rows.length;
      after = rows[rows.length - 1].id;
      ctx.onLog(`${seen} / ${total} notebooks queued for analyser ${p.version}\n`);
    }
    return { version: p.version, notebooks: seen, queued };
  },
});
