// The workspace's keys, as a pure function so the whole map is tested and shown in one place.
import { WORKSPACE_KEYS } from '@/lib/coding/codebook/reserved-keys';

export type KeyAction =
  | { type: 'apply'; index: number } // 1–9: the n-th code
  | { type: 'apply-shortcut'; codeId: number } // a code's own shortcut
  | { type: 'search' }
  | { type: 'region' }
  | { type: 'memo-coding' }
  | { type: 'memo-item' }
  | { type: 'flag' }
  | { type: 'skip' }
  | { type: 'prev' }
  | { type: 'next' }
  | { type: 'submit' }
  | { type: 'reopen' }
  | { type: 'remove-last' }
  | { type: 'zoom'; by: 1 | -1 | 0 }
  | { type: 'help' }
  | { type: 'escape' };

/**
 * Keys the workspace itself uses (the codebook refuses them as shortcuts; one saved before that rule
 * is shown struck through and does nothing). keymap.test.ts checks keyAction uses each of them.
 */
export const RESERVED = new Set(Object.keys(WORKSPACE_KEYS));

export const KEY_HELP: [string, string][] = [
  ['1 – 9', 'apply (or remove) the n-th code'],
  ['a code’s letter', 'apply that code (shown on the code)'],
  ['/', 'search codes by name or definition; Enter applies the highlighted code; Shift+Enter creates a new code (when you may)'],
  ['r', 'region: drag on the image, or arrows move / Shift+arrows resize, then Enter and choose the code'],
  ['m', 'memo on the last coding'],
  ['M or n', 'memo on the item'],
  ['f', 'flag / unflag the item'],
  ['Backspace', 'remove the last coding'],
  ['Enter', 'submit and go to the next pending item'],
  ['s', 'skip to the next pending item'],
  ['← → or j k', 'previous / next item'],
  ['o', 'reopen a submitted item'],
  ['+ − 0', 'zoom in / out / fit (or the mouse wheel)'],
  ['?', 'this list'],
  ['Esc', 'cancel / leave a text box'],
];

export function keyAction(e: { key: string; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean }, shortcuts: { key: string; codeId: number }[]): KeyAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const k = e.key;
  if (/^[1-9]$/.test(k)) return { type: 'apply', index: Number(k) - 1 };
  switch (k) {
    case '/': return { type: 'search' };
    case 'r': return { type: 'region' };
    case 'm': return { type: 'memo-coding' };
    case 'M':
    case 'n': return { type: 'memo-item' };
    case 'f': return { type: 'flag' };
    case 's': return { type: 'skip' };
    case 'ArrowLeft':
    case 'k': return { type: 'prev' };
    case 'ArrowRight':
    case 'j': return { type: 'next' };
    case 'Enter': return { type: 'submit' };
    case 'o': return { type: 'reopen' };
    case 'Backspace':
    case 'Delete': return { type: 'remove-last' };
    case '+':
    case '=': return { type: 'zoom', by: 1 };
    case '-': return { type: 'zoom', by: -1 };
    case '0': return { type: 'zoom', by: 0 };
    case '?': return { type: 'help' };
    case 'Escape': return { type: 'escape' };
  }
  const hit = shortcuts.find((s) => s.key === k);
  return hit && !RESERVED.has(k) ? { type: 'apply-shortcut', codeId: hit.codeId } : null;
}

/**
 * Codes matching a search (case-insensitive): names starting with the query first, then paths
 * containing it, then codes whose definition mentions it, so "loss" finds a code defined as
 * "training or validation loss per epoch" even when its name does not say so.
 */
export function matchCodes<T extends { name: string; path: string; shortDefinition?: string; definition?: string }>(codes: T[], query: string): T[] {
  const q = query.trim().toLowerCase();
  if (!q) return codes;
  const starts = codes.filter((c) => c.name.toLowerCase().startsWith(q));
  const inPath = codes.filter((c) => !starts.includes(c) && c.path.toLowerCase().includes(q));
  const inDefinition = codes.filter((c) => !starts.includes(c) && !inPath.includes(c) && `${c.shortDefinition ?? ''}\n${c.definition ?? ''}`.toLowerCase().includes(q));
  return [...starts, ...inPath, ...inDefinition];
}

/** Moves (or with `resize`, grows/shrinks) a region by a step, kept inside the image. */
export function nudgeRegion(r: { x: number; y: number; w: number; h: number }, key: string, resize: boolean, step = 0.05) {
  const dx = key === 'ArrowLeft' ? -step : key === 'ArrowRight' ? step : 0;
  const dy = key === 'ArrowUp' ? -step : key === 'ArrowDown' ? step : 0;
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  const round = (v: number) => Math.round(v * 1000) / 1000;
  if (resize) {
    const w = clamp(r.w + dx, step, 1 - r.x);
    const h = clamp(r.h + dy, step, 1 - r.y);
    return { x: r.x, y: r.y, w: round(w), h: round(h) };
  }
  return { x: round(clamp(r.x + dx, 0, 1 - r.w)), y: round(clamp(r.y + dy, 0, 1 - r.h)), w: r.w, h: r.h };
}
