import type { CodeSnapshot } from './snapshot';
import { pathsOf } from './tree';

export const comparedFields = [
  'name',
  'kind',
  'parent',
  'shortDefinition',
  'definition',
  'whenToUse',
  'whenNotToUse',
  'colour',
  'shortcut',
  'status',
  'exampleVisualisationIds',
] as const;
export type ComparedField = (typeof comparedFields)[number];

export interface FieldChange {
  field: ComparedField;
  before: unknown;
  after: unknown;
}

export interface CodebookDiff {
  added: Array<{ id: number; path: string[] }>;
  removed: Array<{ id: number; path: string[] }>;
  changed: Array<{ id: number; path: string[]; changes: FieldChange[] }>;
}

/**
 * What changed from codebook `a` (earlier) to `b` (later), code by code: added, removed, and the fields
 * that differ. A move shows as a change of "parent" (the parent's path), not of the numeric id.
 */
export function compareCodebooks(a: CodeSnapshot[], b: CodeSnapshot[]): CodebookDiff {
  const pa = pathsOf(a);
  const pb = pathsOf(b);
  const inA = new Map(a.map((c) => [c.id, c]));
  const inB = new Map(b.map((c) => [c.id, c]));
  const value = (c: CodeSnapshot, paths: Map<number, string[]>, f: ComparedField): unknown =>
    f === 'parent' ? (c.parentId === null ? null : (paths.get(c.parentId) ?? [String(c.parentId)]).join(' / ')) : c[f];
  const diff: CodebookDiff = { added: [], removed: [], changed: [] };
  for (const c of b) if (!inA.has(c.id)) diff.added.push({ id: c.id, path: pb.get(c.id)! });
  for (const c of a) if (!inB.has(c.id)) diff.removed.push({ id: c.id, path: pa.get(c.id)! });
  for (const before of a) {
    const after = inB.get(before.id);
    if (!after) continue;
    const changes = comparedFields
      .map((field) => ({ field, before: value(before, pa, field), after: value(after, pb, field) }))
      .filter((ch) => JSON.stringify(ch.before) !== JSON.stringify(ch.after));
    if (changes.length) diff.changed.push({ id: before.id, path: pb.get(before.id)!, changes });
  }
  const byPath = (x: { path: string[] }, y: { path: string[] }) => x.path.join('\u0000').localeCompare(y.path.join('\u0000'));
  diff.added.sort(byPath);
  diff.removed.sort(byPath);
  diff.changed.sort(byPath);
  return diff;
}
