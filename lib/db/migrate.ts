import path from 'node:path';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';

// Any number of processes may open the same database at once: a session advisory lock on a
// single-connection client makes the first one apply pending migrations while the others wait.
const MIGRATION_LOCK = 0x76697a6d; // 'vizm'

export function migrationsFolder(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.VIZMINE_MIGRATIONS_DIR ?? path.join(process.cwd(), 'drizzle'));
}

export async function migrateDb(url: string): Promise<void> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migrate(drizzle(client), { migrationsFolder: migrationsFolder() });
    await client`select pg_advisory_unlock(${MIGRATION_LOCK})`;
  } finally {
    await client.end();
  }
}
