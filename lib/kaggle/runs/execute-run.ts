import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { runItems, strategyRuns, type StrategyRun } from '../../db/schema';
import { importNotebook } from '../../ingest/import-notebook';
import { strategyDefinition } from '../strategy-schema';
import { finishRun, getRun, reportProgress, requeueRun, running } from './run-state';
import type { KernelSource } from './kernel-source';
import { recordKernel } from './record-kernel';

export interface RunContext {
  db: Db;
  blobDir: string;
  source: KernelSource;
  onProgress?: (run: StrategyRun) => void;
  /** Aborted on shutdown: the run is shown queued again between two items, and its job resumes it. */
  signal?: AbortSignal;
}

/**
 * Executes a running run to the end, resuming where it stopped: the sample is drawn and recorded
 * once (phase 'listing' → 'downloading', in one transaction); then each pending item is fetched and
 * imported through the ordinary import path, its outcome written with the run's counters in one
 * transaction. A crash between items loses nothing; a re-import of the same bytes is a no-op; an
 * item already recorded (by an earlier attempt) is never fetched or counted again.
 * Errors other than one item's propagate: the caller decides between a retry and a failed run.
 */
export async function executeRun(ctx: RunContext, runId: number): Promise<StrategyRun> {
  const { db } = ctx;
  const run = await getRun(db, runId);
  // Keep "last heard of" fresh during long downloads too, for the run page.
  const beat = setInterval(() => void reportProgress(db, runId).catch(() => {}), 10_000);
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
      if (!(await reportProgress(db, runId))) return getRun(db, runId); // cancelled
      await collectOne(ctx, runId, item);
      if (ctx.onProgress) ctx.onProgress(await getRun(db, runId));
    }
    await finishRun(db, runId, { status: 'done' });
  } finally {
    clearInterval(beat);
  }
  return getRun(db, runId);
}

/** False when the run stopped running meanwhile (cancelled: then nothing is recorded). */
async function drawAndRecordSample(ctx: RunContext, run: StrategyRun): Promise<boolean> {
  const definition = strategyDefinition.parse(run.definition);
  if (!(await reportProgress(ctx.db, run.id, { phase: 'listing' }))) return false;
  const { found, sample } = await ctx.source.draw({ ...definition, seed: run.seed }, async (n) => {
    await reportProgress(ctx.db, run.id, { found: n });
    if (ctx.onProgress) ctx.onProgress(await getRun(ctx.db, run.id));
  });
  return ctx.db.transaction(async (tx) => {
    // Take the transition first: of two attempts that both listed (one given up for dead while it
    // still ran), only one records its sample; the other goes on with the recorded one.
    const [mine] = await tx
      .update(strategyRuns)
      .set({ phase: 'downloading', found, sampled: sample.length, heartbeatAt: new Date() })
      .where(and(running(run.id), sql`${strategyRuns.phase} is distinct from 'downloading'`))
      .returning({ id: strategyRuns.id });
    if (!mine) return (await getRun(tx as unknown as Db, run.id)).status === 'running';
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
    // Only the attempt that moves the item out of 'pending' counts it (and stores its metadata).
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
