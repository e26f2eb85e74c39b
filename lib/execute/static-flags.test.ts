import { describe, expect, it } from 'vitest';
import { staticFlags } from './static-flags';

const code = (...counts: Array<number | null>) => counts.map((executionCount) => ({ cellType: 'code', executionCount, source: 'x = 1' }));

describe('static flags (Pimentel et al.)', () => {
  it('a notebook run once from top to bottom has no flag', () => {
    expect(staticFlags(code(1, 2, 3))).toEqual({ outOfOrder: false, skippedCounts: false, neverExecutedCells: 0 });
  });
  it('counts that go down are out of order', () => {
    expect(staticFlags(code(1, 3, 2)).outOfOrder).toBe(true);
    expect(staticFlags(code(2, 2)).outOfOrder).toBe(true);
  });
  it('gaps, or a first count above 1, are skips (hidden state)', () => {
    expect(staticFlags(code(1, 2, 5))).toMatchObject({ outOfOrder: false, skippedCounts: true });
    expect(staticFlags(code(4, 5, 6))).toMatchObject({ skippedCounts: true });
    expect(staticFlags(code(3, 1, 2))).toMatchObject({ outOfOrder: true, skippedCounts: false });
  });
  it('counts never-executed non-empty code cells and ignores empty ones and markdown', () => {
    const cells = [...code(1, null, 2, null), { cellType: 'code', executionCount: null, source: '  ' }, { cellType: 'markdown', executionCount: null, source: '# t' }];
    expect(staticFlags(cells)).toEqual({ outOfOrder: false, skippedCounts: false, neverExecutedCells: 2 });
  });
  it('a notebook stored without any output has every cell never executed and no other flag', () => {
    expect(staticFlags(code(null, null))).toEqual({ outOfOrder: false, skippedCounts: false, neverExecutedCells: 2 });
  });
});
