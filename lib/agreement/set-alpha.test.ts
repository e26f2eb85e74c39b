import { describe, expect, it } from 'vitest';
import { krippendorffAlpha, krippendorffAlphaSets, type SetRating } from './index';
import { plotSets, wikipedia } from './test-vectors';

describe('krippendorffAlphaSets', () => {
  it("vector 8: MASI with NLTK's weights 0.509140", () => {
    const r = krippendorffAlphaSets(plotSets, { distance: 'masi' });
    expect(r.value).toBeCloseTo(0.50914, 6);
    // p5 lost c3 but still has two codings: 5 pairable plots, 14 values.
    expect(r).toMatchObject({ items: 5, pairableValues: 14, coders: ['c1', 'c2', 'c3'] });
  });

  it('vector 8: Jaccard 0.583333, exact set equality 0.365854', () => {
    expect(krippendorffAlphaSets(plotSets, { distance: 'jaccard' }).value).toBeCloseTo(0.583333, 6);
    expect(krippendorffAlphaSets(plotSets, { distance: 'binary' }).value).toBeCloseTo(0.365854, 6);
  });

  it('vector 8 with exact MASI weights (regression value, computed here: 0.508403)', () => {
    expect(krippendorffAlphaSets(plotSets, { distance: 'masi', masiWeights: 'exact' }).value).toBeCloseTo(0.508403, 6);
  });

  it('on singleton sets with binary distance it is nominal alpha (vector 1)', () => {
    const singletons: SetRating[] = wikipedia.flatMap((r) => (r.value === null ? [] : [{ ...r, values: [r.value] }]));
    const sets = krippendorffAlphaSets(singletons, { distance: 'binary' });
    expect(sets.value).toBeCloseTo(krippendorffAlpha(wikipedia, { level: 'nominal' }).value!, 12);
    expect(sets.value).toBeCloseTo(0.691358, 6);
  });

  it('groups equal sets regardless of order and duplicates', () => {
    const shuffled = plotSets.map((r) => ({ ...r, values: [...r.values].reverse().concat(r.values) }));
    expect(krippendorffAlphaSets(shuffled, { distance: 'masi' }).value).toBeCloseTo(0.50914, 6);
  });

  it('ignores plots coded by one coder only', () => {
    const lone: SetRating = { item: 'p6', coder: 'c1', values: ['pie'] };
    const r = krippendorffAlphaSets([...plotSets, lone], { distance: 'jaccard' });
    expect(r).toMatchObject({ items: 5, pairableValues: 14 });
    expect(r.value).toBeCloseTo(0.583333, 6);
  });

  it('is null, not 1, when every coding is the same set', () => {
    const same: SetRating[] = ['c1', 'c2'].flatMap((coder) => ['p1', 'p2'].map((item) => ({ item, coder, values: ['bar', 'legend'] })));
    expect(krippendorffAlphaSets(same, { distance: 'masi' })).toMatchObject({ value: null, reason: 'no-variation' });
  });

  it('is null without pairable plots and throws for a single coder', () => {
    const apart: SetRating[] = [{ item: 'p1', coder: 'c1', values: ['bar'] }, { item: 'p2', coder: 'c2', values: ['bar'] }];
    expect(krippendorffAlphaSets(apart, { distance: 'masi' })).toMatchObject({ value: null, reason: 'no-pairable-items' });
    expect(() => krippendorffAlphaSets(plotSets.filter((r) => r.coder === 'c1'), { distance: 'masi' })).toThrow(/at least two coders/);
  });
});
