import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Docker from 'dockerode';
import { layOutInput } from './input-layout';
import { RUN_FILES, readRunOutput } from './read-run-output';
import { RUNNER_DIR } from './runner-path';
import { LOG_TAIL_CHARS, type Executor, type ExecutionResult, type RunRequest } from './types';

const WORKING = '/kaggle/working';
const LIVE_LOG = '.vizmine-log.txt';
const POLL_MS = 200;

/**
 * Runs notebooks in containers through the Docker Engine API (Docker, or Podman's compatible
 * service). The notebook is untrusted: no network, no capabilities, no privilege gain, a non-root
 * user, memory/CPU/pids limits, datasets read-only; only its work dir is writable. The container is
 * killed when the total time runs out and removed whatever happens.
 */
export function createContainerExecutor(docker: Docker, image: string, opts: ContainerExecutorOptions = {}): Executor {
  return {
    kind: 'container',
    image,
    run: (req) => runInContainer(docker, req.image ?? image, req, opts),
    // A kernel's mapped image is used only when it is on this machine: nothing is pulled here.
    hasImage: (name) => docker.getImage(name).inspect().then(() => true, () => false),
  };
}

export interface ContainerExecutorOptions {
  /** Called with each container once created, before it starts (tests inspect what was asked of the engine). */
  onContainerCreated?: (container: Docker.Container) => Promise<void> | void;
}

async function runInContainer(docker: Docker, image: string, req: RunRequest, opts: ContainerExecutorOptions): Promise<ExecutionResult> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'vizmine-run-'));
  const work = path.join(root, 'working');
  fs.mkdirSync(work, { mode: 0o777 });
  fs.chmodSync(work, 0o777); // written by the container's uid 1000
  const input = path.join(root, 'input');
  const datasets = req.datasets ?? [];
  layOutInput(input, datasets, (d) => `/kaggle/input/${d.slug}`, (_d, at) => fs.mkdirSync(at));
  fs.writeFileSync(path.join(work, RUN_FILES.input), req.notebook);
  const liveLog = path.join(work, LIVE_LOG);
  fs.writeFileSync(liveLog, '', { mode: 0o666 });
  fs.chmodSync(liveLog, 0o666);
  const { cellTimeoutS, totalTimeoutS, memoryMb, cpus } = req.config;
  const memory = memoryMb * 1024 * 1024;
  let container: Docker.Container | null = null;
  try {
    container = await docker.createContainer({
      Image: image,
      Cmd: ['python3', '/opt/vizmine/run_notebook.py', ...Object.values(RUN_FILES).map((f) => `${WORKING}/${f}`), '--cell-timeout', String(cellTimeoutS), '--workdir', WORKING],
      User: '1000:1000',
      WorkingDir: WORKING,
      Env: ['HOME=/tmp', 'PYDEVD_DISABLE_FILE_VALIDATION=1', 'PYTHONDONTWRITEBYTECODE=1', `VIZMINE_LOG_FILE=${WORKING}/${LIVE_LOG}`],
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
        Binds: [`${work}:${WORKING}:rw`, `${RUNNER_DIR}:/opt/vizmine:ro`, `${input}:/kaggle/input:ro`, ...datasets.map((d) => `${d.hostPath}:/kaggle/input/${d.slug}:ro`)],
      },
    });
    await opts.onContainerCreated?.(container);
    const t0 = Date.now();
    await container.start();
    const tail = tailFile(liveLog, req.onLog);
    const { exitCode, timedOut, killed } = await waitFor(container, totalTimeoutS * 1000, req.signal);
    tail.stop();
    const log = await readLogs(container);
    return { ...readRunOutput(work, { exitCode, timedOut, killed: killed || (exitCode === 137 && !timedOut), seconds: (Date.now() - t0) / 1000, totalTimeoutS, log }), image };
  } catch (e) {
    return { status: 'infrastructure', failing: { cell: null, ename: 'ContainerError', evalue: (e as Error).message }, seconds: 0, cellSeconds: {}, executed: null, log: '', image };
  } finally {
    await container?.remove({ force: true }).catch(() => {});
    fs.rmSync(root, { recursive: true, force: true });
  }
}

// Polls inspect(): Podman's compatible wait() endpoint busy-waits (measured: ~1.3 s of the service's
// CPU per second waited, against ~0 for a poll every 250 ms), and its events API stays silent
// (containers.md). Exit 137 is "killed": Podman on cgroup v1 never sets OOMKilled.
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

/**
 * The live log: the runner appends one line per cell to a file in the work dir, read here once a
 * second (cheaper than holding a follow stream open on the engine for every run).
 */
function tailFile(file: string, onLog?: (chunk: string) => void) {
  let offset = 0;
  const read = () => {
    try {
      const size = fs.statSync(file).size;
      if (size <= offset) return;
      const fd = fs.openSync(file, 'r');
      const buf = Buffer.alloc(size - offset);
      fs.readSync(fd, buf, 0, buf.length, offset);
      fs.closeSync(fd);
      offset = size;
      onLog?.(buf.toString());
    } catch {
      /* not written yet */
    }
  };
  const timer = onLog ? setInterval(read, 1000) : null;
  return {
    stop() {
      if (timer) clearInterval(timer);
      read();
    },
  };
}

/** The stopped container's whole stdout/stderr, demultiplexed (frames of [stream, 0, 0, 0, size BE] + payload). */
async function readLogs(container: Docker.Container): Promise<string> {
  const buf = (await container.logs({ follow: false, stdout: true, stderr: true }).catch(() => null)) as Buffer | null;
  if (!buf) return '';
  let out = '';
  for (let i = 0; i + 8 <= buf.length; ) {
    const size = buf.readUInt32BE(i + 4);
    out += buf.subarray(i + 8, i + 8 + size).toString();
    i += 8 + size;
  }
  return out.length > LOG_TAIL_CHARS ? out.slice(-LOG_TAIL_CHARS) : out;
}
