// The keys the coding workspace (components/coding/keymap.ts) and the consensus editor
// (components/agreement/consensusKeys.ts) use for themselves, with what each does. A code's shortcut
// on one of them would never fire there, so the codebook refuses them. Pure data, shared by both sides.

export const WORKSPACE_KEYS: Readonly<Record<string, string>> = {
  '/': 'search codes',
  r: 'draw a region',
  m: 'memo on the last coding',
  M: 'memo on the item',
  n: 'memo on the item',
  f: 'flag / unflag the item',
  s: 'skip to the next pending item',
  j: 'next item',
  k: 'previous item',
  o: 'reopen a submitted item',
  '?': 'show the key list',
  '+': 'zoom in',
  '=': 'zoom in',
  '-': 'zoom out',
  '0': 'zoom to fit',
  ...Object.fromEntries(Array.from({ length: 9 }, (_, i) => [String(i + 1), `apply the code in position ${i + 1}`])),
};

export const CONSENSUS_KEYS: Readonly<Record<string, string>> = {
  r: 'draw a region (consensus editor)',
  u: 'use a coder’s codings (consensus editor)',
  ']': 'next item (consensus editor)',
};

/** What a key does in the workspace or the consensus editor, or null when it is free for a code. */
export function reservedKeyUse(key: string): string | null {
  return WORKSPACE_KEYS[key] ?? CONSENSUS_KEYS[key] ?? null;
}
