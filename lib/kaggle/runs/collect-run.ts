import type { Db } from '../../db/client';
import type { StrategyRun } from '../../db/schema';
import { executeRun } from './execute-run';
import { beginRun, finishRun, getRun, requeueRun } from './run-state';
import { sourceFor } from './source-for';
import type { KernelSource } from './kernel-source';

export interface CollectOptions {
  dataDir: string;
  blobDir: string;
  signal?: AbortSignal;
  onProgress?: (run: StrategyRun) => void;
  /** Errors leave the run waiting and are thrown, so the job runs again (false: the run fails with them). */
  retry?: boolean;
}

/**
 * Executes one collection run (the `collect` job's work): marks it running, finds its source and
 * works through its items from where an earlier attempt stopped. A run that is finished or
 * cancelled is returned as it is.
 */
export async function collectRun(db: Db, opts: CollectOptions, runId: number): Promise<StrategyRun> {
  const run = await beginRun(db, runId);
  if (!run) return getRun(db, runId);
  let source: KernelSource;
  try {
    source = await sourceFor(db, opts.dataDir, run.source);
  } catch (e) {
    // No source (unreadable credentials, …): the run fails with the reason instead of being retried.
    await finishRun(db, runId, { status: 'failed', error: (e as Error).message });
    return getRun(db, runId);
  }
  try {
    return await executeRun({ db, blobDir: opts.blobDir, source, onProgress: opts.onProgress, signal: opts.signal }, runId);
  } catch (e) {
    if (!opts.retry) {
      await finishRun(db, runId, { status: 'failed', error: (e as Error).message });
      return getRun(db, runId);
    }
    await requeueRun(db, runId).catch(() => {});
    throw e;
  }
}
