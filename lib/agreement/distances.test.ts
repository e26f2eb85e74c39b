import { describe, expect, it } from 'vitest';
import { binaryDistance, jaccardDistance, masiDistance } from './index';

describe('set distances', () => {
  it("vector 7: MASI({1,2,3,4},{3,4,5}) = 0.868 with NLTK's weights (the default)", () => {
    expect(masiDistance(['1', '2', '3', '4'], ['3', '4', '5'])).toBeCloseTo(0.868, 12);
    expect(masiDistance(['1', '2', '3', '4'], ['3', '4', '5'], { weights: 'nltk' })).toBeCloseTo(0.868, 12);
  });

  it('vector 7: MASI = 0.866667 with exact weights (1, 2/3, 1/3, 0)', () => {
    expect(masiDistance(['1', '2', '3', '4'], ['3', '4', '5'], { weights: 'exact' })).toBeCloseTo(0.866667, 6);
  });

  it('vector 7: Jaccard distance 0.6', () => {
    expect(jaccardDistance(['1', '2', '3', '4'], ['3', '4', '5'])).toBeCloseTo(0.6, 12);
  });

  it("MASI's monotonicity cases (NLTK doctest: {1,2} vs {1,2,3,4} = 0.665)", () => {
    expect(masiDistance(['a', 'b'], ['a', 'b'])).toBe(0);
    expect(masiDistance(['1', '2'], ['1', '2', '3', '4'])).toBeCloseTo(0.665, 12); // subset, J = 1/2
    expect(masiDistance(['1', '2'], ['1', '2', '3', '4'], { weights: 'exact' })).toBeCloseTo(2 / 3, 12);
    expect(masiDistance(['a', 'b'], ['b', 'c'], { weights: 'exact' })).toBeCloseTo(1 - (1 / 3) * (1 / 3), 12); // overlap
    expect(masiDistance(['a'], ['b'])).toBe(1); // disjoint
  });

  it('compares sets: order and duplicates do not matter', () => {
    expect(masiDistance(['b', 'a', 'a'], ['a', 'b'])).toBe(0);
    expect(jaccardDistance(new Set(['x', 'y']), ['y', 'x', 'y'])).toBe(0);
    expect(binaryDistance(['y', 'x'], ['x', 'y'])).toBe(0);
    expect(binaryDistance(['x'], ['x', 'y'])).toBe(1);
  });

  it('two empty sets are identical; empty vs non-empty is maximal', () => {
    for (const d of [masiDistance, jaccardDistance, binaryDistance]) {
      expect(d([], [])).toBe(0);
      expect(d([], ['bar'])).toBe(1);
    }
  });
});
