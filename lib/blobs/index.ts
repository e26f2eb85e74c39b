import type { Db } from '../db/client';
import { FolderBlobStore } from './folder-store';
import { PostgresBlobStore } from './postgres-store';
import { S3BlobStore, s3SettingsFromEnv } from './s3-store';
import { BLOB_STORE_KINDS, type BlobStore, type BlobStoreKind } from './store';

export { sha256Hex, thumbnailKey, type BlobStore, type BlobStoreKind, BLOB_STORE_KINDS } from './store';
export { FolderBlobStore } from './folder-store';
export { PostgresBlobStore } from './postgres-store';
export { S3BlobStore, s3SettingsFromEnv } from './s3-store';
export { removeUnreferencedBlobs } from './remove-unreferenced';

export function configuredKind(env = process.env): BlobStoreKind {
  const kind = (env.VIZMINE_BLOB_STORE || 'folder') as BlobStoreKind;
  if (!BLOB_STORE_KINDS.includes(kind)) throw new Error(`VIZMINE_BLOB_STORE must be one of ${BLOB_STORE_KINDS.join(', ')}; it is ${JSON.stringify(kind)}`);
  return kind;
}

let s3: S3BlobStore | null = null;

/** A store of the given kind: the folder is `blobDir`, PostgreSQL is `db`'s database, S3 comes from the environment. */
export function makeBlobStore(kind: BlobStoreKind, db: Db, blobDir: string): BlobStore {
  if (kind === 'folder') return new FolderBlobStore(blobDir);
  if (kind === 'postgres') return new PostgresBlobStore(db);
  // One client per process: it pools its connections.
  return (s3 ??= new S3BlobStore(s3SettingsFromEnv()));
}

/**
 * The store callers pass around as `blobs`: a store given as such, or the configured kind
 * (VIZMINE_BLOB_STORE) for a blob folder path, which keeps the folder callers and tests working.
 */
export function blobStoreOf(db: Db, blobs: string | BlobStore): BlobStore {
  return typeof blobs === 'string' ? makeBlobStore(configuredKind(), db, blobs) : blobs;
}
