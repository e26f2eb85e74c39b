import { describe, expect, it } from 'vitest';
import { chiSquare, chiSquareSurvival } from './chi-square';

describe('chiSquareSurvival', () => {
  it('matches the χ² table', () => {
    expect(chiSquareSurvival(3.841458820694124, 1)).toBeCloseTo(0.05, 10);
    expect(chiSquareSurvival(11.070497693516351, 5)).toBeCloseTo(0.05, 10);
    expect(chiSquareSurvival(6.6348966010212145, 1)).toBeCloseTo(0.01, 10);
    expect(chiSquareSurvival(124.34211340400407, 100)).toBeCloseTo(0.05, 8);
    expect(chiSquareSurvival(0, 3)).toBe(1);
  });
});

describe('chiSquare', () => {
  it('computes χ², df, p and Cramér’s V as scipy.stats.chi2_contingency (no continuity correction) does', () => {
    // scipy 1.10: chi2_contingency([[10, 20, 30], [20, 20, 10]], correction=False) → (12.52777777777778, 0.0019038276076954943, 2)
    const r = chiSquare([
      [10, 20, 30],
      [20, 20, 10],
    ])!;
    expect(r.chi2).toBeCloseTo(12.52777777777778, 10);
    expect(r.df).toBe(2);
    expect(r.p).toBeCloseTo(0.0019038276076954943, 12);
    expect(r.cramersV).toBeCloseTo(Math.sqrt(12.52777777777778 / 110), 12);
    expect(r.expected[0]).toEqual([(60 * 30) / 110, (60 * 40) / 110, (60 * 40) / 110]);
    expect(r.valid).toBe(true);
  });

  it('says when expected counts are too small for χ², and drops empty rows and columns', () => {
    const r = chiSquare([
      [3, 0, 1],
      [0, 0, 0],
      [1, 0, 4],
    ])!;
    expect(r.df).toBe(1);
    expect(r.valid).toBe(false);
    expect(r.reason).toMatch(/expected counts are below 5/);
    expect(chiSquare([[5, 6]])).toBeNull();
  });
});
