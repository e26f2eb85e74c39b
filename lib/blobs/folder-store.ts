import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import { checkKey, type BlobStore } from './store';

/** Today's layout under `<data dir>/blobs`: `<sha[0:2]>/<sha>` and `thumbs/<sha[0:2]>/<sha>.webp`. */
export function folderPath(dir: string, key: string): string {
  checkKey(key);
  if (key.startsWith('thumbs/')) {
    const name = key.slice('thumbs/'.length);
    return path.join(dir, 'thumbs', name.slice(0, 2), name);
  }
  return path.join(dir, key.slice(0, 2), key);
}

export class FolderBlobStore implements BlobStore {
  readonly kind = 'folder' as const;
  constructor(readonly dir: string) {}

  /**
   * Written to a temp name and renamed, so a reader never sees a half-written blob and a crash
   * leaves at worst an unreferenced temp file; two writers of one hash both rename whole files.
   * The hash's folder is made only when the write finds it missing: an import makes a store per
   * notebook, and a mkdir before every write cost more than the write.
   */
  async put(key: string, bytes: Uint8Array): Promise<boolean> {
    const target = folderPath(this.dir, key);
    if (fs.existsSync(target)) return false;
    const tmp = `${target}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
    try {
      await fs.promises.writeFile(tmp, bytes);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      await fs.promises.writeFile(tmp, bytes);
    }
    await fs.promises.rename(tmp, target);
    return true;
  }

  async get(key: string): Promise<Uint8Array | null> {
    try {
      return await fs.promises.readFile(folderPath(this.dir, key));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }

  async stream(key: string): Promise<ReadableStream<Uint8Array> | null> {
    const file = folderPath(this.dir, key);
    if (!fs.existsSync(file)) return null;
    return Readable.toWeb(fs.createReadStream(file)) as ReadableStream<Uint8Array>;
  }

  async exists(key: string): Promise<boolean> {
    return fs.existsSync(folderPath(this.dir, key));
  }

  async delete(key: string): Promise<void> {
    await fs.promises.rm(folderPath(this.dir, key), { force: true });
  }
}
