import os from 'node:os';
import sharp from 'sharp';
import { asc, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { rawSql } from '../db/client';
import { blobs } from '../db/schema';
import { blobStoreOf, thumbnailKey, type BlobStore } from '../blobs';
import { dhashOfRaw, isNearDuplicate, type DHash } from './dhash';
import { imageSize } from './image-size';
import { openImage, thumbnailPixels } from './thumbnail-pixels';

// Two figures whose row and column dHashes each differ in at most this many of 64 bits are near-duplicates.
// 3 with dHash version 2: on the corpus's 492 images it pairs as many images (61 pairs) as version 1 did
// at 4 bits, and finds more of them again after a re-render at 70 % saved as JPEG (387 of 492 vs 362).
export const NEAR_DUPLICATE_BITS = 3;
const GROUPING_LOCK = 0x76697a64; // 'vizd'

type Derived =
  | { sha256: string; width: number | null; height: number | null; hash: DHash; group?: string }
  | { sha256: string; error: string };

/**
 * Computes thumbnails, dimensions and perceptual hashes of blobs that have none yet, in batches,
 * and groups near-duplicates. Runs in the background after imports (it is the slow part).
 * Blobs are claimed with SKIP LOCKED so several processes, and several loops here, share the work.
 */
export async function computeDerivatives(
  db: Db,
  blobDir: string | BlobStore,
  opts: { batch?: number; loops?: number; onProgress?: (done: number) => void } = {},
): Promise<number> {
  const blobStore = blobStoreOf(db, blobDir);
  let done = 0;
  // One loop per core, each on its own batch: while one batch waits on the database (grouping is
  // serialised), the other's images keep the cores decoding. One loop left them idle at each store.
  const loops = opts.loops ?? os.availableParallelism();
  await Promise.all(
    Array.from({ length: loops }, async () => {
      for (;;) {
        const n = await deriveBatch(db, blobStore, opts.batch ?? 32);
        if (n === 0) return;
        done += n;
        opts.onProgress?.(done);
      }
    }),
  );
  return done;
}

/** Claims one batch of blobs without derivatives, derives them and stores the results in one transaction. */
async function deriveBatch(db: Db, blobStore: BlobStore, batch: number): Promise<number> {
  return db.transaction(async (tx) => {
    const pending = await tx
      .select({ sha256: blobs.sha256, mime: blobs.mime })
      .from(blobs)
      .where(isNull(blobs.thumbnailAt))
      .orderBy(asc(blobs.sha256))
      .limit(batch)
      .for('update', { skipLocked: true });
    if (pending.length === 0) return 0;
    // Image work runs in sharp's thread pool, so the whole batch is processed in parallel.
    const derived = await Promise.all(pending.map((b) => derive(blobStore, b.sha256, b.mime)));
    // Grouping reads the committed groups: one batch at a time, or two concurrent batches miss each other.
    await rawSql(tx as unknown as Db)`select pg_advisory_xact_lock(${GROUPING_LOCK})`;
    await assignGroups(tx as unknown as Db, derived);
    await store(tx as unknown as Db, derived);
    return pending.length;
  });
}

// One decode of the original: the thumbnail's pixels feed both the WebP and the dHash.
async function derive(blobStore: BlobStore, sha256: string, mime: string): Promise<Derived> {
  try {
    const bytes = await blobStore.get(sha256);
    if (!bytes) throw new Error('the image is missing from the blob store');
    // SVGs rasterise without fetching anything external: librsvg in sharp loads no remote resources.
    const image = openImage(bytes);
    const { data, raw } = await thumbnailPixels(image);
    // effort 0: the fastest WebP encoder setting (140 vs 107 images/s here); a 360 px thumbnail loses nothing visible.
    const encoding = sharp(data, raw).webp({ quality: 70, effort: 0 }).toBuffer();
    // The hash is plain JavaScript on the main thread while the WebP encodes in sharp's pool.
    const hash = dhashOfRaw(data, raw);
    const webp = await encoding;
    await blobStore.put(thumbnailKey(sha256), webp, 'image/webp');
    // The header's size as the import reads it (an SVG's viewBox when its width is "100%"); sharp's
    // header reading only for a format image-size does not know.
    const size = imageSize(mime, bytes) ?? (await headerSizeBySharp(image));
    return { sha256, ...size, hash };
  } catch (e) {
    return { sha256, error: (e as Error).message.slice(0, 500) };
  }
}

async function headerSizeBySharp(image: sharp.Sharp): Promise<{ width: number | null; height: number | null }> {
  const meta = await image.metadata();
  return { width: meta.width ?? null, height: meta.height ?? null };
}

/**
 * The near-duplicate group of each new hash: the group of a stored blob within the threshold
 * (one scan for the whole batch), else of an earlier blob of this batch, else a group of its own.
 */
async function assignGroups(db: Db, derived: Derived[]): Promise<void> {
  const ok = derived.filter((d): d is Extract<Derived, { hash: DHash }> => 'hash' in d);
  if (ok.length === 0) return;
  const sqlc = rawSql(db);
  const matches = await sqlc<{ sha256: string; group: string | null }[]>`
    select h.sha256, (
      select b.dup_group from blobs b
      where b.dup_group is not null
        and bit_count((b.dhash # h.row)::bit(64)) <= ${NEAR_DUPLICATE_BITS}
        and bit_count((b.dhash_v # h.col)::bit(64)) <= ${NEAR_DUPLICATE_BITS}
      limit 1) as group
    from unnest(
      ${sqlc.array(ok.map((d) => d.sha256))}::text[],
      ${sqlc.array(ok.map((d) => d.hash.row.toString()))}::bigint[],
      ${sqlc.array(ok.map((d) => d.hash.column.toString()))}::bigint[]) as h(sha256, row, col)`;
  const found = new Map(matches.map((m) => [m.sha256, m.group]));
  ok.forEach((d, i) => {
    d.group = found.get(d.sha256) ?? ok.slice(0, i).find((e) => isNearDuplicate(e.hash, d.hash, NEAR_DUPLICATE_BITS))?.group ?? d.sha256;
  });
}

async function store(db: Db, derived: Derived[]): Promise<void> {
  const sqlc = rawSql(db);
  const rows = derived.map((d) =>
    'error' in d
      ? { sha256: d.sha256, width: null, height: null, hash: null, hashV: null, grp: null, error: d.error }
      : { sha256: d.sha256, width: d.width, height: d.height, hash: d.hash.row.toString(), hashV: d.hash.column.toString(), grp: d.group ?? d.sha256, error: null },
  );
  // One statement per batch rather than one per image.
  await sqlc`
    update blobs set
      thumbnail_at = now(),
      width = coalesce(blobs.width, v.width),
      height = coalesce(blobs.height, v.height),
      dhash = v.hash,
      dhash_v = v.hash_v,
      dup_group = v.grp,
      derivative_error = v.error
    from unnest(
      ${sqlc.array(rows.map((r) => r.sha256))}::text[],
      ${sqlc.array(rows.map((r) => r.width) as number[])}::int[],
      ${sqlc.array(rows.map((r) => r.height) as number[])}::int[],
      ${sqlc.array(rows.map((r) => r.hash) as string[])}::bigint[],
      ${sqlc.array(rows.map((r) => r.hashV) as string[])}::bigint[],
      ${sqlc.array(rows.map((r) => r.grp) as string[])}::text[],
      ${sqlc.array(rows.map((r) => r.error) as string[])}::text[]
    ) as v(sha256, width, height, hash, hash_v, grp, error)
    where blobs.sha256 = v.sha256`;
}

