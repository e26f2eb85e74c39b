import { inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { blobs } from '../db/schema';
import type { BlobStore } from './store';

/**
 * Deletes blobs an import wrote when its notebook was not stored after all, unless a stored row
 * names them by now (another notebook with the same image). Best effort: a blob left is only space.
 */
export async function removeUnreferencedBlobs(db: Db, store: BlobStore, sha256s: string[]): Promise<void> {
  if (sha256s.length === 0) return;
  const kept = await db.select({ sha256: blobs.sha256 }).from(blobs).where(inArray(blobs.sha256, sha256s));
  const keep = new Set(kept.map((k) => k.sha256));
  await Promise.all(sha256s.filter((h) => !keep.has(h)).map((h) => store.delete(h)));
}
