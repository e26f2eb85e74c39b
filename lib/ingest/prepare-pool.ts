import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { Piscina } from 'piscina';
import type { PreparedNotebook } from './prepare-notebook';

/**
 * Prepares one file in a thread. Bytes that own their whole ArrayBuffer (a file as fs reads it) are
 * moved there, not copied: the caller must not use them afterwards (they read as empty). A view into
 * a shared buffer (a small Buffer, a subarray) is copied. With `blobDir` (the blob store is a folder)
 * the thread writes the images itself and hands back no image bytes (prepare-worker.ts).
 */
export type Prepare = (file: string, bytes: Uint8Array, blobDir?: string) => Promise<PreparedNotebook>;
export interface PreparePool {
  prepare: Prepare;
  threads: number;
  /** Starts every thread now (bundling the worker, loading it), instead of on the first files. */
  start: () => Promise<void>;
}

/** Threads preparing notebooks: one per core, or VIZMINE_IMPORT_THREADS (0 = prepare in the calling thread). */
export function importThreads(env = process.env): number {
  const set = env.VIZMINE_IMPORT_THREADS;
  if (set === undefined || set === '') return os.availableParallelism();
  const n = Number(set);
  if (!Number.isInteger(n) || n < 0) throw new Error(`VIZMINE_IMPORT_THREADS must be a whole number ≥ 0; it is ${JSON.stringify(set)}`);
  return n;
}

let pool: Promise<Piscina> | null = null;

/**
 * prepareNotebook in a pool of worker threads: parsing, validation, extraction, hashing and base64
 * decoding are CPU work, so both cores do it, while the calling thread keeps the database writes.
 * Null when threads are off. One pool per process (sized by the first call), started on first use;
 * idle threads exit after a few seconds, so they hold no process open.
 */
export function preparePool(threads = importThreads()): PreparePool | null {
  if (threads === 0) return null;
  // execArgv []: threads must not inherit tsx's loader from a `tsx` process; it cost each ~0.6 s of CPU for nothing.
  pool ??= workerFile().then((filename) => new Piscina({ filename, minThreads: 0, maxThreads: threads, idleTimeout: 5000, execArgv: [] }));
  // Copying a file to a thread cost the main thread more than reading it (fresh memory is slow to touch).
  const owned = (b: Uint8Array) => b.byteOffset === 0 && b.byteLength === b.buffer.byteLength && b.buffer instanceof ArrayBuffer;
  return {
    prepare: async (file, bytes, blobDir) => (await pool!).run({ file, bytes, blobDir }, owned(bytes) ? { transferList: [bytes.buffer as ArrayBuffer] } : {}),
    threads,
    // One empty file per thread, all at once, so that each is started (an empty file fails at once).
    start: async () => {
      const p = await pool!;
      await Promise.all(Array.from({ length: threads }, () => p.run({ file: '', bytes: new Uint8Array(0) })));
    },
  };
}

/** Stops the pool's threads (tests, and commands that must exit at once). */
export async function closePreparePool(): Promise<void> {
  const p = pool;
  pool = null;
  await (await p)?.destroy();
}

/**
 * The worker's TypeScript bundled into one plain JavaScript file (esbuild, ~50 ms): a thread loads it
 * in milliseconds under node, tsx and vitest alike, where loading TypeScript through tsx in each thread
 * cost ~0.8 s of CPU. Named by content hash, so concurrent processes share it and an edit makes a new one.
 */
async function workerFile(): Promise<string> {
  const entry = fileURLToPath(new URL('./prepare-worker.ts', import.meta.url));
  const out = await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', target: 'node20', write: false, logLevel: 'silent' });
  const code = out.outputFiles[0].contents;
  const file = path.join(os.tmpdir(), `vizmine-prepare-worker-${crypto.createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
  if (!fs.existsSync(file)) {
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, code);
    fs.renameSync(tmp, file);
  }
  return file;
}
