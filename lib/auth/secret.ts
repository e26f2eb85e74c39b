import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The key better-auth signs session cookies with: BETTER_AUTH_SECRET when set, else a random one
 * made once and kept in the data dir (mode 0600) so `npm start` needs no set-up and sessions
 * survive restarts. Every process on one data dir reads the same file.
 */
export function authSecret(dataDir: string): string {
  const fromEnv = process.env.BETTER_AUTH_SECRET;
  if (fromEnv) return fromEnv;
  const file = path.join(dataDir, 'auth-secret');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    try {
      fs.writeFileSync(file, crypto.randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e; // another process made it first
    }
  }
  return fs.readFileSync(file, 'utf8').trim();
}
