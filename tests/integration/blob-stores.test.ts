import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '../helpers/db';
import { startS3Server, type S3TestServer } from '../helpers/s3-server';
import { behavesAsBlobStore, sha } from '../helpers/blob-store-behaviour';
import { signedInHeaders } from '../helpers/api-auth';
import { FolderBlobStore, PostgresBlobStore, S3BlobStore, makeBlobStore, type BlobStore, type BlobStoreKind } from '../../lib/blobs';
import { moveBlobs } from '../../lib/blobs/move-blobs';
import { blobs } from '../../lib/db/schema';

// The S3 store runs against tests/helpers/s3-server.ts (no S3-compatible server installs here quickly).
let store: TestStore;
let s3: S3TestServer;
const stores = {} as Record<BlobStoreKind, BlobStore>;

beforeAll(async () => {
  store = await createTestStore();
  s3 = await startS3Server();
  Object.assign(process.env, {
    DATABASE_URL: store.url,
    VIZMINE_DATA_DIR: store.dataDir,
    VIZMINE_S3_ENDPOINT: s3.endpoint,
    VIZMINE_S3_BUCKET: s3.bucket,
    AWS_ACCESS_KEY_ID: s3.accessKeyId,
    AWS_SECRET_ACCESS_KEY: s3.secretAccessKey,
  });
  stores.folder = new FolderBlobStore(store.blobDir);
  stores.postgres = new PostgresBlobStore(store.db);
  stores.s3 = makeBlobStore('s3', store.db, store.blobDir);
});
afterAll(async () => {
  const { closeAllDatabases } = await import('../../lib/db/client');
  await closeAllDatabases();
  await store?.close();
  await s3?.close();
  delete process.env.VIZMINE_BLOB_STORE;
});

for (const kind of ['folder', 'postgres', 's3'] as const) {
  describe(`the ${kind} blob store`, () => {
    behavesAsBlobStore(() => stores[kind]);

    it('serves a stored blob through the blob route, and a missing one as a clear 404', async () => {
      process.env.VIZMINE_BLOB_STORE = kind;
      const route = await import('../../app/api/blobs/[sha]/route');
      const { headers } = await signedInHeaders(store, { role: 'admin', email: `${kind}@example.org` });
      const present = crypto.randomBytes(5000);
      const absent = crypto.randomBytes(5000);
      await stores[kind].put(sha(present), present, 'image/png');
      // Both are known to the database; only one has bytes in the store.
      await store.db.insert(blobs).values([{ sha256: sha(present), mime: 'image/png', bytes: 5000 }, { sha256: sha(absent), mime: 'image/png', bytes: 5000 }]);
      const get = (h: string) => route.GET(new Request(`http://localhost/api/blobs/${h}`, { headers }), { params: Promise.resolve({ sha: h }) });
      const ok = await get(sha(present));
      expect(ok.status).toBe(200);
      expect(Buffer.from(await ok.arrayBuffer()).equals(present)).toBe(true);
      const missing = await get(sha(absent));
      expect(missing.status).toBe(404);
      expect((await missing.json()).error.message).toBe(`The image file ${sha(absent)} is missing from the blob store.`);
    });
  });
}

it('the S3 store sent real S3 requests (PUT, GET, HEAD, DELETE on /<bucket>/<key>)', () => {
  const methods = new Set(s3.requests.filter((r) => r.path.startsWith(`/${s3.bucket}/`)).map((r) => r.method));
  expect([...methods].sort()).toEqual(['DELETE', 'GET', 'HEAD', 'PUT']);
});

it('moves blobs between stores, verified by hash, and resumes', async () => {
  const rows = (await store.db.select({ sha256: blobs.sha256 }).from(blobs)).map((r) => r.sha256);
  const inFolder = await Promise.all(rows.map((h) => stores.folder.exists(h)));
  const fromFolder = rows.filter((_, i) => inFolder[i]);
  expect(fromFolder.length).toBe(1);
  const target = new S3BlobStore({ endpoint: s3.endpoint, bucket: s3.bucket, region: 'us-east-1', forcePathStyle: true, prefix: 'moved/' });
  const first = await moveBlobs(store.db, stores.folder, target);
  expect(first.copied).toBe(1);
  expect(first.missing.length).toBe(rows.length - 1);
  expect(sha((await target.get(fromFolder[0]))!)).toBe(fromFolder[0]);
  const again = await moveBlobs(store.db, stores.folder, target);
  expect(again).toMatchObject({ copied: 0, present: 1 });
  // A corrupted source is refused, not copied.
  const bad = crypto.randomBytes(100);
  await stores.postgres.put(sha(bad), crypto.randomBytes(100));
  await store.db.insert(blobs).values({ sha256: sha(bad), mime: 'image/png', bytes: 100 });
  await expect(moveBlobs(store.db, stores.postgres, new FolderBlobStore(`${store.dataDir}/other`))).rejects.toThrow(/does not match its hash/);
});
