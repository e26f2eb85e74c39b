import { describe, expect, it } from 'vitest';
import { AgreementInputError, fleissKappa, fleissKappaFromCounts, scottsPi, type Rating } from './index';
import { artsteinPoesio, fleiss1971, fromCounts, fromRows } from './test-vectors';

describe('fleissKappaFromCounts', () => {
  it('vector 3: Fleiss (1971) P̄ 0.378022, P̄e 0.212755, kappa 0.209931', () => {
    const r = fleissKappaFromCounts(fleiss1971);
    expect(r.pBar).toBeCloseTo(0.378022, 6);
    expect(r.peBar).toBeCloseTo(0.212755, 6);
    expect(r.value).toBeCloseTo(0.209931, 6);
    expect(r).toMatchObject({ items: 10, raters: 14, categories: 5 });
  });

  it('is null when only one category is ever used', () => {
    expect(fleissKappaFromCounts([[3, 0], [3, 0]])).toMatchObject({ value: null, pBar: 1, peBar: 1, reason: 'no-variation' });
  });

  it('rejects malformed tables', () => {
    expect(() => fleissKappaFromCounts([])).toThrow(AgreementInputError);
    expect(() => fleissKappaFromCounts([[1, 2], [3]])).toThrow(/row 1 has 1 categories/);
    expect(() => fleissKappaFromCounts([[1, 2], [2, 2]])).toThrow(/row 1 sums to 4, row 0 to 3/);
    expect(() => fleissKappaFromCounts([[1, 0], [0, 1]])).toThrow(/at least two ratings per item/);
    expect(() => fleissKappaFromCounts([[1.5, 0.5]])).toThrow(/non-negative integer/);
  });
});

describe('fleissKappa', () => {
  it('vector 3 from individual ratings gives the same numbers as from counts', () => {
    const r = fleissKappa(fromCounts(fleiss1971));
    expect(r.pBar).toBeCloseTo(0.378022, 6);
    expect(r.peBar).toBeCloseTo(0.212755, 6);
    expect(r.value).toBeCloseTo(0.209931, 6);
    expect(r).toMatchObject({ items: 10, raters: 14, excludedItems: 0 });
    expect(r.coders).toHaveLength(14);
  });

  it("equals Scott's pi for two coders (vector 5)", () => {
    expect(fleissKappa(artsteinPoesio).value).toBeCloseTo(scottsPi(artsteinPoesio).value!, 12);
  });

  it('excludes items without the common number of ratings, and says how many', () => {
    const complete = fromCounts(fleiss1971);
    const partial: Rating[] = [
      { item: 'half', coder: 'r1', value: 'k1' },
      { item: 'half', coder: 'r2', value: 'k2' },
      { item: 'lone', coder: 'r1', value: 'k3' },
    ];
    const r = fleissKappa([...complete, ...partial]);
    expect(r).toMatchObject({ items: 10, raters: 14, excludedItems: 2 });
    expect(r.value).toBeCloseTo(0.209931, 6);
  });

  it('uses the most common number of ratings, or the one asked for', () => {
    const ratings = fromRows({ A: 'x x y y', B: 'x y y y', C: 'x x y *' });
    expect(fleissKappa(ratings)).toMatchObject({ raters: 3, items: 3, excludedItems: 1 });
    expect(fleissKappa(ratings, { raters: 2 })).toMatchObject({ raters: 2, items: 1, excludedItems: 3 });
    expect(() => fleissKappa(ratings, { raters: 1 })).toThrow(/raters must be an integer >= 2/);
  });

  it('is null when every coder picks the same category for every item', () => {
    expect(fleissKappa(fromRows({ A: 'x x', B: 'x x', C: 'x x' }))).toMatchObject({ value: null, reason: 'no-variation' });
  });

  it('is null when no item has two ratings', () => {
    expect(fleissKappa(fromRows({ A: 'x *', B: '* y' }))).toMatchObject({ value: null, items: 0, excludedItems: 2, reason: 'no-pairable-items' });
  });

  it('throws for a single coder', () => {
    expect(() => fleissKappa(fromRows({ A: 'x y' }))).toThrow(/at least two coders/);
  });
});
