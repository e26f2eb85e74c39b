import fs from 'node:fs';
import { isAlive } from '../process/is-alive';

/**
 * A cross-process mutex on a lock file (O_EXCL create). A lock whose owner pid is dead is broken,
 * so a crashed process never wedges the data dir.
 */
export async function withFileLock<T>(lockFile: string, fn: () => Promise<T>, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const fd = fs.openSync(lockFile, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      if (ownerIsDead(lockFile)) {
        fs.rmSync(lockFile, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lockFile}; delete it if no vizmine process is running`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lockFile, { force: true });
  }
}

function ownerIsDead(lockFile: string): boolean {
  try {
    const pid = Number(fs.readFileSync(lockFile, 'utf8'));
    return pid > 0 && !isAlive(pid); // 0: being written right now
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT';
  }
}
