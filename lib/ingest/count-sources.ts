import fs from 'node:fs';
import path from 'node:path';
import { importZipLimits } from '../zip/limits';
import { ZipReader } from '../zip/zip-reader';

/**
 * How many notebooks the paths hold, for a progress bar's total. Zips are listed from their central
 * directory, not inflated; a zip inside a zip counts as one (opening it would mean inflating it).
 */
export async function countSources(paths: string[]): Promise<number> {
  let n = 0;
  const visit = async (p: string) => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      n++; // reported as unreadable: still one result
      return;
    }
    if (stat.isDirectory()) {
      for (const e of fs.readdirSync(p)) {
        const full = path.join(p, e);
        if (/\.(ipynb|zip)$/i.test(e) || fs.statSync(full).isDirectory()) await visit(full);
      }
    } else if (/\.zip$/i.test(p)) {
      n += Math.max(1, await countZipEntries(p));
    } else n++;
  };
  for (const p of paths) await visit(p);
  return n;
}

async function countZipEntries(file: string): Promise<number> {
  let count = 0;
  try {
    const reader = await ZipReader.open(file, importZipLimits());
    for await (const e of reader.entries()) if (/\.(ipynb|zip)$/i.test(e.fileName) && !e.fileName.startsWith('__MACOSX/')) count++;
  } catch {
    return 1;
  }
  return count;
}
