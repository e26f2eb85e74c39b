// vizmine's command line: `npm run vizmine -- <command>`. Each command is a thin shell over lib/.
import { Command } from 'commander';
import { importCommand } from './commands/import';

const program = new Command('vizmine')
  .description('A workbench for the visualisations in Kaggle notebooks')
  .option('--data-dir <dir>', 'data directory (blobs, embedded database); default ./.vizmine or VIZMINE_DATA_DIR')
  .showHelpAfterError();

program
  .command('import')
  .description('import notebooks from .ipynb files, folders (searched recursively) and .zip archives')
  .argument('<paths...>', 'files, folders or zip archives')
  .option('--json', 'print one JSON object per file (file, status, error, notebookId, cells, visualisations)')
  .option('--no-derivatives', 'skip thumbnails and perceptual hashes (the app computes them in the background)')
  .action(async (paths: string[], opts) => exit(await importCommand(paths, { ...opts, ...program.opts() })));

// Explicit exits: open handles (database pools) must not keep a finished command alive.
function exit(code: number): never {
  process.exit(code);
}

program.parseAsync().catch((e: Error) => {
  console.error(`vizmine: ${e.message}`);
  process.exit(1);
});
