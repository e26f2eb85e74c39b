import type { CodeSnapshot } from '@/lib/coding/codebook/snapshot';
import { pathsOf } from '@/lib/coding/codebook/tree';

/** Each code's path as "Chart type / Bar". */
export function pathLabels(codes: Pick<CodeSnapshot, 'id' | 'parentId' | 'name'>[]): Map<number, string> {
  return new Map([...pathsOf(codes)].map(([id, p]) => [id, p.join(' / ')]));
}

/** The ids of `id` and everything under it (a code cannot move there). */
export function descendantsOf(codes: Pick<CodeSnapshot, 'id' | 'parentId'>[], id: number): Set<number> {
  const out = new Set([id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const c of codes) if (c.parentId !== null && out.has(c.parentId) && !out.has(c.id)) (out.add(c.id), (grew = true));
  }
  return out;
}
