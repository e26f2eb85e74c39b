import path from 'node:path';
import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { dataDir as defaultDataDir } from '../config';
import * as schema from './schema';
import { startSharedPostgres } from './embedded';
import { migrateDb } from './migrate';

export type Db = PostgresJsDatabase<typeof schema> & { $client: postgres.Sql };

export interface Database {
  db: Db;
  url: string;
  dataDir: string;
  close(): Promise<void>;
}

/**
 * Opens the store: the PostgreSQL at `url` (or DATABASE_URL), else the embedded server of the
 * data dir, shared with any other vizmine process using it. Migrations are applied on open.
 */
export async function openDatabase(opts: { url?: string; dataDir?: string; max?: number } = {}): Promise<Database> {
  const dataDir = path.resolve(/*turbopackIgnore: true*/ opts.dataDir ?? defaultDataDir());
  const explicitUrl = opts.url ?? process.env.DATABASE_URL;
  const embedded = explicitUrl ? null : await startSharedPostgres(dataDir);
  const url = explicitUrl ?? embedded!.url;
  try {
    await migrateDb(url);
  } catch (e) {
    await embedded?.release();
    throw e;
  }
  const client = postgres(url, { max: opts.max ?? 10, onnotice: () => {} });
  const db = drizzle(client, { schema, casing: 'snake_case' }) as Db;
  const database: Database = {
    db,
    url,
    dataDir,
    async close() {
      open.delete(database);
      await client.end({ timeout: 5 });
      await embedded?.release();
    },
  };
  open.add(database);
  return database;
}

const open = new Set<Database>();

/**
 * Closes every store this process opened: for signal handlers, so that Ctrl-C on a command gives
 * back its lease and the embedded server stops when nobody else uses it.
 */
export async function closeAllDatabases(): Promise<void> {
  await Promise.allSettled([...open].map((d) => d.close()));
}

let shared: Promise<Database> | null = null;

/**
 * The process-wide store used by route handlers (one pool per server process). A failed open is
 * not kept: the next request tries again (a database briefly down at start must not break the app for good).
 */
export function getDatabase(): Promise<Database> {
  shared ??= openDatabase().catch((e) => {
    shared = null;
    throw e;
  });
  return shared;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

/**
 * The postgres.js client under a drizzle handle, for bulk inserts on hot paths. Inside a drizzle
 * transaction that is the transaction's own connection (drizzle keeps it on its session).
 */
export function rawSql(db: Db): postgres.Sql {
  const session = (db as unknown as { session?: { client?: postgres.Sql } }).session;
  return session?.client ?? db.$client;
}
