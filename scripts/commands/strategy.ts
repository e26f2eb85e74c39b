import fs from 'node:fs';
import { openDatabase } from '../../lib/db/client';
import { blobDir } from '../../lib/config';
import { createStrategy, getStrategy, listStrategies } from '../../lib/kaggle/strategies';
import { strategyInput } from '../../lib/kaggle/strategy-schema';
import { previewStrategy } from '../../lib/kaggle/preview';
import { sourceFor } from '../../lib/kaggle/runs/source-for';
import { getRun, type RunSource } from '../../lib/kaggle/runs/run-state';
import { hasLiveJob, resumeCollectionRun, startCollectionRun } from '../../lib/jobs/enqueue-collection';
import { startWorker } from '../../lib/jobs/worker';
import { stopBoss } from '../../lib/jobs/boss';
import { exportSampleCsv } from '../../lib/kaggle/runs/export-sample';
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

/**
 * Runs a strategy (or resumes an unfinished run with --resume) and waits for it, printing progress.
 * The run is a `collect` job like any other: this process serves the collect queue meanwhile, so no
 * other worker is needed (one that is running may take the job just as well).
 */
export async function runStrategyCommand(id: number, opts: Global & { source: RunSource; resume?: number }): Promise<number> {
  const run = await withStore(opts, async (store) => {
    const runId = (opts.resume ? await resumeCollectionRun(store, opts.resume) : await startCollectionRun(store, id, opts.source)).id;
    const worker = await startWorker({ store, blobDir: blobDir(store.dataDir), executors: [], queues: new Map([['collect', 1]]), log: (m) => /failed/.test(m) && console.error(m) });
    const bar = opts.json ? null : progress(`run ${runId}`);
    try {
      for (let last = ''; ; await new Promise((r) => setTimeout(r, 500))) {
        const r = await getRun(store.db, runId);
        const line = { runId: r.id, status: r.status, phase: r.phase, found: r.found, sampled: r.sampled, downloaded: r.downloaded, imported: r.imported, duplicates: r.duplicates, failed: r.failed };
        if (JSON.stringify(line) !== last) {
          last = JSON.stringify(line);
          if (opts.json) process.stderr.write(JSON.stringify({ progress: line }) + '\n');
          else bar!.update(r.imported + r.duplicates + r.failed, r.sampled, `${r.phase ?? 'starting'}: found ${r.found}, sampled ${r.sampled}, imported ${r.imported}, duplicates ${r.duplicates}, failed ${r.failed}`);
        }
        if (r.status !== 'queued' && r.status !== 'running') return r;
        // Its job ended without finishing it (out of retries): say so rather than wait forever.
        if (!(await hasLiveJob(store, runId)) && ['queued', 'running'].includes((await getRun(store.db, runId)).status)) {
          throw new Error(`run ${runId} has no job left (its attempts failed: see the Runs page); resume it with --resume ${runId}`);
        }
      }
    } finally {
      bar?.stop();
      await worker.stop();
      await stopBoss(store.url);
    }
  });
  const summary = { runId: run.id, strategyId: run.strategyId, source: run.source, status: run.status, found: run.found, sampled: run.sampled, downloaded: run.downloaded, imported: run.imported, duplicates: run.duplicates, failed: run.failed, error: run.error };
  print(opts.json, summary, `run ${run.id} ${run.status}: ${run.imported} imported, ${run.duplicates} duplicates, ${run.failed} failed of ${run.sampled} sampled`);
  return run.status === 'done' ? 0 : 1;
}

export async function exportSampleCommand(runId: number, opts: Global): Promise<number> {
  process.stdout.write(await withStore(opts, (store) => exportSampleCsv(store.db, runId)));
  return 0;
}
