import { spawnSync } from 'node:child_process';
import { executorKinds, type ExecutorKind } from '../db/schema/reproduction';
import { createContainerExecutor } from './container-executor';
import { containerUnavailableReason, dockerFromEnv } from './docker';
import { RUNNER_IMAGE } from './config';
import { createHostExecutor, HOST_PYTHON } from './host-executor';
import type { Executor } from './types';

/**
 * The executors this machine offers, best first: containers when an engine answers and has the
 * runner image, the host's Python when it has nbclient. VIZMINE_EXECUTORS (e.g. "host") narrows
 * the choice. `notes` says why each missing one is missing, for the log and the workers page.
 */
export async function availableExecutors(wanted: readonly ExecutorKind[] = wantedFromEnv()): Promise<{ executors: Executor[]; notes: string[] }> {
  const executors: Executor[] = [];
  const notes: string[] = [];
  if (wanted.includes('container')) {
    const docker = dockerFromEnv();
    const why = await containerUnavailableReason(docker, RUNNER_IMAGE);
    if (why) notes.push(`container executor unavailable: ${why}`);
    else executors.push(createContainerExecutor(docker!, RUNNER_IMAGE));
  }
  if (wanted.includes('host')) {
    const ok = spawnSync(HOST_PYTHON, ['-c', 'import nbclient, nbformat, ipykernel'], { stdio: 'ignore' }).status === 0;
    if (ok) executors.push(createHostExecutor());
    else notes.push(`host executor unavailable: ${HOST_PYTHON} lacks nbclient/ipykernel (apt-get install python3-nbclient python3-ipykernel python3-matplotlib)`);
  }
  return { executors, notes };
}

function wantedFromEnv(): ExecutorKind[] {
  const v = process.env.VIZMINE_EXECUTORS;
  if (!v) return [...executorKinds];
  return v.split(',').map((s) => s.trim()).filter((s): s is ExecutorKind => (executorKinds as readonly string[]).includes(s));
}
