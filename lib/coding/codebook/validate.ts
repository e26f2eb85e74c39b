import type { Code } from '../../db/schema';
import { AppError } from '../../errors';
import { reservedKeyUse } from './reserved-keys';

export const COLOUR = /^#[0-9a-fA-F]{6}$/;

/** Names are unique among a parent's live (not merged) children, ignoring case. */
export function checkSiblingName(all: Code[], parentId: number | null, name: string, selfId?: number): void {
  const clash = all.find(
    (c) => c.id !== selfId && c.status !== 'merged' && (c.parentId ?? null) === parentId && c.name.toLowerCase() === name.toLowerCase(),
  );
  if (clash) {
    const where = parentId === null ? 'at the top level' : `under “${all.find((c) => c.id === parentId)?.name ?? parentId}”`;
    throw new AppError('conflict', `A code named “${clash.name}” already exists ${where}; choose another name or merge the two.`);
  }
}

/**
 * A shortcut is one character, unique among the study's active codes, and not one of the keys the
 * coding workspace or consensus editor use themselves (it would never fire there).
 */
export function checkShortcut(all: Code[], shortcut: string | null | undefined, selfId?: number): string | null {
  if (shortcut === undefined || shortcut === null || shortcut === '') return null;
  if ([...shortcut].length !== 1 || /\s/.test(shortcut)) {
    throw new AppError('bad_request', `A shortcut is a single key (a letter or digit), not “${shortcut}”.`);
  }
  const key = shortcut.toLowerCase();
  const use = reservedKeyUse(shortcut) ?? reservedKeyUse(key);
  if (use) throw new AppError('bad_request', `The key “${shortcut}” is taken by the coding workspace: it means “${use}”. Choose another key.`);
  const clash = all.find((c) => c.id !== selfId && c.status === 'active' && c.shortcut?.toLowerCase() === key);
  if (clash) throw new AppError('conflict', `The shortcut “${shortcut}” is already used by code “${clash.name}”; choose another key or clear it there first.`);
  return key;
}

export function checkName(name: string | undefined): string {
  const n = (name ?? '').trim();
  if (!n) throw new AppError('bad_request', 'A code needs a name.');
  if (n.length > 200) throw new AppError('bad_request', 'Keep code names under 200 characters; put the rest in the definition.');
  return n;
}

export function checkColour(colour: string | undefined): string | undefined {
  if (colour === undefined) return undefined;
  if (!COLOUR.test(colour)) throw new AppError('bad_request', `A colour is written #rrggbb (e.g. #4c78a8), not “${colour}”.`);
  return colour.toLowerCase();
}

/** A parent must be a live code of the same study. */
export function checkParent(all: Code[], parentId: number | null | undefined): number | null {
  if (parentId === undefined || parentId === null) return null;
  const parent = all.find((c) => c.id === parentId);
  if (!parent) throw new AppError('bad_request', `The parent ${parentId} is not in this study's codebook; choose a category of this study.`);
  if (parent.status === 'merged') throw new AppError('bad_request', `“${parent.name}” was merged into another code; choose a live category as parent.`);
  return parentId;
}

export function nextPosition(all: Code[], parentId: number | null): number {
  return all.filter((c) => (c.parentId ?? null) === parentId).reduce((m, c) => Math.max(m, c.position + 1), 0);
}
