import fs from 'node:fs';
import path from 'node:path';
import { datasetZipLimits } from './limits';
import { ZipReader, ZipTooLargeError } from './zip-reader';

/**
 * Extracts a zip to `dest`, streaming each entry to disk (a dataset zip may be many GB). It is written
 * beside its final place and renamed in, so a concurrent job never sees half a dataset. Entry names are
 * checked: a zip cannot write outside its folder ("zip slip"). Entries over the dataset caps are left
 * out and returned, so the caller can say which files the notebook will miss.
 */
export async function extractZip(zipPath: string, dest: string): Promise<{ refused: string[] }> {
  const tmp = `${dest}.${process.pid}.${Date.now()}.part`;
  const root = path.resolve(tmp);
  const refused: string[] = [];
  const reader = await ZipReader.open(zipPath, datasetZipLimits());
  try {
    fs.mkdirSync(root, { recursive: true });
    for await (const entry of reader.entries()) {
      const target = path.resolve(root, entry.fileName);
      if (!target.startsWith(root + path.sep)) throw new Error(`zip entry ${JSON.stringify(entry.fileName)} points outside the dataset folder`);
      if (entry.fileName.endsWith('/')) {
        fs.mkdirSync(target, { recursive: true });
        continue;
      }
      fs.mkdirSync(path.dirname(target), { recursive: true });
      try {
        await reader.extract(entry, target);
      } catch (e) {
        if (!(e instanceof ZipTooLargeError)) throw e;
        refused.push(`too large: ${e.message}`);
      }
    }
  } catch (e) {
    fs.rmSync(root, { recursive: true, force: true });
    throw e;
  }
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  try {
    fs.renameSync(tmp, dest);
  } catch {
    fs.rmSync(tmp, { recursive: true, force: true }); // another job got there first
  }
  return { refused };
}
