import path from 'node:path';

/**
 * Where Meta Kaggle Code keeps a kernel version's file: the id zero-padded to 10 digits gives two folder
 * levels, its first 4 digits and the next 3 (111437241 → `0111/437/111437241.ipynb`). The file name is the
 * id itself, unpadded. `ext` is ipynb, py, r or rmd, by the version's language.
 */
export function metaKaggleCodePath(codeFolder: string, kernelVersionId: number | bigint | string, ext = 'ipynb'): string {
  const id = String(kernelVersionId);
  if (!/^\d{1,10}$/.test(id)) throw new RangeError(`not a kernel version id: ${id}`);
  const padded = id.padStart(10, '0');
  // A run-time path (the comment keeps Next's file tracer from globbing the project for it).
  return path.join(/* turbopackIgnore: true */ codeFolder, padded.slice(0, 4), padded.slice(4, 7), `${id}.${ext.replace(/^\./, '')}`);
}
