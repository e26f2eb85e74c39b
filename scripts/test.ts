// `npm test`: build the web app once (the e2e tests run the production server), then every test
// project. With CI=true nothing may be skipped: tests needing Chromium fail if it is missing.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';

const run = (args: string[]) => spawnSync(process.execPath, args, { stdio: 'inherit', env: process.env }).status ?? 1;
const extra = process.argv.slice(2);

// The projects asked for, as `--project e2e` or `--project=e2e`; none named means all of them.
const projects = extra.flatMap((a, i) => (a.startsWith('--project=') ? [a.slice('--project='.length)] : a === '--project' ? [extra[i + 1]] : []));
// Types are checked here rather than inside `next build` (next.config.mjs skips it, which saves the
// first `npm start` minutes): the whole suite checks them beside the build, on the other core.
const types =
  projects.length === 0
    ? new Promise<number>((resolve) =>
        spawn(process.execPath, [path.resolve('node_modules/typescript/bin/tsc'), '--noEmit', '-p', '.'], { stdio: 'inherit' }).on('exit', (code) => resolve(code ?? 1)),
      )
    : Promise.resolve(0);
if (projects.length === 0 || projects.includes('e2e')) {
  console.log('[test] building the web app for the end-to-end tests…');
  const status = run([path.resolve('node_modules/next/dist/bin/next'), 'build']);
  if (status !== 0) process.exit(status);
}
if ((await types) !== 0) {
  console.error('[test] type errors (above): fix them first (`npm run typecheck`)');
  process.exit(1);
}
process.exit(run([path.resolve('node_modules/vitest/vitest.mjs'), 'run', ...extra]));
