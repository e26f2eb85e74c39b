import crypto from 'node:crypto';
import { asc, gt } from 'drizzle-orm';
import type { Db } from '../db/client';
import { blobs } from '../db/schema';
import { thumbnailKey, type BlobStore } from './store';

export interface MoveTally {
  copied: number;
  present: number;
  missing: string[];
  thumbnails: number;
}

const PAGE = 200;

/**
 * Copies every blob the database names (and its thumbnail) from one store to another, each checked
 * against its hash before it is written and read back after. Resumable: a blob the target holds
 * already is skipped, and the target's writes are whole-or-nothing in every store. The source is
 * left as it is (deleting it is a decision for whoever moved it, once the new store is configured).
 */
export async function moveBlobs(db: Db, from: BlobStore, to: BlobStore, onProgress?: (t: MoveTally) => void): Promise<MoveTally> {
  const tally: MoveTally = { copied: 0, present: 0, missing: [], thumbnails: 0 };
  let after = '';
  for (;;) {
    const page = await db
      .select({ sha256: blobs.sha256, mime: blobs.mime, thumbnailAt: blobs.thumbnailAt })
      .from(blobs)
      .where(gt(blobs.sha256, after))
      .orderBy(asc(blobs.sha256))
      .limit(PAGE);
    if (page.length === 0) return tally;
    for (const b of page) {
      await moveOne(from, to, b.sha256, b.mime, tally);
      if (b.thumbnailAt && (await copyThumbnail(from, to, b.sha256))) tally.thumbnails++;
    }
    after = page[page.length - 1].sha256;
    onProgress?.(tally);
  }
}

async function moveOne(from: BlobStore, to: BlobStore, sha: string, mime: string, tally: MoveTally): Promise<void> {
  if (await to.exists(sha)) {
    tally.present++;
    return;
  }
  const bytes = await from.get(sha);
  if (!bytes) {
    tally.missing.push(sha);
    return;
  }
  if (hashOf(bytes) !== sha) throw new Error(`blob ${sha} in the ${from.kind} store does not match its hash: not copied`);
  await to.put(sha, bytes, mime);
  const back = await to.get(sha);
  if (!back || hashOf(back) !== sha) {
    await to.delete(sha);
    throw new Error(`blob ${sha} read back from the ${to.kind} store does not match its hash: removed there`);
  }
  tally.copied++;
}

// A thumbnail is derived (recomputed if lost): copied when the source has it, compared by bytes.
async function copyThumbnail(from: BlobStore, to: BlobStore, sha: string): Promise<boolean> {
  const key = thumbnailKey(sha);
  if (await to.exists(key)) return false;
  const bytes = await from.get(key);
  if (!bytes) return false;
  await to.put(key, bytes, 'image/webp');
  return true;
}

function hashOf(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}
