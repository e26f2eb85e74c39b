import path from 'node:path';
import { openDatabase } from '../../lib/db/client';
import { blobDir } from '../../lib/config';
import { countSources } from '../../lib/ingest/count-sources';
import { readSources } from '../../lib/ingest/read-sources';
import { importSources } from '../../lib/ingest/import-sources';
import { closePreparePool, preparePool } from '../../lib/ingest/prepare-pool';
import { enqueueAfterImport } from '../../lib/jobs/enqueue';
import { computeDerivatives } from '../../lib/extract/compute-derivatives';
import type { ImportResult } from '../../lib/ingest/types';
import { progress } from '../progress';

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
    // Progress goes to stderr so `--json` output on stdout stays one clean object per line (which is
    // itself the progress then). Counting reads every zip's directory an extra time: only for a bar.
    const bar = opts.json ? null : progress('importing');
    const total = process.stderr.isTTY && bar ? await countSources(paths) : 0;
    const tally: Record<ImportResult['status'], number> = { imported: 0, duplicate: 0, rejected: 0, failed: 0 };
    let done = 0;
    const imported: number[] = [];
    await importSources(store.db, readSources(paths), {
      blobDir: blobs,
      pool: preparePool(), // parse and extract in worker threads, one per core
      onResult(r) {
        tally[r.status]++;
        if (r.status === 'imported' && r.notebookId) imported.push(r.notebookId);
        bar?.update(++done, total, path.basename(r.file));
        if (opts.json) process.stdout.write(JSON.stringify(r) + '\n');
        else if (r.error) bar?.log(`${r.status}: ${r.file}: ${r.error.message}`);
      },
    });
    bar?.stop();
    // Workers analyse what was imported (and thumbnail it, unless --derivatives does it here).
    if (imported.length) await enqueueAfterImport(store, imported, (m) => console.error(m));
    if (opts.derivatives) await derivatives(store.db, blobs, opts.json ?? false);
    if (!opts.json) {
      console.log(
        `${tally.imported} imported, ${tally.duplicate} already there, ${tally.rejected} rejected, ${tally.failed} failed`,
      );
    }
    return tally.failed > 0 ? 2 : 0;
  } finally {
    await closePreparePool();
    await store.close();
  }
}

async function derivatives(db: Parameters<typeof computeDerivatives>[0], blobs: string, quiet: boolean) {
  const t0 = Date.now();
  const bar = quiet ? null : progress('thumbnails and hashes');
  const n = await computeDerivatives(db, blobs, { onProgress: (done) => bar?.update(done, 0, '') });
  bar?.stop();
  if (!quiet && n > 0) process.stderr.write(`thumbnails and hashes: ${n} in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
}
