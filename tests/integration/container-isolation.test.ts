import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executorConfigSchema, RUNNER_IMAGE, type ExecutorConfig } from '../../lib/execute/config';
import { createContainerExecutor } from '../../lib/execute/container-executor';
import { dockerFromEnv } from '../../lib/execute/docker';
import { codeNotebook } from '../helpers/notebooks';
import { startProbes, type Probes } from '../helpers/network-probes';
import { hasContainers } from '../helpers/system';

// The container executor's isolation, against the real container (Podman through dockerode). Each
// test fails when its setting is taken out of lib/execute/container-executor.ts (checked by hand,
// one setting at a time: see the README's Security section).
const available = await hasContainers();
const docker = dockerFromEnv()!;
let created: Docker.ContainerInspectInfo | null = null;
const inspected = { onContainerCreated: async (c: Docker.Container) => void (created = await c.inspect()) };
const executor = available ? createContainerExecutor(docker, RUNNER_IMAGE, inspected) : null;
// The runner image itself says USER 1000: a copy whose default user is root shows the executor's own setting at work.
const ROOT_DEFAULT = { repo: 'localhost/vizmine-runner', tag: 'root-default-test' };
const config = (c: Partial<ExecutorConfig> = {}) => executorConfigSchema.parse({ executor: 'container', cellTimeoutS: 90, totalTimeoutS: 150, memoryMb: 768, cpus: 0.5, ...c });
const printed = (executed: Uint8Array | null) =>
  JSON.parse(Buffer.from(executed!).toString())
    .cells.flatMap((c: { outputs?: Array<{ text?: string[] | string }> }) => c.outputs ?? [])
    .map((o: { text?: string[] | string }) => [o.text ?? []].flat().join(''))
    .join('');
/** `key value` lines printed by the notebook, as a map. */
const values = (text: string) => new Map(text.split('\n').map((l) => [l.split(' ')[0], l.split(' ').slice(1).join(' ')] as const));

// Docker's default capability set: what "CapDrop: ALL" takes away (Podman reports the list, Docker 'ALL').
const DEFAULT_CAPS = ['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'NET_RAW', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT'];

// Reads the limits the kernel really applies, from the container's cgroup (v1, or v2 as a fallback).
const READ_LIMITS = `import os
def first(*paths):
    for p in paths:
        if os.path.exists(p):
            return open(p).read().strip()
    return "missing"
status = dict(l.split(":\\t", 1) for l in open("/proc/self/status").read().splitlines() if ":\\t" in l)
print("uid", os.getuid())
print("CapEff", status["CapEff"].strip())
print("CapBnd", status["CapBnd"].strip())
print("NoNewPrivs", status["NoNewPrivs"].strip())
print("pids.max", first("/sys/fs/cgroup/pids/pids.max", "/sys/fs/cgroup/pids.max"))
print("memory", first("/sys/fs/cgroup/memory/memory.limit_in_bytes", "/sys/fs/cgroup/memory.max"))
print("memsw", first("/sys/fs/cgroup/memory/memory.memsw.limit_in_bytes", "/sys/fs/cgroup/memory.swap.max"))
print("cpu", first("/sys/fs/cgroup/cpu/cpu.cfs_quota_us", "/sys/fs/cgroup/cpu.max").split()[0], first("/sys/fs/cgroup/cpu/cpu.cfs_period_us", "/sys/fs/cgroup/cpu.max").split()[-1])
try:
    open("/kaggle/input/data/x.csv", "w")
    print("dataset writable")
except OSError as e:
    print("dataset", e.strerror)`;

