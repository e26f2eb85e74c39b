import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import type Docker from 'dockerode';
import { RUN_FILES, readRunOutput } from './read-run-output';
import { RUNNER_DIR } from './runner-path';
import { appendTail, type Executor, type ExecutionResult, type RunRequest } from './types';

const WORKING = '/kaggle/working';
const POLL_MS = 250;

/**
 * Runs notebooks in containers through the Docker Engine API (Docker, or Podman's compatible
 * service). The notebook is untrusted: no network, no capabilities, no privilege gain, a non-root
 * user, memory/CPU/pids limits, datasets read-only; only its work dir is writable. The container is
 * killed when the total time runs out and removed whatever happens.
 */
export function createContainerExecutor(docker: Docker, image: string): Executor {
  return { kind: 'container', image, run: (req) => runInContainer(docker, image, req) };
}

async function runInContainer(docker: Docker, image: string, req: RunRequest): Promise<ExecutionResult> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'vizmine-run-'));
  fs.chmodSync(work, 0o777); // written by the container's uid 1000
  fs.writeFileSync(path.join(work, RUN_FILES.input), req.notebook);
  const { cellTimeoutS, totalTimeoutS, memoryMb, cpus } = req.config;
  const memory = memoryMb * 1024 * 1024;
  let container: Docker.Container | null = null;
  try {
    container = await docker.createContainer({
      Image: image,
      Cmd: ['python3', '/opt/vizmine/run_notebook.py', ...Object.values(RUN_FILES).map((f) => `${WORKING}/${f}`), '--cell-timeout', String(cellTimeoutS), '--workdir', WORKING],
      User: '1000:1000',
      WorkingDir: WORKING,
      Env: ['HOME=/tmp', 'PYDEVD_DISABLE_FILE_VALIDATION=1', 'PYTHONDONTWRITEBYTECODE=1'],
      Labels: { 'vizmine.run': '1' },
      NetworkDisabled: true,
      HostConfig: {
        NetworkMode: 'none',
        Memory: memory,
        MemorySwap: memory, // no swap: a notebook that needs more is killed, not slowed to a crawl
        NanoCpus: Math.round(cpus * 1e9),
        PidsLimit: 512,
        CapDrop: ['ALL'],
        SecurityOpt: ['no-new-privileges'],
        Binds: [`${work}:${WORKING}:rw`, `${RUNNER_DIR}:/opt/vizmine:ro`, ...(req.datasets ?? []).map((d) => `${d.hostPath}:/kaggle/input/${d.slug}:ro`)],
      },
    });
    const t0 = Date.now();
    await container.start();
    const logs = followLogs(docker, container, req.onLog);
    const { exitCode, timedOut, killed } = await waitFor(container, totalTimeoutS * 1000, req.signal);
    const log = await logs.finish();
    return readRunOutput(work, { exitCode, timedOut, killed: killed || (exitCode === 137 && !timedOut), seconds: (Date.now() - t0) / 1000, totalTimeoutS, log });
  } catch (e) {
    return { status: 'infrastructure', failing: { cell: null, ename: 'ContainerError', evalue: (e as Error).message }, seconds: 0, cellSeconds: {}, executed: null, log: '' };
  } finally {
    await container?.remove({ force: true }).catch(() => {});
    fs.rmSync(work, { recursive: true, force: true });
  }
}

// Polls inspect() rather than relying on wait() or events, which Podman's service does not always
// deliver (containers.md). Exit 137 is "killed": Podman on cgroup v1 never sets OOMKilled.
async function waitFor(container: Docker.Container, timeoutMs: number, signal?: AbortSignal): Promise<{ exitCode: number | null; timedOut: boolean; killed: boolean }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = (await container.inspect()).State;
    if (!state.Running && state.Status !== 'created') return { exitCode: state.ExitCode, timedOut: false, killed: false };
    const timedOut = Date.now() > deadline;
    if (timedOut || signal?.aborted) {
      await container.kill().catch(() => {});
      return { exitCode: 137, timedOut, killed: !timedOut };
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** Streams the container's stdout/stderr (Docker's multiplexed stream, demultiplexed) as it runs. */
function followLogs(docker: Docker, container: Docker.Container, onLog?: (chunk: string) => void) {
  let log = '';
  let ended = false;
  const sink = new PassThrough();
  sink.on('data', (d: Buffer) => {
    log = appendTail(log, d.toString());
    onLog?.(d.toString());
  });
  const done = container.logs({ follow: true, stdout: true, stderr: true }).then(
    (stream) =>
      new Promise<void>((resolve) => {
        docker.modem.demuxStream(stream, sink, sink);
        stream.on('end', () => ((ended = true), resolve()));
        stream.on('error', () => resolve());
      }),
    () => {},
  );
  return {
    // Podman sometimes keeps a follow stream open after the container exits: rather than wait for
    // it, read the whole (stopped) container's output once.
    finish: async () => {
      await Promise.race([done, new Promise((r) => setTimeout(r, 150))]);
      if (ended) return log;
      const all = (await container.logs({ follow: false, stdout: true, stderr: true }).catch(() => null)) as Buffer | null;
      return all ? demuxBuffer(all).slice(-16_000) : log;
    },
  };
}

// Docker's multiplexed log format: frames of [stream, 0, 0, 0, size (uint32 BE)] + payload.
function demuxBuffer(buf: Buffer): string {
  let out = '';
  for (let i = 0; i + 8 <= buf.length; ) {
    const size = buf.readUInt32BE(i + 4);
    out += buf.subarray(i + 8, i + 8 + size).toString();
    i += 8 + size;
  }
  return out;
}
