import fs from 'node:fs';
import path from 'node:path';
import type { ExecutionResult } from './types';

// What the runner left in its work dir: the executed notebook and summary.json. Shared by both
// executors, which differ only in how the runner is started and stopped.
export const RUN_FILES = { input: 'notebook.ipynb', output: '.vizmine-executed.ipynb', summary: '.vizmine-summary.json' };

export function readRunOutput(
  workDir: string,
  outcome: { timedOut: boolean; killed: boolean; exitCode: number | null; seconds: number; totalTimeoutS: number; log: string },
): ExecutionResult {
  // Run-time paths, not build inputs: the comments keep Next's file tracer from globbing the project.
  const outPath = path.join(/* turbopackIgnore: true */ workDir, RUN_FILES.output);
  const summaryPath = path.join(/* turbopackIgnore: true */ workDir, RUN_FILES.summary);
  const executed = fs.existsSync(/* turbopackIgnore: true */ outPath) ? new Uint8Array(fs.readFileSync(/* turbopackIgnore: true */ outPath)) : null;
  const base = { seconds: outcome.seconds, cellSeconds: {}, executed, log: outcome.log };
  if (outcome.timedOut) {
    return { ...base, status: 'timeout', failing: { cell: null, ename: 'TotalTimeout', evalue: `the run exceeded ${outcome.totalTimeoutS} s and was killed` } };
  }
  if (outcome.killed) return { ...base, status: 'killed', failing: { cell: null, ename: 'Killed', evalue: 'the run was killed (exit 137: out of memory or stopped)' } };
  if (outcome.exitCode !== 0 || !fs.existsSync(/* turbopackIgnore: true */ summaryPath)) {
    return { ...base, status: 'infrastructure', failing: { cell: null, ename: 'RunnerError', evalue: `the runner exited with ${outcome.exitCode} and wrote no summary` } };
  }
  const s = JSON.parse(fs.readFileSync(/* turbopackIgnore: true */ summaryPath, 'utf8'));
  return { status: s.status, failing: s.failing, seconds: s.seconds, cellSeconds: s.cellSeconds, executed, log: outcome.log };
}
