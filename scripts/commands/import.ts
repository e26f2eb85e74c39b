import path from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import { openDatabase } from '../../lib/db/client';
import { blobDir } from '../../lib/config';
import { countSources } from '../../lib/ingest/count-sources';
import { readSources } from '../../lib/ingest/read-sources';
import { importSources } from '../../lib/ingest/import-sources';
import { computeDerivatives } from '../../lib/extract/compute-derivatives';
import type { ImportResult } from '../../lib/ingest/types';

interface Options {
  json?: boolean;
  derivatives: boolean;
  dataDir?: string;
}

/** Returns the exit code: 2 when any file failed, so scripts can tell. */
export async function importCommand(paths: string[], opts: Options): Promise<number> {
  const store = await openDatabase({ dataDir: opts.dataDir });
  const blobs = blobDir(store.dataDir);
  try {
    // The bar goes to stderr so `--json` output on stdout stays one clean object per line.
    const bar = new SingleBar(
      { format: 'importing [{bar}] {value}/{total} files | {eta_formatted} left | {file}', stream: process.stderr, hideCursor: true },
      Presets.shades_classic,
    );
    const showBar = process.stderr.isTTY;
    // Counting reads every zip an extra time: only for a bar someone watches (not in scripts or CI).
    if (showBar) bar.start(await countSources(paths), 0, { file: '' });
    const tally: Record<ImportResult['status'], number> = { imported: 0, duplicate: 0, rejected: 0, failed: 0 };
    await importSources(store.db, readSources(paths), {
      blobDir: blobs,
      onResult(r) {
        tally[r.status]++;
        if (showBar) bar.increment({ file: path.basename(r.file) });
        if (opts.json) process.stdout.write(JSON.stringify(r) + '\n');
        else if (r.error) process.stderr.write(`${clearLine()}${r.status}: ${r.file}: ${r.error.message}\n`);
      },
    });
    if (showBar) bar.stop();
    if (opts.derivatives) await derivatives(store.db, blobs, opts.json ?? false);
    if (!opts.json) {
      console.log(
        `${tally.imported} imported, ${tally.duplicate} already there, ${tally.rejected} rejected, ${tally.failed} failed`,
      );
    }
    return tally.failed > 0 ? 2 : 0;
  } finally {
    await store.close();
  }
}

async function derivatives(db: Parameters<typeof computeDerivatives>[0], blobs: string, quiet: boolean) {
  const t0 = Date.now();
  const n = await computeDerivatives(db, blobs, {
    onProgress: (done) => {
      if (!quiet && process.stderr.isTTY) process.stderr.write(`${clearLine()}thumbnails and hashes: ${done}`);
    },
  });
  if (!quiet && n > 0) process.stderr.write(`${clearLine()}thumbnails and hashes: ${n} in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
}

// Erase the progress bar's line before printing over it; plain output when stderr is a file.
function clearLine(): string {
  return process.stderr.isTTY ? '\r\x1b[K' : '';
}
