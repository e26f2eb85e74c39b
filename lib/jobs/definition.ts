import type { z } from 'zod';
import type { Database } from '../db/client';
import type { Executor } from '../execute/types';

// The shape of one kind of background work. Every kind is a pg-boss queue with these options; the
// generic worker (lib/jobs/worker.ts) serves every registered queue through its handler.

export interface QueueOptions {
  retryLimit: number;
  retryDelay: number; // seconds
  retryBackoff: boolean;
  expireInSeconds: number; // an active job older than this goes back to the queue (a last resort: dead workers are detected by heartbeat)
  policy: 'standard' | 'stately' | 'singleton' | 'short';
}

export interface JobContext {
  store: Pick<Database, 'db' | 'url' | 'dataDir'>;
  blobDir: string;
  workerId: string;
  jobId: string;
  queue: string;
  signal: AbortSignal; // aborted on cancel, or when the worker stops past its grace period
  onLog: (chunk: string) => void; // the live tail shown on the Runs page
  finalAttempt: boolean;
  executor?: Executor; // for queues bound to an executor (reproduction)
}

export interface JobDefinition<P = unknown> {
  name: string; // the pg-boss queue
  options: QueueOptions;
  payload: z.ZodType<P>;
  singletonKey(payload: P): string | undefined;
  /** The notebook a job is about, shown on the monitor and the workers page. */
  notebookId?(payload: P): number | null;
  /** Which executor it needs (reproduction): served only by workers that have it. */
  executor?: Executor['kind'];
  /** The pause switch it obeys (queue_controls key); default: its own name. */
  pauseKey?: string;
  /** The job's output; null = it stopped before finishing (aborted) and goes back to the queue. */
  handler(ctx: JobContext, payload: P): Promise<Record<string, unknown> | null>;
}

/** Typed helper so each definition file checks its handler against its payload. */
export function defineJob<P>(d: JobDefinition<P>): JobDefinition<P> {
  return d;
}
