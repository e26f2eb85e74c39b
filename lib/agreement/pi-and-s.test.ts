import { describe, expect, it } from 'vitest';
import { bennettS, scottsPi } from './index';
import { artsteinPoesio, atlasTi, fromRows } from './test-vectors';

describe('scottsPi', () => {
  it("vector 5: pi 0.799532 (NLTK's Artstein & Poesio example)", () => {
    const r = scottsPi(artsteinPoesio);
    expect(r.po).toBeCloseTo(0.88, 6);
    expect(r.pe).toBeCloseTo(0.4014, 6); // 0.49^2 + 0.38^2 + 0.13^2
    expect(r.value).toBeCloseTo(0.799532, 6);
  });

  it('pools both coders for chance agreement (vector 6)', () => {
    // Pooled share of "1": 6/20 = 0.3, so pe = 0.09 + 0.49 = 0.58.
    expect(scottsPi(atlasTi).pe).toBeCloseTo(0.58, 12);
  });

  it('is null when every rating is the same category', () => {
    expect(scottsPi(fromRows({ A: 'x x', B: 'x x' }))).toMatchObject({ value: null, pe: 1, reason: 'no-variation' });
  });

  it('throws for a single coder', () => {
    expect(() => scottsPi(fromRows({ A: 'x y' }))).toThrow(/exactly two coders/);
  });
});

describe('bennettS', () => {
  it('vector 5: S 0.82 with the 3 categories observed', () => {
    const r = bennettS(artsteinPoesio);
    expect(r.categories).toBe(3);
    expect(r.value).toBeCloseTo(0.82, 6);
  });

  it('takes the codebook size when given, since unused categories are still available', () => {
    expect(bennettS(artsteinPoesio, { categories: 4 }).value).toBeCloseTo((0.88 - 0.25) / 0.75, 12);
    expect(bennettS(artsteinPoesio, { categories: ['stat', 'ireq', 'chck', 'othr'] }).categories).toBe(4);
    expect(() => bennettS(artsteinPoesio, { categories: 2 })).toThrow(/used 3 distinct values/);
    expect(() => bennettS(artsteinPoesio, { categories: ['stat'] })).toThrow(/"ireq", "chck"/);
  });

  it('is null when only one category is available', () => {
    expect(bennettS(fromRows({ A: 'x x', B: 'x x' }))).toMatchObject({ value: null, pe: 1, reason: 'no-variation' });
  });
});
