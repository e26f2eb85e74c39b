import { describe, expect, it } from 'vitest';
import { keyAction, matchCodes, nudgeRegion } from './keymap';
import { WORKSPACE_KEYS } from '@/lib/coding/codebook/reserved-keys';

describe('workspace keys', () => {
  const shortcuts = [{ key: 'l', codeId: 10 }, { key: 's', codeId: 11 }];
  it('maps digits, shortcuts and commands', () => {
    expect(keyAction({ key: '3' }, shortcuts)).toEqual({ type: 'apply', index: 2 });
    expect(keyAction({ key: 'l' }, shortcuts)).toEqual({ type: 'apply-shortcut', codeId: 10 });
    // "s" is skip: a code's shortcut never takes a workspace key.
    expect(keyAction({ key: 's' }, shortcuts)).toEqual({ type: 'skip' });
    expect(keyAction({ key: 'ArrowRight' }, shortcuts)).toEqual({ type: 'next' });
    expect(keyAction({ key: 'k' }, shortcuts)).toEqual({ type: 'prev' });
    expect(keyAction({ key: 'M' }, shortcuts)).toEqual({ type: 'memo-item' });
    expect(keyAction({ key: 'l', ctrlKey: true }, shortcuts)).toBeNull();
    expect(keyAction({ key: 'q' }, shortcuts)).toBeNull();
  });
  it('searches by name prefix first, then anywhere in the path', () => {
    const codes = [{ name: 'Confusion matrix', path: 'Eval › Confusion matrix' }, { name: 'Loss curve', path: 'Training › Loss curve' }, { name: 'Class balance', path: 'Data › Class balance' }];
    expect(matchCodes(codes, 'c').map((c) => c.name)).toEqual(['Confusion matrix', 'Class balance', 'Loss curve']);
    expect(matchCodes(codes, 'train').map((c) => c.name)).toEqual(['Loss curve']);
    expect(matchCodes(codes, 'zzz')).toEqual([]);
  });
  it('searches definitions too, after names and paths', () => {
    const codes = [
      { name: 'Training dynamics', path: 'Model › Training dynamics', shortDefinition: 'metric per epoch', definition: 'Curves of training or validation loss over epochs.' },
      { name: 'Loss of detail', path: 'Style › Loss of detail', shortDefinition: '', definition: '' },
      { name: 'Pie', path: 'Kind › Pie', shortDefinition: 'a pie chart', definition: '' },
    ];
    expect(matchCodes(codes, 'loss').map((c) => c.name)).toEqual(['Loss of detail', 'Training dynamics']);
    expect(matchCodes(codes, 'EPOCH').map((c) => c.name)).toEqual(['Training dynamics']);
    expect(matchCodes(codes, 'chart').map((c) => c.name)).toEqual(['Pie']);
  });
  it('uses every key the codebook refuses as a shortcut (the two lists cannot drift)', () => {
    for (const key of Object.keys(WORKSPACE_KEYS)) {
      const action = keyAction({ key }, [{ key, codeId: 1 }]);
      expect(action, key).not.toBeNull();
      expect(action!.type, key).not.toBe('apply-shortcut');
    }
  });
  it('moves and resizes a region inside the image', () => {
    const r = { x: 0.9, y: 0, w: 0.1, h: 0.5 };
    expect(nudgeRegion(r, 'ArrowRight', false)).toEqual(r);
    expect(nudgeRegion(r, 'ArrowLeft', false)).toEqual({ x: 0.85, y: 0, w: 0.1, h: 0.5 });
    expect(nudgeRegion({ x: 0.2, y: 0.2, w: 0.5, h: 0.5 }, 'ArrowDown', true)).toEqual({ x: 0.2, y: 0.2, w: 0.5, h: 0.55 });
    expect(nudgeRegion({ x: 0.2, y: 0.2, w: 0.05, h: 0.5 }, 'ArrowLeft', true).w).toBe(0.05);
  });
});
