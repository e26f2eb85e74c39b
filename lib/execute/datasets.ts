import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { kaggleKernels } from '../db/schema';
import { downloadCompetitionFiles } from '../kaggle/client/competitions';
import { downloadDataset } from '../kaggle/client/datasets';
import { safeSegment } from '../kaggle/client/download';
import { createKaggleClient } from '../kaggle/client/http';
import { kaggleCredentials } from '../settings/kaggle-credentials';
import { extractZip } from '../zip/extract-zip';
import type { DatasetRead } from './preflight/datasets-read';
import type { MountedDataset } from './types';

interface Source {
  kind: 'competition' | 'dataset' | 'read';
  ref: string; // competition slug, "owner/slug", or for 'read' the slug the code names
  mount: string; // the folder name under /kaggle/input, as Kaggle mounts it
}

export interface PreparedDatasets {
  mounted: MountedDataset[];
  missing: string[]; // one line per source that cannot be had, with the reason
  fetchable: string[]; // (fetch: false) sources not here yet that the Kaggle client would download
}

/**
 * The notebook's data sources, ready to mount read-only: its Kaggle competition and datasets, and
 * the sources its code reads (`reads`, from datasetsRead). Each is looked up in the folder the user
 * points at (VIZMINE_DATASETS_DIR, as <slug>/ or <owner>/<slug>/), else in our cache, else — for a
 * Kaggle source, when `fetch` and credentials allow — fetched once through the Kaggle client. What
 * cannot be had is returned in `missing`: a recorded cause, not a crash of the job. A file read at
 * the top of ../input needs exactly one source, holding that file.
 */
export async function prepareDatasets(db: Db, dataDir: string, notebookId: number, reads: DatasetRead[] = [], opts: { fetch?: boolean } = {}): Promise<PreparedDatasets> {
  const fetch = opts.fetch ?? true;
  const [k] = await db.select({ competitions: kaggleKernels.competitions, datasets: kaggleKernels.datasets }).from(kaggleKernels).where(eq(kaggleKernels.notebookId, notebookId));
  const sources: Source[] = [
    ...(k?.competitions ?? []).map((ref) => ({ kind: 'competition' as const, ref, mount: ref })),
    ...(k?.datasets ?? []).map((ref) => ({ kind: 'dataset' as const, ref, mount: ref.split('/').pop()! })),
  ];
  for (const r of reads) {
    if (r.slug && !sources.some((s) => s.mount === r.slug)) sources.push({ kind: 'read', ref: r.slug, mount: r.slug });
  }
  const out: PreparedDatasets = { mounted: [], missing: [], fetchable: [] };
  const credentials = fetch ? null : (await kaggleCredentials(db, dataDir)).credentials;
  for (const s of sources) {
    const local = localPath(dataDir, s);
    if (local) out.mounted.push({ slug: safeSegment(s.mount), hostPath: local });
    else if (s.kind === 'read' && inSingleSource(out.mounted, s.mount)) continue; // a folder at the top of the one source (old layout)
    else if (s.kind === 'read') out.missing.push(`reads /kaggle/input/${s.mount}, not available (not a source of this kernel, not in ${process.env.VIZMINE_DATASETS_DIR ?? 'VIZMINE_DATASETS_DIR (unset)'} nor the dataset cache)`);
    else if (!fetch) (credentials ? out.fetchable : out.missing).push(`${s.kind} ${s.ref}${credentials ? '' : ': not here and no Kaggle credentials to fetch it'}`);
    else {
      try {
        const { hostPath, refused } = await download(db, dataDir, s);
        out.mounted.push({ slug: safeSegment(s.mount), hostPath });
        out.missing.push(...refused.map((r) => `${s.kind} ${s.ref}: ${r}`)); // mounted, but without these files
      } catch (e) {
        out.missing.push(`${s.kind} ${s.ref}: ${(e as Error).message}`);
      }
    }
  }
  for (const r of reads.filter((x) => !x.slug)) {
    const name = r.path.split('/').pop()!;
    const single = out.mounted.length + out.fetchable.length === 1;
    const holds = out.fetchable.length === 1 || inSingleSource(out.mounted, name);
    if (!single || !holds) out.missing.push(`reads ${r.path}, not available (${single ? `not in its one source ${out.mounted[0]?.slug ?? ''}` : `${out.mounted.length + out.fetchable.length} sources: a file at the top of ../input needs exactly one`})`);
  }
  return out;
}

const inSingleSource = (mounted: MountedDataset[], name: string) => mounted.length === 1 && fs.existsSync(path.join(mounted[0].hostPath, name));

function localPath(dataDir: string, s: Source): string | null {
  const userDir = process.env.VIZMINE_DATASETS_DIR;
  const parts = s.ref.split('/').map(safeSegment);
  const candidates = userDir ? [path.join(userDir, safeSegment(s.mount)), path.join(userDir, ...parts)] : [];
  const cache = path.join(dataDir, 'datasets', 'extracted');
  if (s.kind === 'read') {
    // A slug named only by the code: a cached competition of that name, or a cached dataset of any owner.
    candidates.push(path.join(cache, 'competitions', parts[0]));
    const owners = fs.existsSync(path.join(cache, 'datasets')) ? fs.readdirSync(path.join(cache, 'datasets')) : [];
    candidates.push(...owners.map((o) => path.join(cache, 'datasets', o, parts[0])));
  } else candidates.push(path.join(cache, `${s.kind}s`, ...parts));
  return candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isDirectory()) ?? null;
}

/** Downloads and extracts (streamed, under the dataset caps) a source; files refused by the caps are named in `refused`. */
async function download(db: Db, dataDir: string, s: Source): Promise<{ hostPath: string; refused: string[] }> {
  const userDir = process.env.VIZMINE_DATASETS_DIR;
  const { credentials } = await kaggleCredentials(db, dataDir);
  if (!credentials) throw new Error(`not in ${userDir ?? 'VIZMINE_DATASETS_DIR (unset)'} and no Kaggle credentials to fetch it`);
  const client = createKaggleClient({ credentials });
  const cacheDir = path.join(dataDir, 'datasets', 'zips');
  const extracted = path.join(dataDir, 'datasets', 'extracted', `${s.kind}s`, ...s.ref.split('/').map(safeSegment));
  const zip = s.kind === 'competition' ? await downloadCompetitionFiles(client, s.ref, cacheDir) : await downloadDataset(client, s.ref, cacheDir);
  const { refused } = await extractZip(zip.path, extracted);
  return { hostPath: extracted, refused };
}

