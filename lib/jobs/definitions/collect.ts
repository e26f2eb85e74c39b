import { z } from 'zod';
import type { StrategyRun } from '../../db/schema';
import { collectRun } from '../../kaggle/runs/collect-run';
import { cancelRun, getRun } from '../../kaggle/runs/run-state';
import { defineJob } from '../definition';
import { enqueueAfterRun } from '../enqueue';
import { isJobCancelled } from '../monitor/jobs-source';

// One Kaggle collection run (list, sample, download, import). The run records its sample and each
// item's outcome in the database, so an attempt after a crash (or a stop) resumes from its pending
// items and stores nothing twice. Dead workers are found by the worker registry's heartbeat; the
// long expiry only catches a worker that hangs while it still beats.
export const collect = defineJob({
  name: 'collect',
  options: { retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds: 12 * 60 * 60, policy: 'stately' },
  payload: z.object({ runId: z.number().int().positive() }),
  singletonKey: (p) => `collect:${p.runId}`,
  async handler(ctx, p) {
    const db = ctx.store.db;
    const onProgress = (r: StrategyRun) =>
      ctx.onLog(`run ${r.id} ${r.phase ?? ''}: ${r.imported + r.duplicates + r.failed} of ${r.sampled} (${r.imported} imported, ${r.duplicates} duplicates, ${r.failed} failed)\n`);
    let run = await collectRun(db, { dataDir: ctx.store.dataDir, blobDir: ctx.blobDir, signal: ctx.signal, onProgress, retry: !ctx.finalAttempt }, p.runId);
    if (run.status === 'queued' || run.status === 'running') {
      // Stopped midway: the worker is stopping (the job goes back to the queue), or the job was
      // cancelled on the monitor, which cancels the run too.
      if (!(await isJobCancelled(db, ctx.jobId))) return null;
      run = await cancelRun(db, p.runId).catch(() => getRun(db, p.runId));
    }
    // What it imported (also before a cancel) is analysed and thumbnailed.
    await enqueueAfterRun(ctx.store, p.runId, (m) => ctx.onLog(`${m}\n`));
    return { runId: run.id, status: run.status, sampled: run.sampled, imported: run.imported, duplicates: run.duplicates, failed: run.failed, error: run.error };
  },
});
