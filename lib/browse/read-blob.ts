import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { blobs } from '../db/schema';
import { AppError } from '../errors';
import { blobPath, thumbnailPath } from '../extract/blob-store';

// Blobs are immutable (named by their hash), so browsers may keep them forever.
const IMMUTABLE = 'public, max-age=31536000, immutable';
// An SVG opened directly must not run its scripts: a sandboxed, script-less document.
const SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

export async function readBlob(db: Db, dir: string, sha256: string, variant: 'original' | 'thumbnail'): Promise<Response> {
  const [blob] = await db.select().from(blobs).where(eq(blobs.sha256, sha256));
  if (!blob) throw new AppError('not_found', `There is no image ${sha256}.`);
  if (variant === 'thumbnail') {
    const file = thumbnailPath(dir, sha256);
    if (fs.existsSync(file)) return new Response(await fs.promises.readFile(file), { headers: { 'Content-Type': 'image/webp', 'Cache-Control': IMMUTABLE } });
  }
  const file = blobPath(dir, sha256);
  if (!fs.existsSync(file)) throw new AppError('not_found', `The image file ${sha256} is missing from the blob store.`);
  // A thumbnail not computed yet falls back to the original, which must not be cached as the thumbnail.
  const headers: Record<string, string> = { 'Content-Type': blob.mime, 'Cache-Control': variant === 'thumbnail' ? 'no-store' : IMMUTABLE };
  if (blob.mime === 'image/svg+xml') headers['Content-Security-Policy'] = SVG_CSP;
  return new Response(await fs.promises.readFile(file), { headers });
}
