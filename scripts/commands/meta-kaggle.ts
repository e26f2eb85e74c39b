import { openDatabase } from '../../lib/db/client';
import { importMetaKaggle } from '../../lib/kaggle/meta-kaggle/import-meta-kaggle';

/** `vizmine meta-kaggle import <folder>`: streamed and resumable; run it again to continue after a stop. */
export async function importMetaKaggleCommand(folder: string, opts: { dataDir?: string; json?: boolean; restart?: boolean }): Promise<number> {
  const store = await openDatabase({ dataDir: opts.dataDir });
  try {
    const tty = process.stderr.isTTY;
    const summary = await importMetaKaggle(store.db, folder, {
      restart: opts.restart,
      onProgress(p) {
        const pct = p.totalBytes ? ((100 * p.bytes) / p.totalBytes).toFixed(1) : '100';
        if (opts.json) process.stderr.write(JSON.stringify({ progress: p }) + '\n');
        else if (tty) process.stderr.write(`\r\x1b[K${p.file}: ${pct} % · ${p.imported.toLocaleString('en')} rows imported, ${p.dropped} dropped, ${p.bad} bad`);
      },
    });
    if (tty && !opts.json) process.stderr.write('\n');
    for (const f of summary) {
      if (opts.json) console.log(JSON.stringify(f));
      else console.log(`${f.file}: ${f.imported} imported, ${f.dropped} dropped (unresolved references), ${f.bad} malformed${f.note ? ` — ${f.note}` : ''}`);
    }
    return 0;
  } finally {
    await store.close();
  }
}
