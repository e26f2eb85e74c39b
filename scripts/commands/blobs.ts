import { openDatabase } from '../../lib/db/client';
import { blobDir } from '../../lib/config';
import { BLOB_STORE_KINDS, configuredKind, makeBlobStore, type BlobStoreKind } from '../../lib/blobs';
import { moveBlobs } from '../../lib/blobs/move-blobs';

interface Options {
  to: string;
  from?: string;
  dataDir?: string;
}

function kind(value: string | undefined, what: string): BlobStoreKind {
  if (!BLOB_STORE_KINDS.includes(value as BlobStoreKind)) throw new Error(`${what} must be one of ${BLOB_STORE_KINDS.join(', ')}`);
  return value as BlobStoreKind;
}

/** Copies the corpus's blobs into another store; exit code 2 when some blob was missing at the source. */
export async function moveBlobsCommand(opts: Options): Promise<number> {
  const fromKind = kind(opts.from ?? configuredKind(), '--from');
  const toKind = kind(opts.to, '--to');
  if (fromKind === toKind) throw new Error('--from and --to name the same store');
  const store = await openDatabase({ dataDir: opts.dataDir });
  try {
    const dir = blobDir(store.dataDir);
    const tally = await moveBlobs(store.db, makeBlobStore(fromKind, store.db, dir), makeBlobStore(toKind, store.db, dir), (t) =>
      process.stderr.write(`\rcopied ${t.copied}, present already ${t.present}, missing ${t.missing.length}`),
    );
    process.stderr.write('\n');
    console.log(`${tally.copied} blobs copied from ${fromKind} to ${toKind} (${tally.present} there already, ${tally.thumbnails} thumbnails), each verified by its hash.`);
    if (tally.missing.length) console.log(`missing at the source: ${tally.missing.length} (e.g. ${tally.missing.slice(0, 3).join(', ')})`);
    console.log(`Set VIZMINE_BLOB_STORE=${toKind} to use the new store; the ${fromKind} store was left as it is.`);
    return tally.missing.length ? 2 : 0;
  } finally {
    await store.close();
  }
}
