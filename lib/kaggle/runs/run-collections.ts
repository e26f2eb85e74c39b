import os from 'node:os';
import type { Db } from '../../db/client';
import type { StrategyRun } from '../../db/schema';
import { executeRun } from './execute-run';
import { claimRun, finishRun, getRun } from './run-state';
import { sourceFor } from './source-for';
import type { KernelSource } from './kernel-source';

/**
 * Works through queued collection runs (and runs whose worker died) until none is left.
 * Used by the background worker, and by the CLI to run or resume one run in the foreground.
 */
export async function runCollections(
  db: Db,
  opts: { dataDir: string; blobDir: string; onlyRunId?: number; onProgress?: (run: StrategyRun) => void; signal?: AbortSignal },
): Promise<StrategyRun[]> {
  const workerId = `${os.hostname()}:${process.pid}`;
  const done: StrategyRun[] = [];
  while (!opts.signal?.aborted) {
    const run = await claimRun(db, workerId, opts.onlyRunId);
    if (!run) return done;
    let source: KernelSource;
    try {
      source = await sourceFor(db, opts.dataDir, run.source);
    } catch (e) {
      // No source (unreadable credentials, …): the run fails with the reason instead of being retried forever.
      await finishRun(db, run.id, workerId, { status: 'failed', error: (e as Error).message });
      done.push(await getRun(db, run.id));
      continue;
    }
    done.push(await executeRun({ db, workerId, blobDir: opts.blobDir, source, onProgress: opts.onProgress, signal: opts.signal }, run.id));
    if (opts.onlyRunId) return done;
  }
  return done;
}
