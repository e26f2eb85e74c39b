import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type ExecutionStatus = 'ok' | 'exception' | 'timeout' | 'killed' | 'infrastructure';

export interface ExecutionResult {
  status: ExecutionStatus;
  failing: { cell: number | null; ename: string | null; evalue: string | null } | null;
  seconds: number;
  cellSeconds: Record<string, number>;
  executed: Uint8Array | null; // the executed notebook, when the runner got that far
  log: string; // the runner's stderr tail
}

export interface HostExecutorOptions {
  python?: string; // default /usr/bin/python3 (Debian's, with python3-nbclient)
  cellTimeoutS?: number;
  totalTimeoutS?: number;
}

const RUNNER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../workers/runner/run_notebook.py');

/**
 * Runs a notebook on this machine's Python with nbclient (no container): for machines without
 * Podman or Docker. The whole run is killed when it exceeds the total timeout; everything happens in
 * a fresh work dir that is removed afterwards. The notebook's own failures are results; only a
 * runner that cannot start or answer is an 'infrastructure' error.
 */
export async function executeOnHost(notebook: Uint8Array, opts: HostExecutorOptions = {}): Promise<ExecutionResult> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'vizmine-run-'));
  const input = path.join(work, 'notebook.ipynb');
  const output = path.join(work, 'executed.ipynb');
  const summary = path.join(work, 'summary.json');
  fs.writeFileSync(input, notebook);
  try {
    const { code, timedOut, log } = await runRunner(opts.python ?? '/usr/bin/python3', [RUNNER, input, output, summary, '--cell-timeout', String(opts.cellTimeoutS ?? 600), '--workdir', work], (opts.totalTimeoutS ?? 3600) * 1000);
    const executed = fs.existsSync(output) ? new Uint8Array(fs.readFileSync(output)) : null;
    if (timedOut) return { status: 'timeout', failing: { cell: null, ename: 'TotalTimeout', evalue: `run exceeded ${opts.totalTimeoutS} s` }, seconds: opts.totalTimeoutS ?? 0, cellSeconds: {}, executed, log };
    if (code !== 0 || !fs.existsSync(summary)) return { status: 'infrastructure', failing: null, seconds: 0, cellSeconds: {}, executed, log };
    const s = JSON.parse(fs.readFileSync(summary, 'utf8'));
    return { status: s.status, failing: s.failing, seconds: s.seconds, cellSeconds: s.cellSeconds, executed, log };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function runRunner(python: string, args: string[], timeoutMs: number): Promise<{ code: number | null; timedOut: boolean; log: string }> {
  return new Promise((resolve) => {
    // Its own process group, so a timeout kills the kernel the runner started as well.
    const child = spawn(python, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, PYDEVD_DISABLE_FILE_VALIDATION: '1' } });
    let log = '';
    child.stderr!.on('data', (d) => (log = (log + d).slice(-8000)));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ code: -1, timedOut: false, log: `${e.message}\n${log}` });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, timedOut, log });
    });
  });
}
