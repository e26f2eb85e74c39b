// What a thread of prepare-pool.ts runs: prepareNotebook on the bytes it is handed. With a blob
// folder, the thread also writes the images it decoded there, so their bytes never travel back to
// the main thread (a copy of every image, and the main thread's time, saved).
import { FolderBlobStore } from '../blobs/folder-store';
import { prepareNotebook, type PreparedNotebook } from './prepare-notebook';

export default async function prepare({ file, bytes, blobDir }: { file: string; bytes: Uint8Array; blobDir?: string }): Promise<PreparedNotebook> {
  const p = prepareNotebook(file, bytes);
  if (!blobDir || p.kind !== 'ready' || p.images.length === 0) return p;
  const store = new FolderBlobStore(blobDir);
  const written = await Promise.all(p.images.map((img) => store.put(img.sha256, img.bytes!)));
  return {
    ...p,
    images: p.images.map((img) => ({ ...img, bytes: null })),
    blobsWritten: p.images.flatMap((img, i) => (written[i] ? [img.sha256] : [])),
  };
}
