import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { checkKey, type BlobStore } from './store';

// Read in slices so serving a large blob holds one slice, not the whole bytea, in memory.
const CHUNK = 4 * 1024 * 1024;

/**
 * Blobs in the `blob_data` table of the database every worker shares already: no extra service.
 * bytea (not large objects): fine well below PostgreSQL's 1 GB limit per value.
 */
export class PostgresBlobStore implements BlobStore {
  readonly kind = 'postgres' as const;
  constructor(private readonly db: Db) {}

  async put(key: string, bytes: Uint8Array, mime?: string): Promise<boolean> {
    checkKey(key);
    // ON CONFLICT: concurrent writers of one hash both succeed, one row stays.
    const rows = await this.db.execute(sql`
      INSERT INTO blob_data (key, mime, size, data) VALUES (${key}, ${mime ?? null}, ${bytes.byteLength}, ${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)})
      ON CONFLICT (key) DO NOTHING RETURNING key`);
    return rows.length > 0;
  }

  async get(key: string): Promise<Uint8Array | null> {
    const rows = await this.db.execute<{ data: Buffer }>(sql`SELECT data FROM blob_data WHERE key = ${checkKey(key)}`);
    return rows.length ? new Uint8Array(rows[0].data) : null;
  }

  async stream(key: string): Promise<ReadableStream<Uint8Array> | null> {
    const rows = await this.db.execute<{ size: number }>(sql`SELECT size FROM blob_data WHERE key = ${checkKey(key)}`);
    if (!rows.length) return null;
    const size = Number(rows[0].size);
    const db = this.db;
    let offset = 0;
    return new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (offset >= size) return controller.close();
        // substring on bytea is 1-based.
        const [row] = await db.execute<{ part: Buffer }>(sql`SELECT substring(data FROM ${offset + 1}::int FOR ${CHUNK}::int) AS part FROM blob_data WHERE key = ${key}`);
        if (!row) return controller.error(new Error(`blob ${key} was deleted while being read`));
        offset += CHUNK;
        controller.enqueue(new Uint8Array(row.part));
      },
    });
  }

  async exists(key: string): Promise<boolean> {
    const rows = await this.db.execute(sql`SELECT 1 FROM blob_data WHERE key = ${checkKey(key)}`);
    return rows.length > 0;
  }

  async delete(key: string): Promise<void> {
    await this.db.execute(sql`DELETE FROM blob_data WHERE key = ${checkKey(key)}`);
  }
}
