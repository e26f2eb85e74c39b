// vizmine's command line: `npm run vizmine -- <command>`. Each command is a thin shell over lib/.
import { Command } from 'commander';
import { closeAllDatabases } from '../lib/db/client';
import { importCommand } from './commands/import';
import {
  createStrategyCommand,
  exportSampleCommand,
  listStrategiesCommand,
  previewStrategyCommand,
  runStrategyCommand,
} from './commands/strategy';
import { importMetaKaggleCommand } from './commands/meta-kaggle';
import { agreementCommand } from './commands/agreement';
import { reproduceCommand, workersCommand } from './commands/reproduce';
import { searchCommand } from './commands/search';
import { analyseCommand } from './commands/analyse';
import { moveBlobsCommand } from './commands/blobs';
import { dataDirOption } from './options';

const program = new Command('vizmine')
  .description('A workbench for the visualisations in Kaggle notebooks')
  .addOption(dataDirOption())
  .showHelpAfterError();

program
  .command('import')
  .description('import notebooks from .ipynb files, folders (searched recursively) and .zip archives')
  .argument('<paths...>', 'files, folders or zip archives')
  .option('--json', 'print one JSON object per file (file, status, error, notebookId, cells, visualisations)')
  .option('--no-derivatives', 'skip thumbnails and perceptual hashes (the app computes them in the background)')
  .action(async (paths: string[], opts) => exit(await importCommand(paths, { ...opts, ...program.opts() })));

program
  .command('analyse')
  .description('analyse notebooks (no database): visualisations with chart type, library, ML stage and slice; lints; stages; datasets, models, metrics')
  .argument('<paths...>', '.ipynb files, folders (searched recursively) or .zip archives')
  .option('--json', 'print one JSON object per file (file, status, error, notebook, visualisations)')
  .option('--ocr', 'read the images (OCR, panel layout) where the code leaves a label open (about a second per such figure)')
  .action(async (paths: string[], opts) => exit(await analyseCommand(paths, opts)));

const id = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`not an id: ${v}`);
  return n;
};
const sourceOption = ['--source <source>', 'where to find notebooks: api (the Kaggle API) or meta-kaggle (imported tables)', 'api'] as const;

const strategy = program.command('strategy').description('saved Kaggle search strategies');
strategy
  .command('create')
  .description('save a strategy from a JSON file (the format is in the README)')
  .requiredOption('--file <file>', 'strategy JSON')
  .option('--json', 'print the saved strategy as JSON')
  .action(async (opts) => exit(await createStrategyCommand({ ...program.opts(), ...opts })));
strategy
  .command('list')
  .option('--json', 'one JSON object per strategy')
  .action(async (opts) => exit(await listStrategiesCommand({ ...program.opts(), ...opts })));
strategy
  .command('preview')
  .description('how many notebooks the strategy matches and samples, without downloading')
  .argument('<id>', 'strategy id', id)
  .option(...sourceOption)
  .option('--json', 'print the preview as JSON')
  .action(async (sid: number, opts) => exit(await previewStrategyCommand(sid, { ...program.opts(), ...opts })));
strategy
  .command('run')
  .description('run the strategy now: list, sample, download and import; prints progress, then a summary')
  .argument('<id>', 'strategy id', id)
  .option(...sourceOption)
  .option('--resume <runId>', 'resume this unfinished run instead of starting a new one', id)
  .option('--json', 'progress as JSON lines on stderr, the summary as JSON on stdout')
  .action(async (sid: number, opts) => exit(await runStrategyCommand(sid, { ...program.opts(), ...opts })));

program
  .command('sample')
  .description('the sample a collection run drew')
  .command('export')
  .argument('<runId>', 'collection run id', id)
  .option('--csv', 'as CSV (the default and only format)')
  .action(async (runId: number) => exit(await exportSampleCommand(runId, program.opts())));

program
  .command('meta-kaggle')
  .description('the Meta Kaggle CSV dump, for strategies run offline')
  .command('import')
  .argument('<folder>', 'folder holding Kernels.csv, KernelVersions.csv, Users.csv, Competitions.csv, …')
  .option('--restart', 'forget earlier progress and read every file again')
  .option('--json', 'one JSON summary per file; progress as JSON lines on stderr')
  .action(async (folder: string, opts) => exit(await importMetaKaggleCommand(folder, { ...program.opts(), ...opts })));

