import fs from 'node:fs';
import path from 'node:path';
import type { MountedDataset } from './types';

/**
 * Lays out a notebook's input folder in `dir` as Kaggle did: each source at <slug>/, and, when the
 * notebook has exactly one source, that source's files at the top as well — old notebooks read
 * `../input/train.csv`, newer ones `/kaggle/input/<slug>/train.csv`. The top-level entries are
 * symbolic links to `sourceRoot(d)/<name>`: the host path for the host executor, the in-container
 * mount point (`/kaggle/input/<slug>`) for containers, where they resolve inside the container.
 * `slugEntry` makes each <slug> entry: a link on the host, an empty mount point for containers.
 */
export function layOutInput(dir: string, datasets: MountedDataset[], sourceRoot: (d: MountedDataset) => string, slugEntry: (d: MountedDataset, at: string) => void): void {
  fs.mkdirSync(dir, { recursive: true });
  for (const d of datasets) slugEntry(d, path.join(dir, d.slug));
  if (datasets.length !== 1) return;
  const [only] = datasets;
  for (const name of fs.readdirSync(only.hostPath)) {
    if (name === only.slug) continue; // the source folder itself keeps that name
    fs.symlinkSync(`${sourceRoot(only)}/${name}`, path.join(dir, name));
  }
}
