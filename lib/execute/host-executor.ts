import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { layOutInput } from './input-layout';
import { RUN_FILES, readRunOutput } from './read-run-output';
import { RUNNER_DIR } from './runner-path';
import { appendTail, type Executor, type ExecutionResult, type RunRequest } from './types';

/** The Python the host executor runs notebooks with. */
export const HOST_PYTHON = process.env.VIZMINE_PYTHON ?? '/usr/bin/python3';

/**
 * Runs notebooks on this machine's Python with nbclient (no container): for machines without Podman
 * or Docker. Nothing isolates the notebook from the host here, which is why the container executor
 * is preferred wherever it is available. Datasets are linked at <work>/../input/<slug>, so the
 * relative `../input` paths of Kaggle notebooks resolve (absolute /kaggle/input ones cannot); a
 * single source's files are at the top of ../input too (input-layout.ts).
 */
export function createHostExecutor(opts: { python?: string } = {}): Executor {
  const python = opts.python ?? HOST_PYTHON;
  return { kind: 'host', image: null, run: (req) => runOnHost(python, req) };
}

async function runOnHost(python: string, req: RunRequest): Promise<ExecutionResult> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'vizmine-run-'));
  const work = path.join(root, 'working');
  fs.mkdirSync(work);
  layOutInput(path.join(root, 'input'), req.datasets ?? [], (d) => d.hostPath, (d, at) => fs.symlinkSync(d.hostPath, at));
  fs.writeFileSync(path.join(work, RUN_FILES.input), req.notebook);
  const { cellTimeoutS, totalTimeoutS } = req.config;
  const args = [path.join(RUNNER_DIR, 'run_notebook.py'), ...[RUN_FILES.input, RUN_FILES.output, RUN_FILES.summary].map((f) => path.join(work, f)), '--cell-timeout', String(cellTimeoutS), '--workdir', work];
  try {
    const t0 = Date.now();
    const outcome = await runProcess(python, args, totalTimeoutS * 1000, req);
    return readRunOutput(work, { ...outcome, seconds: (Date.now() - t0) / 1000, totalTimeoutS });
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

function runProcess(python: string, args: string[], timeoutMs: number, req: RunRequest): Promise<{ exitCode: number | null; timedOut: boolean; killed: boolean; log: string }> {
  return new Promise((resolve) => {
    // Its own process group, so a timeout kills the kernel the runner started as well.
    const child = spawn(python, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PYDEVD_DISABLE_FILE_VALIDATION: '1' } });
    let log = '';
    const onData = (d: Buffer) => {
      log = appendTail(log, d.toString());
      req.onLog?.(d.toString());
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    let timedOut = false;
    let killed = false;
    const killGroup = () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    };
    const timer = setTimeout(() => ((timedOut = true), killGroup()), timeoutMs);
    const onAbort = () => ((killed = true), killGroup());
    req.signal?.addEventListener('abort', onAbort, { once: true });
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ exitCode: -1, timedOut: false, killed: false, log: `${e.message}\n${log}` });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      req.signal?.removeEventListener('abort', onAbort);
      resolve({ exitCode: code, timedOut, killed, log });
    });
  });
}
