import type { Db } from '../../db/client';
import type { KernelSource } from './kernel-source';

// Placeholder until lib/kaggle/meta-kaggle lands (see below).
export function metaKaggleSource(_db: Db, _codeFolder: string): KernelSource {
  throw new Error('not yet');
}
