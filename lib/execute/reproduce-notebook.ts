import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { executions, kaggleKernels, notebooks } from '../db/schema';
import type { Execution } from '../db/schema/reproduction';
import { configHash } from './config';
import type { ReproducePayload } from '../jobs/reproduce-payload';
import { prepareDatasets } from './datasets';
import { imageMapFromEnv, mappedImage } from './image-map';
import { notebookNeeds } from './preflight/notebook-needs';
import { notebookToIpynb } from './notebook-to-ipynb';
import { recordExecution } from './record-execution';
import { staticFlags } from './static-flags';
import type { ExecutionResult, Executor } from './types';

export interface ReproduceContext {
  db: Db;
  blobDir: string;
  dataDir: string;
  executor: Executor;
  workerId: string;
  jobId: string;
  signal?: AbortSignal;
  onLog?: (chunk: string) => void;
  // An infrastructure failure (engine down, image missing) is thrown so the job is retried, unless
  // this is the last attempt: then it is recorded, kept apart from the notebook's own failures.
  retryInfrastructure?: boolean;
}

/**
 * One reproduction job: run the stored notebook again, import what it produced as a new version of
 * it, match its figures with the original's, and write the result — once per job, whatever crashes
 * or retries happen around it. Returns null when the job was aborted (cancelled) before a result.
 */
export async function reproduceNotebook(ctx: ReproduceContext, job: ReproducePayload): Promise<Execution | null> {
  const [done] = await ctx.db.select().from(executions).where(eq(executions.jobId, ctx.jobId));
  if (done) return done; // a retry of a job whose result was written before its worker died
  const [original] = await ctx.db.select({ fileName: notebooks.fileName }).from(notebooks).where(eq(notebooks.id, job.notebookId));
  if (!original) throw new Error(`notebook ${job.notebookId} no longer exists`);

  const { bytes, cells } = await notebookToIpynb(ctx.db, job.notebookId);
  const flags = staticFlags(cells);
  const needs = (await notebookNeeds(ctx.db, [job.notebookId])).get(job.notebookId)!;
  const datasets = await prepareDatasets(ctx.db, ctx.dataDir, job.notebookId, needs.datasets);
  const image = await imageFor(ctx, job.notebookId);
  const startedAt = new Date();
  // Missing data is the notebook's environment, not its fault: recorded apart, and not run unless asked.
  const result: ExecutionResult =
    datasets.missing.length > 0 && !job.runMissingDatasets
      ? { status: 'missing_datasets', failing: null, seconds: 0, cellSeconds: {}, executed: null, log: `[vizmine] not run: ${datasets.missing.join('; ')}`, image }
      : await ctx.executor.run({ notebook: bytes, config: job.config, image: image ?? undefined, datasets: datasets.mounted, onLog: ctx.onLog, signal: ctx.signal });
  if (ctx.signal?.aborted) return null;
  if (result.status === 'infrastructure' && ctx.retryInfrastructure) throw new Error(`infrastructure error, retrying: ${result.failing?.evalue ?? 'runner failed'}\n${result.log.slice(-2000)}`);
  return recordExecution(ctx.db, ctx.blobDir, {
    jobId: ctx.jobId,
    notebookId: job.notebookId,
    fileName: original.fileName,
    executor: { kind: ctx.executor.kind, image: result.image ?? ctx.executor.image },
    configHash: configHash(job.config),
    workerId: ctx.workerId,
    startedAt,
    flags,
    missingDatasets: datasets.missing,
    result,
  });
}

/**
 * The image for this notebook (containers): its Kaggle kernel's own image when VIZMINE_IMAGE_MAP maps
 * the kernel's dockerImage to an image on this machine, else the executor's default.
 */
async function imageFor(ctx: ReproduceContext, notebookId: number): Promise<string | null> {
  if (!ctx.executor.hasImage) return ctx.executor.image;
  const [k] = await ctx.db.select({ dockerImage: kaggleKernels.dockerImage }).from(kaggleKernels).where(eq(kaggleKernels.notebookId, notebookId));
  const mapped = mappedImage(k?.dockerImage, imageMapFromEnv());
  return mapped && (await ctx.executor.hasImage(mapped)) ? mapped : ctx.executor.image;
}
