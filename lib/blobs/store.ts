import crypto from 'node:crypto';

/**
 * Where image bytes live. Keys are a blob's sha256 (the original) or `thumbs/<sha>.webp` (its
 * thumbnail); every key names immutable bytes, so a put of a key present already is a no-op.
 */
export interface BlobStore {
  readonly kind: 'folder' | 'postgres' | 's3';
  /** Stores the bytes once; true when this call wrote them, false when the key was there already. */
  put(key: string, bytes: Uint8Array, mime?: string): Promise<boolean>;
  /** The bytes, or null when the key is absent. */
  get(key: string): Promise<Uint8Array | null>;
  /** The bytes in chunks (for serving without holding them all), or null when absent. */
  stream(key: string): Promise<ReadableStream<Uint8Array> | null>;
  exists(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
}

export const BLOB_STORE_KINDS = ['folder', 'postgres', 's3'] as const;
export type BlobStoreKind = (typeof BLOB_STORE_KINDS)[number];

/** A blob's key: the sha256 of its bytes. */
export function sha256Hex(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

export function thumbnailKey(sha256: string): string {
  return `thumbs/${sha256}.webp`;
}

const KEY = /^(thumbs\/)?[0-9a-f]{64}(\.webp)?$/;

/** Keys come from hashes we computed; anything else (a path, `..`) is a bug, refused before any store sees it. */
export function checkKey(key: string): string {
  if (!KEY.test(key)) throw new Error(`not a blob key: ${JSON.stringify(key).slice(0, 80)}`);
  return key;
}
