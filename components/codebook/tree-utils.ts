import type { CodeSnapshot } from '@/lib/coding/codebook/snapshot';
import { pathsOf } from '@/lib/coding/codebook/tree';

/** Each code's path as "Chart type / Bar". */
export function pathLabels(codes: Pick<CodeSnapshot, 'id' | 'parentId' | 'name'>[]): Map<number, string> {
  return new Map([...pathsOf(codes)].map(([id, p]) => [id, p.join(' / ')]));
}
