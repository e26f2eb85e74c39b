import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { blobs } from '../db/schema';
import { AppError } from '../errors';
import { blobStoreOf, thumbnailKey, type BlobStore } from '../blobs';

// Blobs are immutable (named by their hash), so browsers may keep them forever.
const IMMUTABLE = 'public, max-age=31536000, immutable';
// An SVG opened directly must not run its scripts: a sandboxed, script-less document.
const SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

export async function readBlob(db: Db, dir: string | BlobStore, sha256: string, variant: 'original' | 'thumbnail'): Promise<Response> {
  const [blob] = await db.select().from(blobs).where(eq(blobs.sha256, sha256));
  if (!blob) throw new AppError('not_found', `There is no image ${sha256}.`);
  const store = blobStoreOf(db, dir);
  if (variant === 'thumbnail') {
    const thumb = await store.stream(thumbnailKey(sha256));
    if (thumb) return new Response(thumb, { headers: { 'Content-Type': 'image/webp', 'Cache-Control': IMMUTABLE } });
  }
  // Streamed: a large figure is never held whole in the web process.
  const body = await store.stream(sha256);
  if (!body) throw new AppError('not_found', `The image file ${sha256} is missing from the blob store.`);
  // A thumbnail not computed yet falls back to the original, which must not be cached as the thumbnail.
  const headers: Record<string, string> = { 'Content-Type': blob.mime, 'Cache-Control': variant === 'thumbnail' ? 'no-store' : IMMUTABLE };
  if (blob.mime === 'image/svg+xml') headers['Content-Security-Policy'] = SVG_CSP;
  return new Response(body, { headers });
}
