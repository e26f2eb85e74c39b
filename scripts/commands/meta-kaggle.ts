import { openDatabase } from '../../lib/db/client';
import { importMetaKaggle } from '../../lib/kaggle/meta-kaggle/import-meta-kaggle';
import { progress } from '../progress';

/** `vizmine meta-kaggle import <folder>`: streamed and resumable; run it again to continue after a stop. */
export async function importMetaKaggleCommand(folder: string, opts: { dataDir?: string; json?: boolean; restart?: boolean }): Promise<number> {
  const store = await openDatabase({ dataDir: opts.dataDir });
  try {
    const bar = opts.json ? null : progress('meta-kaggle (MB)');
    const mb = (n: number) => Math.round(n / 1e6);
    const summary = await importMetaKaggle(store.db, folder, {
      restart: opts.restart,
      onProgress(p) {
        if (opts.json) process.stderr.write(JSON.stringify({ progress: p }) + '\n');
        else bar!.update(mb(p.bytes), mb(p.totalBytes ?? 0), `${p.file}: ${p.imported.toLocaleString('en')} rows imported, ${p.dropped} dropped, ${p.bad} bad`);
      },
    }).finally(() => bar?.stop());
    for (const f of summary) {
      if (opts.json) console.log(JSON.stringify(f));
      else console.log(`${f.file}: ${f.imported} imported, ${f.dropped} dropped (unresolved references), ${f.bad} malformed${f.note ? ` — ${f.note}` : ''}`);
    }
    return 0;
  } finally {
    await store.close();
  }
}
