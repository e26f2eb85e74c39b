'use client';
import { useEffect, useState } from 'react';
import type { WorkCode } from '@/components/hooks/useCoding';
import type { Region } from '@/lib/db/schema/coding';
import { keyAction, nudgeRegion } from './keymap';

export type Mode = 'idle' | 'search' | 'region' | 'region-choose' | 'memo-coding' | 'memo-item' | 'help';

const isTyping = (t: EventTarget | null) => t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement;
const START: Region = { x: 0.25, y: 0.25, w: 0.5, h: 0.5 };

interface Ctx<W> {
  mode: Mode;
  draft: Region | null;
  codes: WorkCode[];
  editable: boolean;
  readOnly: boolean;
  submitted: boolean;
  hasImage: boolean;
  codingCount: number;
  prevId: number | null;
  nextId: number | null;
  setMode: (m: Mode) => void;
  setDraft: (f: Region | null | ((d: Region | null) => Region | null)) => void;
  setNotice: (n: string | null) => void;
  setZoom: (f: (z: number) => number) => void;
  setMemoIndex: (i: number | null) => void;
  apply: (codeId: number, region: Region | null) => void;
  change: (f: (w: W) => W) => void;
  act: (a: 'submit' | 'skip' | 'reopen') => Promise<void>;
  go: (id: number | null | undefined) => Promise<void>;
  focusSearch: () => void;
  focusItemMemo: () => void;
}

/**
 * The workspace's one keyboard listener (the map itself is ./keymap.ts). Text boxes keep their keys
 * (Esc leaves them); in region mode arrows move and Shift+arrows resize the draft. Returns whether
 * the listener is attached, so the page can show (and tests wait for) "keys ready".
 */
export function useWorkspaceKeys<W extends { codings: unknown[]; flagged: boolean }>(c: Ctx<W>): boolean {
  const [on, setOn] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (c.mode === 'help') {
        if (e.key === 'Escape' || e.key === '?') c.setMode('idle');
        return;
      }
      if (isTyping(e.target)) {
        if (e.key === 'Escape') (e.target as HTMLElement).blur();
        return;
      }
      // A focused button or link keeps its own Enter (clicking it), never a surprise submit.
      if ((e.key === 'Enter' || e.key === ' ') && (e.target instanceof HTMLButtonElement || e.target instanceof HTMLAnchorElement)) return;
      if (c.mode === 'region') return regionKey(e);
      const shortcuts = c.codes.filter((x) => x.shortcut).map((x) => ({ key: x.shortcut!, codeId: x.id }));
      const a = keyAction(e, shortcuts);
      if (!a) return;
      if (c.mode === 'region-choose' && !['apply', 'apply-shortcut', 'search', 'escape', 'help'].includes(a.type)) return;
      e.preventDefault();
      const region = c.mode === 'region-choose' ? c.draft : null;
      switch (a.type) {
        case 'apply':
          if (c.codes[a.index]) c.apply(c.codes[a.index].id, region);
          break;
        case 'apply-shortcut':
          c.apply(a.codeId, region);
          break;
        case 'search':
          if (!c.editable) break;
          if (c.mode !== 'region-choose') c.setMode('search');
          c.focusSearch();
          break;
        case 'region':
          if (!c.editable) break;
          if (!c.hasImage) c.setNotice('Regions need a static image, and this figure has none: code the whole figure instead.');
          else {
            c.setDraft(START);
            c.setMode('region');
          }
          break;
        case 'memo-coding':
          if (c.editable && c.codingCount) c.setMemoIndex(c.codingCount - 1);
          break;
        case 'memo-item':
          c.focusItemMemo();
          break;
        case 'flag':
          if (!c.readOnly) c.change((w) => ({ ...w, flagged: !w.flagged }));
          break;
        case 'remove-last':
          if (c.editable && c.codingCount) c.change((w) => ({ ...w, codings: w.codings.slice(0, -1) }));
          break;
        case 'skip':
        case 'submit':
          void c.act(a.type);
          break;
        case 'reopen':
          if (c.submitted) void c.act('reopen');
          break;
        case 'prev':
          void c.go(c.prevId);
          break;
        case 'next':
          void c.go(c.nextId);
          break;
        case 'zoom':
          c.setZoom((z) => (a.by === 0 ? 1 : Math.min(8, Math.max(1, z * (a.by === 1 ? 1.25 : 0.8)))));
          break;
        case 'help':
          c.setMode('help');
          break;
        case 'escape':
          c.setDraft(null);
          c.setMode('idle');
          c.setNotice(null);
          break;
      }
    };
    const regionKey = (e: KeyboardEvent) => {
      if (e.key.startsWith('Arrow')) {
        e.preventDefault();
        c.setDraft((d) => nudgeRegion(d ?? START, e.key, e.shiftKey));
      } else if (e.key === 'Enter') {
        e.preventDefault();
        c.setMode('region-choose');
      } else if (e.key === 'Escape') {
        c.setDraft(null);
        c.setMode('idle');
      }
    };
    window.addEventListener('keydown', onKey);
    setOn(true);
    return () => window.removeEventListener('keydown', onKey);
  });
  return on;
}
