import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';

/** How many notebooks the paths hold, for a progress bar's total; zips are listed, not inflated. */
export function countSources(paths: string[]): number {
  let n = 0;
  const visit = (p: string) => {
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
        if (/\.(ipynb|zip)$/i.test(e) || fs.statSync(full).isDirectory()) visit(full);
      }
    } else if (/\.zip$/i.test(p)) {
      n += Math.max(1, countZipEntries(p));
    } else n++;
  };
  paths.forEach(visit);
  return n;
}

function countZipEntries(file: string): number {
  let count = 0;
  try {
    unzipSync(fs.readFileSync(file), {
      filter: (f) => {
        if (/\.ipynb$/i.test(f.name) && !f.name.startsWith('__MACOSX/')) count++;
        return false; // count only, inflate nothing
      },
    });
  } catch {
    return 1;
  }
  return count;
}
