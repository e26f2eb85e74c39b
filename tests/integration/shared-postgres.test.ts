import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { getDatabase, openDatabase } from '../../lib/db/client';
import { freePort } from '../../lib/net/free-port';
import { createTestStore } from '../helpers/db';

// The web app, the CLI and workers open the same data dir: one embedded server, shared, stopped by the last.
describe('the embedded PostgreSQL of a data dir', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vizmine-shared-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const running = () => fs.existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'));

  it('is started by the first opener, joined by the next, and stopped when the last one closes', async () => {
    const first = await openDatabase({ dataDir, url: undefined });
    expect(running()).toBe(true);
    const second = await openDatabase({ dataDir });
    expect(second.url).toBe(first.url);
    await first.db.execute(sql`create table shared_probe (x int)`);
    await second.db.execute(sql`insert into shared_probe values (42)`);

    await first.close();
    expect(running()).toBe(true); // the second still uses it
    const rows = await second.db.execute<{ x: number }>(sql`select x from shared_probe`);
    expect(rows[0].x).toBe(42);

    await second.close();
    expect(running()).toBe(false);
  });

  it('keeps its data across restarts and applies migrations once', async () => {
    const again = await openDatabase({ dataDir });
    const rows = await again.db.execute<{ x: number }>(sql`select x from shared_probe`);
    expect(rows[0].x).toBe(42);
    const migrations = await again.db.execute<{ n: string }>(sql`select count(*) as n from drizzle.__drizzle_migrations`);
    expect(Number(migrations[0].n)).toBe(fs.readdirSync(path.resolve('drizzle')).filter((f) => f.endsWith('.sql')).length);
    await again.close();
  });
});

// Route handlers share one store per process: a failed first open must not stick.
describe('the process-wide store (getDatabase)', () => {
  it('tries again after a failed open instead of keeping the failure', async () => {
    const before = process.env.DATABASE_URL;
    const store = await createTestStore();
    try {
      process.env.DATABASE_URL = `postgres://nobody:nothing@127.0.0.1:${await freePort()}/postgres`; // nothing listens
      await expect(getDatabase()).rejects.toThrow();
      process.env.DATABASE_URL = store.url;
      const shared = await getDatabase();
      expect(shared.url).toBe(store.url);
      await shared.close();
    } finally {
      if (before === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = before;
      await store.close();
    }
  });
});
