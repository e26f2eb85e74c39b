// The consensus editor's keys, as a pure function (the editor's listener only carries them out).

export type ConsensusMode = 'idle' | 'region' | 'region-choose' | 'use';

export type ConsensusAction =
  | { type: 'save' } // Ctrl/⌘+Enter
  | { type: 'toggle'; codeId: number } // a code's own key
  | { type: 'apply-region'; codeId: number } // after drawing: a code's key, or 1–9 for the n-th code
  | { type: 'draw' } // r
  | { type: 'nudge'; key: string; resize: boolean } // while drawing: arrows move, Shift+arrows resize
  | { type: 'region-done' } // Enter while drawing
  | { type: 'use-start' } // u
  | { type: 'use'; coder: number } // 1–9 after u: that coder column's codings (0-based)
  | { type: 'next' } // ]
  | { type: 'cancel' }; // Esc, or any other key after u

/** Keys the editor itself uses: a code's shortcut on one of them is shown but does nothing here. */
export const CONSENSUS_RESERVED = new Set(['r', 'u', ']']);

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'CapsLock']);

export function consensusKey(
  e: { key: string; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean; shiftKey?: boolean },
  mode: ConsensusMode,
  codes: { id: number; shortcut: string | null }[],
): ConsensusAction | null {
  const k = e.key;
  if (MODIFIERS.has(k)) return null;
  if (k === 'Escape') return mode === 'idle' ? null : { type: 'cancel' };
  if (mode === 'region') {
    if (e.ctrlKey || e.metaKey || e.altKey) return null;
    if (k.startsWith('Arrow')) return { type: 'nudge', key: k, resize: !!e.shiftKey };
    if (k === 'Enter') return { type: 'region-done' };
    return null;
  }
  if (k === 'Enter' && (e.ctrlKey || e.metaKey)) return { type: 'save' };
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (mode === 'use') return /^[1-9]$/.test(k) ? { type: 'use', coder: Number(k) - 1 } : { type: 'cancel' };
  const code = codes.find((c) => c.shortcut && c.shortcut.toLowerCase() === k.toLowerCase() && !CONSENSUS_RESERVED.has(c.shortcut.toLowerCase()));
  if (mode === 'region-choose') {
    if (/^[1-9]$/.test(k)) {
      const nth = codes[Number(k) - 1];
      return nth ? { type: 'apply-region', codeId: nth.id } : null;
    }
    return code ? { type: 'apply-region', codeId: code.id } : null;
  }
  if (k === 'r') return { type: 'draw' };
  if (k === 'u') return { type: 'use-start' };
  if (k === ']') return { type: 'next' };
  return code ? { type: 'toggle', codeId: code.id } : null;
}
