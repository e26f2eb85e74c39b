import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

export function blobPath(blobDir: string, sha256: string): string {
  return path.join(blobDir, sha256.slice(0, 2), sha256);
}

export function thumbnailPath(blobDir: string, sha256: string): string {
  return path.join(blobDir, 'thumbs', sha256.slice(0, 2), `${sha256}.webp`);
}

export function sha256Hex(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

const madeDirs = new Set<string>();

/**
 * Writes the bytes once under their hash. Written to a temp name and renamed, so a reader never
 * sees a half-written blob and a crash leaves at worst an unreferenced temp file. Asynchronous, so
 * the writes overlap with parsing the next notebook.
 */
export async function writeBlob(blobDir: string, sha256: string, bytes: Uint8Array): Promise<void> {
  const target = blobPath(blobDir, sha256);
  if (fs.existsSync(target)) return;
  const dir = path.dirname(target);
  if (!madeDirs.has(dir)) {
    fs.mkdirSync(dir, { recursive: true });
    madeDirs.add(dir);
  }
  const tmp = `${target}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  await fs.promises.writeFile(tmp, bytes);
  await fs.promises.rename(tmp, target);
}
