import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Database } from '../db/client';
import { notebooks, runItems } from '../db/schema';
import { AppError } from '../errors';
import { configHash, executorConfigSchema, type ExecutorConfig } from '../execute/config';
import { preflightNotebooks, type NotebookPreflight } from '../execute/preflight/preflight-notebooks';
import { getBoss, reproduceQueue, REPRODUCE_RETRY } from './boss';
import { singletonKey, type ReproducePayload } from './reproduce-payload';

export type ReproduceTarget = { notebookIds: number[] } | { all: true } | { strategyRunId: number };

export interface EnqueueResult {
  queued: Array<{ notebookId: number; jobId: string }>;
  alreadyQueued: number[]; // a job for the same notebook and configuration is waiting or running
  skipped: NotebookPreflight[]; // with skipBlocked: left out, with what they lack
  configHash: string;
}

export interface EnqueueOptions {
  skipBlocked?: boolean; // run the pre-flight check and leave out notebooks that lack a module or a dataset
  runMissingDatasets?: boolean; // run notebooks even when a data source they read is missing
}

/**
 * Queues one `reproduce` job per notebook of the target. Only imported originals are reproduced
 * (not the executed versions reproductions create). A notebook already waiting or running with the
 * same configuration is reported, not queued twice (the queue's stately policy refuses it).
 */
export async function enqueueReproductions(
  store: Pick<Database, 'db' | 'url' | 'dataDir'>,
  target: ReproduceTarget,
  config: Partial<ExecutorConfig> & Pick<ExecutorConfig, 'executor'>,
  opts: EnqueueOptions = {},
): Promise<EnqueueResult> {
  const full = executorConfigSchema.parse(config);
  const hash = configHash(full);
  let ids = await resolveReproduceTarget(store.db, target);
  const skipped = opts.skipBlocked ? (await preflightNotebooks(store.db, store.dataDir, ids, full.executor)).notebooks.filter((n) => n.blocked) : [];
  ids = ids.filter((id) => !skipped.some((s) => s.notebookId === id));
  const boss = await getBoss(store.url);
  // Expiry: a job still active this long after its start is given back to the queue.
  const expireInSeconds = full.totalTimeoutS + 120;
  const result: EnqueueResult = { queued: [], alreadyQueued: [], skipped, configHash: hash };
  for (const notebookId of ids) {
    const data: ReproducePayload = { notebookId, config: full, ...(opts.runMissingDatasets ? { runMissingDatasets: true } : {}) };
    const jobId = await boss.send(reproduceQueue(full.executor), data, { singletonKey: singletonKey(data, hash), expireInSeconds, ...REPRODUCE_RETRY });
    if (jobId) result.queued.push({ notebookId, jobId });
    else result.alreadyQueued.push(notebookId);
  }
  return result;
}

/** The notebook ids a target names (imported originals only); shared by queuing and the pre-flight check. */
export async function resolveReproduceTarget(db: Database['db'], target: ReproduceTarget): Promise<number[]> {
  const originals = and(eq(notebooks.status, 'imported'), isNull(notebooks.reproducedFrom));
  if ('notebookIds' in target) {
    if (target.notebookIds.length === 0) throw new AppError('bad_request', 'Name at least one notebook to reproduce.');
    const rows = await db.select({ id: notebooks.id }).from(notebooks).where(and(originals, inArray(notebooks.id, target.notebookIds)));
    const found = new Set(rows.map((r) => r.id));
    const missing = target.notebookIds.filter((id) => !found.has(id));
    if (missing.length) throw new AppError('not_found', `No imported notebook with id ${missing.join(', ')} (reproductions themselves cannot be reproduced).`);
    return target.notebookIds;
  }
  if ('all' in target) {
    const rows = await db.select({ id: notebooks.id }).from(notebooks).where(originals).orderBy(notebooks.id);
    return rows.map((r) => r.id);
  }
  const rows = await db
    .selectDistinct({ id: runItems.notebookId })
    .from(runItems)
    .where(and(eq(runItems.runId, target.strategyRunId), isNotNull(runItems.notebookId)));
  if (rows.length === 0) throw new AppError('not_found', `Collection run ${target.strategyRunId} has no imported notebooks to reproduce.`);
  return rows.map((r) => r.id!).sort((a, b) => a - b);
}
