// npm run bench:analysis-jobs [-- --limit N]: the analysis job's throughput through the real job system.
// Imports the shared corpus (read in place), then, for 1 and then 2 worker processes (workers/index.ts
// --queues analyse:1, as `npm run worker` starts them), queues one analyse job per notebook and times
// the queue draining until every notebook's analysis is stored. Workers start and register before the
// jobs are queued, so their start-up is not counted.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { inArray, sql } from 'drizzle-orm';
import { notebookAnalyses } from '../lib/db/schema';
import { importSources } from '../lib/ingest/import-sources';
import { readSources } from '../lib/ingest/read-sources';
import { stopBoss } from '../lib/jobs/boss';
import { analyse } from '../lib/jobs/definitions/analyse';
import { enqueueJob } from '../lib/jobs/enqueue';
import { killWorkerProcesses, startWorkerProcess, until } from '../tests/helpers/worker-process';
import { loadAverage, openBenchDatabase } from './support/bench-db';

const CORPUS = path.resolve(import.meta.dirname, '../../shared/corpus/notebooks');
const argv = process.argv.slice(2);
const limit = argv.includes('--limit') ? Number(argv[argv.indexOf('--limit') + 1]) : Infinity;

const bench = await openBenchDatabase('analysis-jobs');
const { store } = bench;
try {
  const results = await importSources(store.db, readSources([CORPUS]), { blobDir: path.join(store.dataDir, 'blobs') });
  const ids = results.flatMap((r) => (r.status === 'imported' && r.notebookId ? [r.notebookId] : [])).slice(0, limit);
  // What a real notebook costs in storage (docs/scale.md): the database and the blob folder after import.
  const [{ db }] = await store.db.execute<{ db: number }>(sql`select pg_database_size(current_database())::float8 as db`);
  const blobs = Number(execFileSync('du', ['-sb', path.join(store.dataDir, 'blobs')]).toString().split('\t')[0]);
  const mb = (b: number) => (b / 1e6).toFixed(1);
  console.log(`imported ${ids.length} notebooks from ${CORPUS}: database ${mb(Number(db))} MB, blobs ${mb(blobs)} MB ` +
    `(${mb((Number(db) + blobs) / ids.length)} MB per notebook, the database's fixed part included)`);

  for (const workers of [1, 2]) {
    await store.db.delete(notebookAnalyses).where(inArray(notebookAnalyses.notebookId, ids));
    const procs = Array.from({ length: workers }, () => startWorkerProcess(store, { args: ['--queues', 'analyse:1'] }));
    await until('the workers to start', async () => procs.every((p) => p.output().includes('[worker] running')), 120_000);
    const load = loadAverage();
    const t = performance.now();
    for (const notebookId of ids) await enqueueJob(store, analyse, { notebookId });
    await until('every notebook analysed', async () => {
      const [{ n }] = await store.db.execute<{ n: number }>(sql`select count(*)::int as n from notebook_analyses where notebook_id in ${ids}`);
      return Number(n) >= ids.length;
    }, 30 * 60_000);
    const s = (performance.now() - t) / 1000;
    const [{ failed }] = await store.db.execute<{ failed: number }>(sql`select count(*)::int as failed from notebook_analyses where status = 'failed'`);
    console.log(`${workers} worker${workers > 1 ? 's' : ' '} (analyse:1 each): ${ids.length} notebooks in ${s.toFixed(1)} s = ` +
      `${(ids.length / s).toFixed(2)} notebooks/s (${failed} failed analyses)  load before ${load}, after ${loadAverage()}`);
    await Promise.all(procs.map((p) => p.stop()));
  }
} finally {
  killWorkerProcesses();
  await stopBoss(store.url);
  await bench.dispose();
}
