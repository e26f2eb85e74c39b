import { describe, expect, it } from 'vitest';
import { consensusKey } from './consensusKeys';

describe('consensus editor keys', () => {
  const codes = [{ id: 10, shortcut: 'b' }, { id: 11, shortcut: null }, { id: 12, shortcut: 'u' }];
  it('toggles a code by its key and keeps its own keys (a code on r/u never takes them)', () => {
    expect(consensusKey({ key: 'b' }, 'idle', codes)).toEqual({ type: 'toggle', codeId: 10 });
    expect(consensusKey({ key: 'B' }, 'idle', codes)).toEqual({ type: 'toggle', codeId: 10 });
    expect(consensusKey({ key: 'u' }, 'idle', codes)).toEqual({ type: 'use-start' });
    expect(consensusKey({ key: 'r' }, 'idle', codes)).toEqual({ type: 'draw' });
    expect(consensusKey({ key: ']' }, 'idle', codes)).toEqual({ type: 'next' });
    expect(consensusKey({ key: 'Enter', ctrlKey: true }, 'idle', codes)).toEqual({ type: 'save' });
    expect(consensusKey({ key: 'Enter' }, 'idle', codes)).toBeNull();
    expect(consensusKey({ key: 'Escape' }, 'idle', codes)).toBeNull();
    expect(consensusKey({ key: 'b', ctrlKey: true }, 'idle', codes)).toBeNull();
  });
  it('u then a digit takes that coder column; anything else cancels', () => {
    expect(consensusKey({ key: '2' }, 'use', codes)).toEqual({ type: 'use', coder: 1 });
    expect(consensusKey({ key: 'Shift' }, 'use', codes)).toBeNull();
    expect(consensusKey({ key: 'x' }, 'use', codes)).toEqual({ type: 'cancel' });
  });
  it('draws with arrows and Enter, then a code key or digit chooses the code', () => {
    expect(consensusKey({ key: 'ArrowLeft' }, 'region', codes)).toEqual({ type: 'nudge', key: 'ArrowLeft', resize: false });
    expect(consensusKey({ key: 'ArrowDown', shiftKey: true }, 'region', codes)).toEqual({ type: 'nudge', key: 'ArrowDown', resize: true });
    expect(consensusKey({ key: 'Enter' }, 'region', codes)).toEqual({ type: 'region-done' });
    expect(consensusKey({ key: 'Enter', ctrlKey: true }, 'region', codes)).toBeNull();
    expect(consensusKey({ key: 'b' }, 'region', codes)).toBeNull();
    expect(consensusKey({ key: 'Escape' }, 'region', codes)).toEqual({ type: 'cancel' });
    expect(consensusKey({ key: 'b' }, 'region-choose', codes)).toEqual({ type: 'apply-region', codeId: 10 });
    expect(consensusKey({ key: '2' }, 'region-choose', codes)).toEqual({ type: 'apply-region', codeId: 11 });
    expect(consensusKey({ key: '9' }, 'region-choose', codes)).toBeNull();
    expect(consensusKey({ key: 'r' }, 'region-choose', codes)).toBeNull();
  });
});
