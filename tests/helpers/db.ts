import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../lib/db/client';

export interface TestStore extends Database {
  blobDir: string;
  dataDir: string;
}

/** A fresh, migrated database (and data dir) on the run's throwaway cluster; close() drops both. */
export async function createTestStore(): Promise<TestStore> {
  const serverUrl = inject('databaseUrl');
  const name = `vizmine_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = serverUrl.replace(/\/postgres$/, `/${name}`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vizmine-test-data-'));
  const store = await openDatabase({ url, dataDir });
  return {
    ...store,
    dataDir,
    blobDir: path.join(dataDir, 'blobs'),
    async close() {
      await store.close();
      const a = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
