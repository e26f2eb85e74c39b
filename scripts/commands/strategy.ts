import fs from 'node:fs';
import { openDatabase } from '../../lib/db/client';
import { blobDir } from '../../lib/config';
import { createStrategy, getStrategy, listStrategies } from '../../lib/kaggle/strategies';
import { strategyInput } from '../../lib/kaggle/strategy-schema';
import { previewStrategy } from '../../lib/kaggle/preview';
import { sourceFor } from '../../lib/kaggle/runs/source-for';
import { reclaimFromDeadLocalWorker, startRun, type RunSource } from '../../lib/kaggle/runs/run-state';
import { runCollections } from '../../lib/kaggle/runs/run-collections';
import { enqueueAfterRun } from '../../lib/jobs/enqueue';
import { exportSampleCsv } from '../../lib/kaggle/runs/export-sample';
import type { StrategyRun } from '../../lib/db/schema';
import { progress } from '../progress';

type Global = { dataDir?: string; json?: boolean };

async function withStore<T>(opts: Global, fn: (store: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const store = await openDatabase({ dataDir: opts.dataDir });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

const print = (json: boolean | undefined, value: unknown, text: string) => console.log(json ? JSON.stringify(value) : text);

export async function createStrategyCommand(opts: Global & { file: string }): Promise<number> {
  const input = strategyInput.parse(JSON.parse(fs.readFileSync(opts.file, 'utf8')));
  const s = await withStore(opts, (store) => createStrategy(store.db, input));
  print(opts.json, s, `strategy ${s.id} "${s.name}" saved`);
  return 0;
}

export async function listStrategiesCommand(opts: Global): Promise<number> {
  const list = await withStore(opts, (store) => listStrategies(store.db));
  if (opts.json) for (const s of list) console.log(JSON.stringify(s));
  else if (list.length === 0) console.log('no strategies yet: vizmine strategy create --file strategy.json');
  else for (const s of list) console.log(`${String(s.id).padStart(4)}  ${s.name}  (${s.runs} runs)`);
  return 0;
}

export async function previewStrategyCommand(id: number, opts: Global & { source: RunSource }): Promise<number> {
  const preview = await withStore(opts, async (store) => {
    const s = await getStrategy(store.db, id);
    return previewStrategy(await sourceFor(store.db, store.dataDir, opts.source), s.definition);
  });
  print(opts.json, preview, `${preview.found} notebooks match, ${preview.sampled} sampled, from ${preview.competitions.length} competitions`);
  return 0;
}

/** Runs a strategy in the foreground (or resumes an unfinished run with --resume), printing progress. */
export async function runStrategyCommand(id: number, opts: Global & { source: RunSource; resume?: number }): Promise<number> {
  const run = await withStore(opts, async (store) => {
    const runId = opts.resume ?? (await startRun(store.db, id, opts.source)).id;
    if (opts.resume) await reclaimFromDeadLocalWorker(store.db, runId);
    const bar = opts.json ? null : progress(`run ${runId}`);
    const onProgress = (r: StrategyRun) => {
      const line = { runId: r.id, status: r.status, phase: r.phase, found: r.found, sampled: r.sampled, downloaded: r.downloaded, imported: r.imported, duplicates: r.duplicates, failed: r.failed };
      if (opts.json) process.stderr.write(JSON.stringify({ progress: line }) + '\n');
      else bar!.update(r.imported + r.duplicates + r.failed, r.sampled, `${r.phase ?? 'starting'}: found ${r.found}, sampled ${r.sampled}, imported ${r.imported}, duplicates ${r.duplicates}, failed ${r.failed}`);
    };
    const [done] = await runCollections(store.db, { dataDir: store.dataDir, blobDir: blobDir(store.dataDir), onlyRunId: runId, onProgress }).finally(() => bar?.stop());
    if (!done) throw new Error(`run ${runId} is not waiting to run (done, cancelled, or being run by a live worker)`);
    await enqueueAfterRun(store, runId, (m) => console.error(m)); // workers analyse and thumbnail what it imported
    return done;
  });
  const summary = { runId: run.id, strategyId: run.strategyId, source: run.source, status: run.status, found: run.found, sampled: run.sampled, downloaded: run.downloaded, imported: run.imported, duplicates: run.duplicates, failed: run.failed, error: run.error };
  print(opts.json, summary, `run ${run.id} ${run.status}: ${run.imported} imported, ${run.duplicates} duplicates, ${run.failed} failed of ${run.sampled} sampled`);
  return run.status === 'done' ? 0 : 1;
}

export async function exportSampleCommand(runId: number, opts: Global): Promise<number> {
  process.stdout.write(await withStore(opts, (store) => exportSampleCsv(store.db, runId)));
  return 0;
}
