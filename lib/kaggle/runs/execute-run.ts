import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { runItems, strategyRuns, type StrategyRun } from '../../db/schema';
import { importNotebook } from '../../ingest/import-notebook';
import { strategyDefinition } from '../strategy-schema';
import { finishRun, getRun, heartbeat, ownedBy, requeueRun } from './run-state';
import type { KernelSource } from './kernel-source';
import { recordKernel } from './record-kernel';

export interface RunContext {
  db: Db;
  workerId: string;
  blobDir: string;
  source: KernelSource;
  onProgress?: (run: StrategyRun) => void;
  /** Aborted on shutdown: the run goes back to the queue between two items, to resume on restart. */
  signal?: AbortSignal;
}

/**
 * Executes a claimed run to the end, resuming where it stopped: the sample is drawn and recorded
 * once (phase 'listing' → 'downloading', in one transaction); then each pending item is fetched and
 * imported through the ordinary import path, its outcome written with the run's counters in one
 * transaction. A crash between items loses nothing; a re-import of the same bytes is a no-op.
 */
export async function executeRun(ctx: RunContext, runId: number): Promise<StrategyRun> {
  const { db, workerId } = ctx;
  const run = await getRun(db, runId);
  // Keep the heartbeat fresh during long downloads too, so no other worker takes the run over.
  const beat = setInterval(() => void heartbeat(db, runId, workerId).catch(() => {}), 10_000);
  try {
    if (run.phase !== 'downloading' && !(await drawAndRecordSample(ctx, run))) return getRun(db, runId);
    for (;;) {
      const [item] = await db
        .select()
        .from(runItems)
        .where(and(eq(runItems.runId, runId), eq(runItems.status, 'pending')))
        .orderBy(runItems.selectedAt, runItems.ref)
        .limit(1);
      if (!item) break;
      if (ctx.signal?.aborted) {
        await requeueRun(db, runId);
        return getRun(db, runId);
      }
      if (!(await heartbeat(db, runId, workerId))) return getRun(db, runId); // cancelled, or taken over
      await collectOne(ctx, runId, item);
      // The run is read back only for someone watching (the CLI); the background worker is not.
      if (ctx.onProgress) ctx.onProgress(await getRun(db, runId));
    }
    await finishRun(db, runId, workerId, { status: 'done' });
  } catch (e) {
    await finishRun(db, runId, workerId, { status: 'failed', error: (e as Error).message });
  } finally {
    clearInterval(beat);
  }
  return getRun(db, runId);
}

/** False when the run stopped being this worker's meanwhile (then nothing is recorded). */
async function drawAndRecordSample(ctx: RunContext, run: StrategyRun): Promise<boolean> {
  const definition = strategyDefinition.parse(run.definition);
  await heartbeat(ctx.db, run.id, ctx.workerId, { phase: 'listing' });
  const { found, sample } = await ctx.source.draw({ ...definition, seed: run.seed }, async (n) => {
    await heartbeat(ctx.db, run.id, ctx.workerId, { found: n });
    if (ctx.onProgress) ctx.onProgress(await getRun(ctx.db, run.id));
  });
  return ctx.db.transaction(async (tx) => {
    // Claim the transition first: of two workers that both listed, only one records its sample.
    const [mine] = await tx
      .update(strategyRuns)
      .set({ phase: 'downloading', found, sampled: sample.length, heartbeatAt: new Date() })
      .where(and(ownedBy(run.id, ctx.workerId), sql`${strategyRuns.phase} is distinct from 'downloading'`))
      .returning({ id: strategyRuns.id });
    if (!mine) return false;
    for (let i = 0; i < sample.length; i += 1000) {
      await tx
        .insert(runItems)
        .values(
          sample.slice(i, i + 1000).map((c) => ({
            runId: run.id,
            ref: c.ref,
            kernelId: c.kernelId ?? null,
            kernelVersionId: c.kernelVersionId ?? null,
            title: c.title ?? null,
            author: c.author ?? null,
            competition: c.competition,
            votes: c.votes,
            rank: c.rank,
            metadata: c.metadata,
          })),
        )
        .onConflictDoNothing();
    }
    return true;
  });
}

async function collectOne(ctx: RunContext, runId: number, item: typeof runItems.$inferSelect): Promise<void> {
  const { db } = ctx;
  let outcome: { status: 'imported' | 'duplicate' | 'failed'; notebookId?: number; error?: string };
  let fetched: Awaited<ReturnType<KernelSource['fetch']>> | null = null;
  try {
    fetched = await ctx.source.fetch({ ref: item.ref, kernelVersionId: item.kernelVersionId, metadata: item.metadata });
    const result = await importNotebook(db, { file: `kaggle/${item.ref}.ipynb`, bytes: fetched.bytes, blobDir: ctx.blobDir });
    outcome =
      result.status === 'imported' || result.status === 'duplicate'
        ? { status: result.status, notebookId: result.notebookId }
        : { status: 'failed', notebookId: result.notebookId, error: `${result.status}: ${result.error?.message}` };
  } catch (e) {
    outcome = { status: 'failed', error: (e as Error).message };
  }
  await db.transaction(async (txn) => {
    const tx = txn as unknown as Db;
    // Only the worker that moves the item out of 'pending' counts it.
    const [changed] = await tx
      .update(runItems)
      .set({ status: outcome.status, notebookId: outcome.notebookId ?? null, error: outcome.error ?? null })
      .where(and(eq(runItems.runId, runId), eq(runItems.ref, item.ref), eq(runItems.status, 'pending')))
      .returning({ ref: runItems.ref });
    if (!changed) return;
    if (outcome.notebookId && fetched) await recordKernel(tx, outcome.notebookId, item, fetched);
    const counter = { imported: strategyRuns.imported, duplicate: strategyRuns.duplicates, failed: strategyRuns.failed }[outcome.status];
    await tx
      .update(strategyRuns)
      .set({
        [outcome.status === 'duplicate' ? 'duplicates' : outcome.status]: sql`${counter} + 1`,
        ...(fetched ? { downloaded: sql`${strategyRuns.downloaded} + 1` } : {}),
        heartbeatAt: new Date(),
      })
      .where(eq(strategyRuns.id, runId));
  });
}
