import crypto from 'node:crypto';

/** A blob's key and a notebook's content hash. Apart from blob-store.ts, so worker threads load no database code. */
export function sha256Hex(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}
