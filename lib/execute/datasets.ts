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
import type { MountedDataset } from './types';

interface Source {
  kind: 'competition' | 'dataset';
  ref: string; // competition slug, or "owner/slug"
  mount: string; // the folder name under /kaggle/input, as Kaggle mounts it
}

/**
 * The notebook's competition and dataset sources, ready to mount read-only: from the folder the user
 * points at (VIZMINE_DATASETS_DIR, as <slug>/ or <owner>/<slug>/), else from our cache, else fetched
 * once through the Kaggle client when credentials exist. A source that cannot be had is returned in
 * `missing` with the reason — a recorded cause of the notebook's failure, not a crash of the job.
 */
export async function prepareDatasets(db: Db, dataDir: string, notebookId: number): Promise<{ mounted: MountedDataset[]; missing: string[] }> {
  const [k] = await db.select({ competitions: kaggleKernels.competitions, datasets: kaggleKernels.datasets }).from(kaggleKernels).where(eq(kaggleKernels.notebookId, notebookId));
  if (!k) return { mounted: [], missing: [] };
  const sources: Source[] = [
    ...k.competitions.map((ref) => ({ kind: 'competition' as const, ref, mount: ref })),
    ...k.datasets.map((ref) => ({ kind: 'dataset' as const, ref, mount: ref.split('/').pop()! })),
  ];
  const mounted: MountedDataset[] = [];
  const missing: string[] = [];
  for (const s of sources) {
    try {
      const { hostPath, refused } = await locate(db, dataDir, s);
      mounted.push({ slug: safeSegment(s.mount), hostPath });
      missing.push(...refused.map((r) => `${s.kind} ${s.ref}: ${r}`)); // mounted, but without these files
    } catch (e) {
      missing.push(`${s.kind} ${s.ref}: ${(e as Error).message}`);
    }
  }
  return { mounted, missing };
}

async function locate(db: Db, dataDir: string, s: Source): Promise<{ hostPath: string; refused: string[] }> {
  const userDir = process.env.VIZMINE_DATASETS_DIR;
  if (userDir) {
    for (const candidate of [path.join(userDir, safeSegment(s.mount)), path.join(userDir, ...s.ref.split('/').map(safeSegment))]) {
      if (fs.existsSync(candidate)) return { hostPath: candidate, refused: [] };
    }
  }
  const extracted = path.join(dataDir, 'datasets', 'extracted', `${s.kind}s`, ...s.ref.split('/').map(safeSegment));
  if (fs.existsSync(extracted)) return { hostPath: extracted, refused: [] };
  const { credentials } = await kaggleCredentials(db, dataDir);
  if (!credentials) throw new Error(`not in ${userDir ?? 'VIZMINE_DATASETS_DIR (unset)'} and no Kaggle credentials to fetch it`);
  const client = createKaggleClient({ credentials });
  const cacheDir = path.join(dataDir, 'datasets', 'zips');
  const zip = s.kind === 'competition' ? await downloadCompetitionFiles(client, s.ref, cacheDir) : await downloadDataset(client, s.ref, cacheDir);
  const { refused } = await extractZip(zip.path, extracted);
  return { hostPath: extracted, refused };
}
