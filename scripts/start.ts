// `npm start [-- --data-dir DIR --port N --concurrency N]` (`npm run dev` adds --dev): the database
// (embedded unless DATABASE_URL), the web app and one worker serving every job queue (collection runs, reproduction, analysis, thumbnails).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { openDatabase } from '../lib/db/client';
import { startWorkers } from '../workers/start-workers';
import { concurrencyFrom, concurrencyOption, dataDirOption, positiveInt } from './options';

const opts = new Command('start')
  .description('the web app and a worker')
  .addOption(dataDirOption())
  .option('--port <n>', 'port of the web app; default PORT or 3000', positiveInt)
  .addOption(concurrencyOption())
  .option('--dev', 'Next.js development server (no build)')
  .showHelpAfterError()
  .parse()
  .opts<{ dataDir?: string; port?: number; concurrency?: number; dev?: boolean }>();
const dev = opts.dev ?? false;
const port = String(opts.port ?? process.env.PORT ?? '3000');
const nextBin = path.resolve('node_modules/next/dist/bin/next');

const store = await openDatabase({ dataDir: opts.dataDir });
console.log(`[vizmine] database ready (${process.env.DATABASE_URL ? 'DATABASE_URL' : `embedded, in ${store.dataDir}`})`);

if (!dev && buildIsStale()) {
  console.log('[vizmine] building the web app (first start or code changed; about 40 s on 2 cores)…');
  const build = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit' });
  if (build.status !== 0) {
    await store.close();
    process.exit(build.status ?? 1);
  }
}

const web = spawn(process.execPath, [nextBin, dev ? 'dev' : 'start', '-p', port, '-H', process.env.HOST ?? '127.0.0.1'], {
  stdio: 'inherit',
  env: { ...process.env, DATABASE_URL: store.url, VIZMINE_DATA_DIR: store.dataDir },
});
const work = await startWorkers(store, { concurrency: concurrencyFrom(opts.concurrency), log: (m) => console.log(`[worker] ${m}`) });
console.log(`[vizmine] web app on http://localhost:${port} — import with: npm run vizmine -- import <folder|zip|file>`);

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  web.kill('SIGTERM');
  await work.stop();
  await store.close();
  process.exit(code);
}
web.on('exit', (code) => stop(code ?? 0));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

/** A production build is reused until a source file is newer than it. */
function buildIsStale(): boolean {
  const stamp = path.resolve('.next/BUILD_ID');
  if (!fs.existsSync(stamp)) return true;
  const built = fs.statSync(stamp).mtimeMs;
  const newer = (dir: string): boolean =>
    fs.existsSync(dir) &&
    fs.readdirSync(dir, { withFileTypes: true }).some((e) => {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) return newer(full);
      // Unit tests beside the code are not part of the build: editing one needs no rebuild.
      return !/\.test\.tsx?$/.test(e.name) && fs.statSync(full).mtimeMs > built;
    });
  const files = ['package.json', 'package-lock.json', 'next.config.mjs', 'tsconfig.json'];
  return ['app', 'components', 'lib', 'public'].some((d) => newer(path.resolve(d))) || files.some((f) => fs.existsSync(f) && fs.statSync(f).mtimeMs > built);
}
