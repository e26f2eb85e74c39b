import crypto from 'node:crypto';
import { expect, it } from 'vitest';
import { thumbnailKey, type BlobStore } from '../../lib/blobs';

// One behaviour, run against every store (tests/integration/blob-stores.test.ts).
export const sha = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex');

export async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const p of stream as unknown as AsyncIterable<Uint8Array>) parts.push(p);
  return Buffer.concat(parts);
}

export function behavesAsBlobStore(store: () => BlobStore) {
  it('puts once, gets, tells existence, streams and deletes', async () => {
    const s = store();
    const bytes = crypto.randomBytes(10_000);
    const key = sha(bytes);
    expect(await s.exists(key)).toBe(false);
    expect(await s.get(key)).toBeNull();
    expect(await s.stream(key)).toBeNull();
    expect(await s.put(key, bytes, 'image/png')).toBe(true);
    expect(await s.put(key, bytes, 'image/png')).toBe(false);
    expect(await s.exists(key)).toBe(true);
    expect(Buffer.from((await s.get(key))!).equals(bytes)).toBe(true);
    expect((await readAll((await s.stream(key))!)).equals(bytes)).toBe(true);
    const thumb = crypto.randomBytes(300);
    expect(await s.put(thumbnailKey(key), thumb, 'image/webp')).toBe(true);
    expect(Buffer.from((await s.get(thumbnailKey(key)))!).equals(thumb)).toBe(true);
    await s.delete(key);
    expect(await s.exists(key)).toBe(false);
    expect(await s.get(key)).toBeNull();
    expect(await s.exists(thumbnailKey(key))).toBe(true);
  });

  it('refuses keys that are not hashes (no path reaches a store)', async () => {
    await expect(store().put('../etc/passwd', new Uint8Array([1]))).rejects.toThrow(/not a blob key/);
  });

  it('holds and streams a 50 MB blob', async () => {
    const s = store();
    const bytes = crypto.randomBytes(50 * 1024 * 1024);
    const key = sha(bytes);
    expect(await s.put(key, bytes)).toBe(true);
    const streamed = await readAll((await s.stream(key))!);
    expect(streamed.length).toBe(bytes.length);
    expect(sha(streamed)).toBe(key);
    expect(sha((await s.get(key))!)).toBe(key);
    await s.delete(key);
  }, 120_000);

  it('takes concurrent writes of the same hash: all succeed, the bytes stay whole', async () => {
    const s = store();
    const bytes = crypto.randomBytes(2 * 1024 * 1024);
    const key = sha(bytes);
    const results = await Promise.all(Array.from({ length: 8 }, () => s.put(key, bytes)));
    expect(results.filter(Boolean).length).toBeGreaterThanOrEqual(1);
    expect(sha((await s.get(key))!)).toBe(key);
  });
}
