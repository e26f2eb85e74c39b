import { spawn, type ChildProcess } from 'node:child_process';
import { eq } from 'drizzle-orm';
import type { Db } from '../../lib/db/client';
import { stopBoss } from '../../lib/jobs/boss';
import { runningJobs, workers } from '../../lib/db/schema';

// Worker processes (`workers/index.ts`, as `npm run worker` starts them) for the tests that kill,
// stop or share them: each with its output kept, all of a test file's killed in its afterAll.

export interface WorkerProcess {
  child: ChildProcess;
  output(): string; // stdout and stderr so far
  stop(): Promise<void>; // SIGTERM, then wait for the exit (running jobs finish or go back)
}

const started = new Set<ChildProcess>();

/**
 * Starts a worker on the store's database and data dir with the host executor. `args` are the
 * worker's options; `env` overrides the environment; `prefix` runs it under another command
 * (e.g. `ip netns exec NS`).
 */
export function startWorkerProcess(
  store: { url: string; dataDir: string },
  opts: { args?: string[]; env?: Record<string, string>; prefix?: string[] } = {},
): WorkerProcess {
  const [cmd, ...args] = [...(opts.prefix ?? []), process.execPath, '--import', 'tsx', 'workers/index.ts', ...(opts.args ?? ['--concurrency', '1'])];
  const child = spawn(cmd, args, {
    env: { ...process.env, DATABASE_URL: store.url, VIZMINE_DATA_DIR: store.dataDir, VIZMINE_EXECUTORS: 'host', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  started.add(child);
  const exited = new Promise<void>((r) => child.once('exit', () => (started.delete(child), r())));
  return {
    child,
    output: () => out,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** SIGKILLs every worker process this file started that is still running (for afterAll). */
export function killWorkerProcesses(): void {
  for (const c of started) c.kill('SIGKILL');
}

/** The afterAll of a file that starts workers: kills them, then stops pg-boss and closes the store. */
export async function stopWorkersAndStore(store: { url: string; close(): Promise<void> } | undefined): Promise<void> {
  killWorkerProcesses();
  if (!store) return;
  await stopBoss(store.url);
  await store.close();
}

/** The jobs the worker process `pid` is running (with their queue), or null while it has not registered yet. */
export async function jobsOfWorker(db: Db, pid: number): Promise<Array<{ jobId: string; queue: string | null }> | null> {
  const [w] = await db.select({ id: workers.id }).from(workers).where(eq(workers.pid, pid));
  return w ? db.select({ jobId: runningJobs.jobId, queue: runningJobs.queue }).from(runningJobs).where(eq(runningJobs.workerId, w.id)) : null;
}

/** Polls `ok` until it holds; throws after `ms` saying what it waited for. */
export async function until(what: string, ok: () => Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
