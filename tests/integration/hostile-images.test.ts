// Hostile image headers and content the database refuses: a clear per-file error, no SQL in what
// clients read, and no blob left behind for a notebook that was not stored.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '../helpers/db';
import { signedInHeaders } from '../helpers/api-auth';
import { importNotebook } from '../../lib/ingest/import-notebook';
import { sha256Hex } from '../../lib/blobs';
import { folderPath } from '../../lib/blobs/folder-store';

/** A PNG whose IHDR says width × height (the CRC is right; there is no real pixel data to match). */
function png(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(Buffer.alloc(64))), chunk('IEND', Buffer.alloc(0))]);
}

const notebook = (image: Buffer, metadata: Record<string, unknown> = {}) =>
  Buffer.from(
    JSON.stringify({
      nbformat: 4,
      nbformat_minor: 5,
      metadata: { kernelspec: { name: 'python3', language: 'python' }, ...metadata },
      cells: [
        { cell_type: 'markdown', metadata: {}, source: '# A figure' },
        { cell_type: 'code', metadata: {}, execution_count: 1, source: 'plt.show()', outputs: [{ output_type: 'stream', name: 'stdout', text: 'hi' }, { output_type: 'display_data', metadata: {}, data: { 'image/png': image.toString('base64'), 'text/plain': '<Figure>' } }] },
      ],
    }),
  );

describe('hostile image headers', () => {
  let store: TestStore;
  let headers: Headers;
  beforeAll(async () => {
    store = await createTestStore();
    process.env.DATABASE_URL = store.url;
    headers = (await signedInHeaders(store, { role: 'supervisor' })).headers;
  });
  afterAll(async () => store?.close());

  const failures = async () => {
    const { GET } = await import('../../app/api/imports/failures/route');
    const res = await GET(new Request('http://localhost/api/imports/failures', { headers }), undefined as never);
    return res.text();
  };

  it('refuses a PNG header claiming 3,671,968,213 pixels wide, says where, and writes no blob', async () => {
    const image = png(3_671_968_213, 600);
    const r = await importNotebook(store.db, { file: 'huge-header.ipynb', bytes: notebook(image), blobDir: store.blobDir });
    expect(r.status).toBe('failed');
    expect(r.error).toMatchObject({ code: 'image', where: 'cell 1 output 1 image/png' });
    expect(r.error!.message).toMatch(/claims 3,671,968,213 × 600 pixels/);
    expect(fs.existsSync(folderPath(store.blobDir, sha256Hex(image)))).toBe(false);
    const body = await failures();
    expect(body).toContain('3,671,968,213');
    expect(body).not.toMatch(/insert into|select |params:/i);
  });

  it('content the database refuses: PostgreSQL\'s reason without the SQL, and the blob it brought is removed', async () => {
    const image = png(40, 30);
    const r = await importNotebook(store.db, { file: 'nul-metadata.ipynb', bytes: notebook(image, { note: 'a\u0000b' }), blobDir: store.blobDir });
    expect(r.status).toBe('failed');
    expect(r.error!.code).toBe('database');
    expect(r.error!.message).toMatch(/SQLSTATE 22/);
    expect(r.error!.message).not.toMatch(/insert into|params:/i);
    expect(fs.existsSync(folderPath(store.blobDir, sha256Hex(image)))).toBe(false);
    expect(await failures()).not.toMatch(/insert into|params:/i);
    // The same image in a good notebook is stored, blob and all.
    const ok = await importNotebook(store.db, { file: 'good.ipynb', bytes: notebook(image), blobDir: store.blobDir });
    expect(ok.status).toBe('imported');
    expect(fs.existsSync(folderPath(store.blobDir, sha256Hex(image)))).toBe(true);
    expect(path.basename(folderPath(store.blobDir, sha256Hex(image)))).toBe(sha256Hex(image));
  });
});
