import type { ExecutionStatus, ExecutorKind } from '../db/schema/reproduction';
import type { ExecutorConfig } from './config';

export type { ExecutionStatus };

/** A dataset made available to the notebook read-only at /kaggle/input/<slug> (and ../input/<slug>). */
export interface MountedDataset {
  slug: string;
  hostPath: string;
}

export interface RunRequest {
  notebook: Uint8Array; // nbformat 4 JSON
  config: ExecutorConfig;
  image?: string; // the container executor's image for this run (a kernel's mapped image); default: its own
  datasets?: MountedDataset[];
  onLog?: (chunk: string) => void; // live stdout/stderr of the runner
  signal?: AbortSignal; // aborting kills the run (status 'killed')
}

export interface ExecutionResult {
  status: ExecutionStatus;
  failing: { cell: number | null; ename: string | null; evalue: string | null } | null;
  seconds: number;
  cellSeconds: Record<string, number>;
  executed: Uint8Array | null; // the executed notebook, when the runner got that far
  log: string; // the tail of the runner's output
  image?: string | null; // the image it ran in (containers)
}

/** One interface, two implementations: a container (dockerode) or this machine's Python. */
export interface Executor {
  kind: ExecutorKind;
  image: string | null; // the default image (containers)
  run(req: RunRequest): Promise<ExecutionResult>;
  hasImage?(name: string): Promise<boolean>; // containers: is this image on this machine?
}

export const LOG_TAIL_CHARS = 16_000;

export function appendTail(log: string, chunk: string): string {
  const next = log + chunk;
  return next.length > LOG_TAIL_CHARS ? next.slice(-LOG_TAIL_CHARS) : next;
}
