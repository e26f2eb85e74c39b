import crypto from 'node:crypto';
import { z } from 'zod';
import { executorKinds } from '../db/schema/reproduction';

/** The image the container executor runs notebooks in. */
export const RUNNER_IMAGE = process.env.VIZMINE_RUNNER_IMAGE ?? 'localhost/vizmine-runner:latest';

/** How a notebook is re-executed. Its hash is part of the job's singleton key and of the result. */
export const executorConfigSchema = z.object({
  executor: z.enum(executorKinds),
  image: z.string().min(1).default(RUNNER_IMAGE),
  cellTimeoutS: z.number().int().min(1).max(24 * 3600).default(600),
  totalTimeoutS: z.number().int().min(1).max(48 * 3600).default(3600),
  memoryMb: z.number().int().min(64).default(4096),
  // One core per job: a worker runs as many jobs as the machine has cores.
  cpus: z.number().min(0.1).max(64).default(1),
});
export type ExecutorConfig = z.infer<typeof executorConfigSchema>;

/** Short, stable hash of the settings that change a run's outcome (the host executor has no image). */
export function configHash(c: ExecutorConfig): string {
  const relevant = c.executor === 'host' ? { ...c, image: null, memoryMb: null, cpus: null } : c;
  const canonical = JSON.stringify(Object.keys(relevant).sort().map((k) => [k, relevant[k as keyof ExecutorConfig]]));
  return crypto.createHash('sha256').update(canonical).digest('hex').slice(0, 12);
}
