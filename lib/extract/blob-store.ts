import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { blobs } from '../db/schema';

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
export async function writeBlob(blobDir: string, sha256: string, bytes: Uint8Array): Promise<boolean> {
  const target = blobPath(blobDir, sha256);
  if (fs.existsSync(target)) return false;
  const dir = path.dirname(target);
  if (!madeDirs.has(dir)) {
    fs.mkdirSync(dir, { recursive: true });
    madeDirs.add(dir);
  }
  const tmp = `${target}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  await fs.promises.writeFile(tmp, bytes);
  await fs.promises.rename(tmp, target);
  return true;
}

/**
 * Deletes blobs this import wrote when its notebook was not stored after all, unless a stored row
 * names them by now (another notebook with the same image). Best effort: a file left is only disk.
 */
export async function removeUnreferencedBlobs(db: Db, blobDir: string, sha256s: string[]): Promise<void> {
  if (sha256s.length === 0) return;
  const kept = await db.select({ sha256: blobs.sha256 }).from(blobs).where(inArray(blobs.sha256, sha256s));
  const keep = new Set(kept.map((k) => k.sha256));
  await Promise.all(sha256s.filter((h) => !keep.has(h)).map((h) => fs.promises.rm(blobPath(blobDir, h), { force: true })));
}
