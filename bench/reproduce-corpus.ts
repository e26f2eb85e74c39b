// npm run bench:reproduce-corpus [-- <folder>]: every Python notebook of a folder (default: the shared corpus)
// imported into a scratch data dir, checked by the pre-flight, then reproduced one at a time with the container
// executor (120 s per notebook, run even when a dataset is missing: the question is which modules stop them).
// Prints the status counts, the share of notebooks not stopped by a missing module, the modules still missing,
// and writes one JSON line per notebook to $OUT (default /tmp/vizmine-reproduce-corpus.jsonl).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../lib/db/client';
import { executorConfigSchema, RUNNER_IMAGE } from '../lib/execute/config';
import { createContainerExecutor } from '../lib/execute/container-executor';
import { containerUnavailableReason, dockerFromEnv } from '../lib/execute/docker';
import { preflightNotebooks } from '../lib/execute/preflight/preflight-notebooks';
import { reproduceNotebook } from '../lib/execute/reproduce-notebook';
import { importNotebook } from '../lib/ingest/import-notebook';

const folder = process.argv[2] ?? path.resolve('../shared/corpus/notebooks');
const out = process.env.OUT ?? '/tmp/vizmine-reproduce-corpus.jsonl';
const docker = dockerFromEnv();
const why = await containerUnavailableReason(docker, RUNNER_IMAGE);
if (why) throw new Error(why);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vizmine-bench-corpus-'));
const store = await openDatabase({ dataDir });
const blobDir = path.join(dataDir, 'blobs');

const ids: number[] = [];
for (const file of fs.readdirSync(folder).filter((f) => f.endsWith('.ipynb')).sort()) {
  const r = await importNotebook(store.db, { file, bytes: fs.readFileSync(path.join(folder, file)), blobDir });
  if (r.notebookId && (r.status === 'imported' || r.status === 'duplicate') && !ids.includes(r.notebookId)) ids.push(r.notebookId); // R notebooks are rejected at import
}
const pre = await preflightNotebooks(store.db, dataDir, ids, 'container');
console.log(`${ids.length} Python notebooks; image ${pre.images[0].image} (${pre.images[0].modules} top-level modules, Python ${pre.images[0].python})`);
console.log(`pre-flight: ${pre.notebooks.filter((n) => n.missingModules.length).length} need a module the image lacks; top: ${pre.blockers.filter((b) => b.kind === 'module').slice(0, 15).map((b) => `${b.name} ${b.notebooks}`).join(', ')}`);

const executor = createContainerExecutor(docker!, RUNNER_IMAGE);
const config = executorConfigSchema.parse({ executor: 'container', cellTimeoutS: 120, totalTimeoutS: 120, memoryMb: 4096, cpus: 1 });
fs.writeFileSync(out, '');
const t0 = Date.now();
const rows: Array<{ status: string; exceptionType: string | null; module: string | null }> = [];
for (const [i, notebookId] of ids.entries()) {
  const e = (await reproduceNotebook({ db: store.db, blobDir, dataDir, executor, workerId: 'bench', jobId: crypto.randomUUID() }, { notebookId, config, runMissingDatasets: true }))!;
  const module = e.exceptionType === 'ModuleNotFoundError' ? (/No module named '([^'.]+)/.exec(e.exceptionMessage ?? '')?.[1] ?? null) : null;
  const p = pre.notebooks.find((n) => n.notebookId === notebookId)!;
  const line = { notebookId, title: p.title, status: e.status, exceptionType: e.exceptionType, exceptionMessage: e.exceptionMessage?.slice(0, 200), module, seconds: e.seconds, figuresBefore: e.figuresBefore, figuresAfter: e.figuresAfter, preflightMissingModules: p.missingModules, preflightMissingDatasets: p.missingDatasets.length };
  fs.appendFileSync(out, JSON.stringify(line) + '\n');
  rows.push({ status: e.status, exceptionType: e.exceptionType, module });
  console.log(`[${i + 1}/${ids.length}] ${p.title}: ${e.status}${e.exceptionType ? ` ${e.exceptionType}` : ''}${module ? ` (${module})` : ''} ${e.seconds.toFixed(1)} s`);
}
const count = (xs: string[]) => Object.entries(xs.reduce<Record<string, number>>((m, x) => ((m[x] = (m[x] ?? 0) + 1), m), {})).sort((a, b) => b[1] - a[1]);
const byModule = rows.filter((r) => r.module);
console.log(`\n${rows.length} notebooks in ${((Date.now() - t0) / 60000).toFixed(1)} min`);
console.log('status:', Object.fromEntries(count(rows.map((r) => r.status))));
console.log('exceptions:', Object.fromEntries(count(rows.filter((r) => r.exceptionType).map((r) => r.exceptionType!))));
console.log(`not stopped by a missing module: ${rows.length - byModule.length} of ${rows.length} (${(100 * (1 - byModule.length / rows.length)).toFixed(1)} %)`);
console.log('still missing:', Object.fromEntries(count(byModule.map((r) => r.module!))));
await store.close();
