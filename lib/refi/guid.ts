import { v5 } from 'uuid';

// vizmine's own namespace for REFI-QDA GUIDs (a fixed random uuid): the same object keeps the same
// GUID in every export, so another tool re-importing a later export recognises it.
export const VIZMINE_NAMESPACE = '6f0d8c52-3a4e-4b7a-9d1e-2c5f7a9b8e41';

export type GuidKind = 'code' | 'user' | 'source' | 'selection' | 'coding' | 'consensus-coding' | 'note' | 'project' | 'study';

/** A stable GUID for one of our objects, e.g. guidFor('code', 12). */
export function guidFor(kind: GuidKind, id: string | number): string {
  return v5(`${kind}:${id}`, VIZMINE_NAMESPACE);
}