describe.skipIf(!available)('container isolation (dockerode → Podman)', () => {
  let probes: Probes;
  beforeAll(async () => {
    probes = await startProbes();
    const base = await docker.createContainer({ Image: RUNNER_IMAGE, User: 'root', Cmd: ['true'] });
    await base.commit({ ...ROOT_DEFAULT, changes: 'USER root' });
    await base.remove({ force: true });
  });
  afterAll(async () => {
    await probes?.close();
    await docker.getImage(`${ROOT_DEFAULT.repo}:${ROOT_DEFAULT.tag}`).remove().catch(() => {});
  });

  it('a notebook can neither connect to the host (loopback or its other address) nor resolve names there', async () => {
    const targets = probes.targets.map((t) => ({ host: t.host, tcp: t.tcpPort, udp: t.dnsPort }));
    const result = await executor!.run({
      notebook: codeNotebook(`import json, socket
targets = json.loads('${JSON.stringify(targets)}')
def dns_query(host, port, name):
    q = b"\\x12\\x34\\x01\\x00\\x00\\x01\\x00\\x00\\x00\\x00\\x00\\x00" + b"".join(bytes([len(p)]) + p.encode() for p in name.split(".")) + b"\\x00\\x00\\x01\\x00\\x01"
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.settimeout(3)
    s.sendto(q, (host, port))
    return socket.inet_ntoa(s.recv(512)[-4:])
for t in targets:
    try:
        socket.create_connection((t["host"], t["tcp"]), timeout=3).sendall(b"GET /from-container HTTP/1.0\\r\\n\\r\\n")
        print("tcp", t["host"], "reached")
    except OSError as e:
        print("tcp", t["host"], "blocked", type(e).__name__)
    try:
        print("dns", t["host"], "resolved", dns_query(t["host"], t["udp"], "probe.vizmine.test"))
    except OSError as e:
        print("dns", t["host"], "failed", type(e).__name__)`),
      config: config(),
    });
    expect(result.status, result.log).toBe('ok');
    const text = printed(result.executed);
    for (const t of probes.targets) {
      expect(text).toMatch(new RegExp(`tcp ${t.host} blocked`));
      expect(text).toMatch(new RegExp(`dns ${t.host} failed`));
    }
    // The listeners on the host saw nothing at all: no TCP connection, no DNS packet.
    expect(probes.seen()).toEqual([]);
    expect(probes.targets.map((t) => t.host)).toContain('127.0.0.1');
    expect(probes.targets.some((t) => t.host !== '127.0.0.1')).toBe(true);
  });

  it('the container is created without capabilities or privilege gain, as uid 1000, with pids/memory/swap/CPU limits and read-only datasets', async () => {
    const data = fs.mkdtempSync(path.join(os.tmpdir(), 'vizmine-dataset-'));
    fs.writeFileSync(path.join(data, 'x.csv'), 'a\n1\n');
    fs.chmodSync(data, 0o777); // writable by anyone on the host: only the mount may stop the notebook
    created = null;
    try {
      const rootDefault = createContainerExecutor(docker, `${ROOT_DEFAULT.repo}:${ROOT_DEFAULT.tag}`, inspected);
      expect((await docker.getImage(`${ROOT_DEFAULT.repo}:${ROOT_DEFAULT.tag}`).inspect()).Config.User).toBe('root');
      const result = await rootDefault.run({ notebook: codeNotebook(READ_LIMITS), config: config(), datasets: [{ slug: 'data', hostPath: data }] });
      expect(result.status, result.log).toBe('ok');

      // What the engine was asked for (the inspected container, before it started).
      const h = created!.HostConfig;
      expect(created!.Config.User).toBe('1000:1000');
      expect(h.NetworkMode).toBe('none');
      expect(h.Privileged).toBe(false);
      expect(h.CapAdd ?? []).toEqual([]);
      const dropped = new Set((h.CapDrop ?? []).map((c: string) => c.replace(/^CAP_/, '')));
      expect(dropped.has('ALL') || DEFAULT_CAPS.every((c) => dropped.has(c)), `CapDrop: ${h.CapDrop}`).toBe(true);
      expect(h.SecurityOpt).toContain('no-new-privileges');
      expect(h.PidsLimit).toBe(512);
      expect(h.Memory).toBe(768 * 1024 * 1024);
      expect(h.MemorySwap).toBe(768 * 1024 * 1024);
      expect(h.NanoCpus).toBe(0.5e9);
      const mount = created!.Mounts.find((m) => m.Destination === '/kaggle/input/data')!;
      expect(mount.RW).toBe(false);
      expect(created!.Mounts.find((m) => m.Destination === '/kaggle/working')!.RW).toBe(true);

      // What the kernel applies inside (the same settings, seen from the notebook).
      const v = values(printed(result.executed));
      expect(v.get('uid')).toBe('1000');
      expect(v.get('CapEff')).toBe('0000000000000000');
      expect(v.get('CapBnd')).toBe('0000000000000000');
      expect(v.get('NoNewPrivs')).toBe('1');
      expect(v.get('pids.max')).toBe('512');
      expect(v.get('memory')).toBe(String(768 * 1024 * 1024));
      expect(v.get('memsw')).toMatch(new RegExp(`^(${768 * 1024 * 1024}|0)$`)); // v1: memory+swap; v2: swap alone
      expect(v.get('cpu')).toBe('50000 100000');
      expect(v.get('dataset')).toBe('Read-only file system');
      expect(fs.readdirSync(data)).toEqual(['x.csv']);
    } finally {
      fs.rmSync(data, { recursive: true, force: true });
    }
  });

  it('a fork bomb is stopped at the pids limit, and the next notebook runs', async () => {
    const bomb = await executor!.run({
      notebook: codeNotebook(`import os, signal, time
def count():
    return sum(1 for p in os.listdir("/proc") if p.isdigit())
bomb = os.fork()
if bomb == 0:
    os.setpgid(0, 0)  # the bomb's own process group, to kill it whole afterwards
    os.execv("/bin/bash", ["bash", "-c", "exec 2>/dev/null; f() { f | f & }; f; sleep 600"])
# Until the notebook's own process cannot fork either (or 200 s: the limit was never met).
blocked, deadline = "never", time.time() + 200
while time.time() < deadline:
    try:
        pid = os.fork()
        if pid == 0:
            os._exit(0)
        os.waitpid(pid, 0)
    except OSError as e:
        blocked = e.strerror
        break
    time.sleep(0.5)
peak = count()
print("blocked", blocked)
for _ in range(20):  # bash forks while it is being killed: again until the group is gone
    try:
        os.killpg(bomb, signal.SIGKILL)
    except ProcessLookupError:
        break
    time.sleep(0.2)
print("processes", peak)`),
      config: config({ cellTimeoutS: 240, totalTimeoutS: 270, cpus: 1 }),
    });
    expect(bomb.status, bomb.log).toBe('ok');
    const v = values(printed(bomb.executed));
    expect(v.get('blocked')).toBe('Resource temporarily unavailable'); // the notebook's own process cannot fork either
    const processes = Number(v.get('processes'));
    expect(processes).toBeGreaterThan(400); // it really reached the limit…
    expect(processes).toBeLessThanOrEqual(512); // …and never went past it

    const next = await executor!.run({ notebook: codeNotebook('print(6 * 7)'), config: config() });
    expect(next.status, next.log).toBe('ok');
    expect(printed(next.executed)).toContain('42');
  }, 400_000);
});
