import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../lib/db/client';

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
