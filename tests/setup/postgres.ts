import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startSharedPostgres } from '../../lib/db/embedded';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/**
 * One throwaway embedded PostgreSQL cluster for the run (a real server, never a mock).
 * Each test file creates its own database on it (tests/helpers/db.ts).
 */
export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vizmine-test-pg-'));
  const server = await startSharedPostgres(dir);
  project.provide('databaseUrl', server.url);
  return async () => {
    await server.release();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
