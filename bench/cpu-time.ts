// CPU seconds, for benchmarks on a shared machine where wall time depends on the neighbours.
import fs from 'node:fs';
import path from 'node:path';

const TICKS_PER_S = 100; // USER_HZ on Linux

/** This process, all its threads (worker threads and sharp's included). */
export function processCpuS(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/**
 * This process's main thread alone (Linux; null elsewhere): with processCpuS, it tells the main
 * thread's share (database writes) from the worker threads' (parsing) and V8's helpers (GC).
 */
export function mainThreadCpuS(): number | null {
  try {
    const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / TICKS_PER_S;
  } catch {
    return null;
  }
}

/**
 * The embedded PostgreSQL of a data dir: its postmaster and live backends, plus exited children the
 * postmaster reaped. Null when the database is not the embedded one (DATABASE_URL) or not on Linux.
 */
export function postgresCpuS(dataDir: string): number | null {
  if (process.env.DATABASE_URL) return null;
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
    let ticks = 0;
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let stat: string;
      try {
        stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      } catch {
        continue; // exited meanwhile
      }
      // Fields after the command name (which may hold spaces): state ppid ... utime(14) stime(15) cutime(16) cstime(17).
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const own = Number(entry) === pid;
      if (!own && Number(f[1]) !== pid) continue;
      ticks += Number(f[11]) + Number(f[12]) + (own ? Number(f[13]) + Number(f[14]) : 0);
    }
    return ticks / TICKS_PER_S;
  } catch {
    return null;
  }
}

/** Children this process waited for (a benchmark's child script). */
export function childrenCpuS(): number {
  const stat = fs.readFileSync('/proc/self/stat', 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[13]) + Number(f[14])) / TICKS_PER_S;
}