program
  .command('agreement')
  .description('inter-rater agreement of a codings CSV (the codings export format): overall and per code')
  .argument('<codings.csv>', 'one row per coding: item, coder, code_path (consensus rows are left out)')
  .option('--json', 'the report as JSON')
  .action((file: string, opts) => exit(agreementCommand(file, opts)));

program
  .command('reproduce')
  .description('re-execute notebooks in containers (or on this machine): queues jobs that workers run')
  .argument('[notebookIds...]', 'notebook ids', (v: string, all: number[] = []) => [...all, id(v)])
  .option('--all', 'every imported notebook')
  .option('--strategy-run <id>', 'the notebooks a collection run imported', id)
  .option('--executor <kind>', 'container or host (default: containers when a live worker offers them)')
  .option('--cell-timeout <s>', 'seconds a cell may run', Number)
  .option('--total-timeout <s>', 'seconds the whole notebook may run', Number)
  .option('--memory <mb>', 'container memory limit in MB', Number)
  .option('--preflight', 'only check what each notebook needs that its runtime lacks (modules, datasets); queue nothing')
  .option('--skip-blocked', 'leave out notebooks the pre-flight check finds blocked (a missing module or dataset)')
  .option('--run-missing-datasets', 'run notebooks even when a data source they read is missing (else recorded as missing_datasets)')
  .option('--wait', 'wait for the results and print one per notebook; with no live worker, run the jobs in this process')
  .option('--json', 'with --wait: one JSON object per notebook (status, exception, failing cell, duration, figures before/after and matched)')
  .action(async (ids: number[] | undefined, opts) => {
    if (!opts.all && !opts.strategyRun && !ids?.length) throw new Error('name notebook ids, --all or --strategy-run <id>');
    if (opts.executor && !['container', 'host'].includes(opts.executor)) throw new Error(`--executor must be container or host, not ${opts.executor}`);
    exit(await reproduceCommand(ids ?? [], { ...program.opts(), ...opts }));
  });

program
  .command('workers')
  .description('the workers sharing this database: host, pid, concurrency, heartbeat, current jobs')
  .option('--watch', 'refresh every 2 s')
  .option('--json', 'as JSON')
  .action(async (opts) => exit(await workersCommand({ ...program.opts(), ...opts })));

program
  .command('search')
  .description('full-text search over markdown (stemmed) and code (names, dotted calls): "phrase", -word, or')
  .argument('<query>', 'what to look for')
  .option('--kind <kind>', 'markdown or code (default: both)')
  .option('--limit <n>', 'how many hits (default 30, at most 200)', Number)
  .option('--exact', 'rank every matching cell (slower for common words; by default the first 2,000 matches found are ranked)')
  .option('--json', 'one JSON object per hit: notebookId, cell, kind, snippet, highlights, rank')
  .action(async (query: string, opts) => exit(await searchCommand(query, { ...program.opts(), ...opts })));

const blobsCmd = program.command('blobs').description('the image store (VIZMINE_BLOB_STORE=folder|postgres|s3)');
blobsCmd
  .command('move')
  .description("copy the corpus's blobs and thumbnails into another store, verified by hash; resumable")
  .requiredOption('--to <store>', 'folder, postgres or s3')
  .option('--from <store>', 'folder, postgres or s3 (default: VIZMINE_BLOB_STORE, else folder)')
  .action(async (opts) => exit(await moveBlobsCommand({ ...program.opts(), ...opts })));

// Ctrl-C or a closed terminal: release the database (and its embedded server) before leaving.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    process.stderr.write(`\nvizmine: stopping (${signal}); an interrupted import or run resumes when started again\n`);
    void closeAllDatabases().finally(() => process.exit(130));
  });
}

// Explicit exits: open handles (database pools) must not keep a finished command alive.
function exit(code: number): never {
  process.exit(code);
}

program.parseAsync().catch((e: Error) => {
  console.error(`vizmine: ${e.message}`);
  process.exit(1);
});
