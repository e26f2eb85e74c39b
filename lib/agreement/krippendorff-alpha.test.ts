import { describe, expect, it } from 'vitest';
import { AgreementInputError, krippendorffAlpha, type Rating } from './index';
import { artsteinPoesio, atlasTi, fromRows, krippendorff2011, wikipedia } from './test-vectors';

describe('krippendorffAlpha', () => {
  it('vector 1 (Wikipedia): nominal 0.691358, interval 0.810845', () => {
    const nominal = krippendorffAlpha(wikipedia, { level: 'nominal' });
    expect(nominal.value).toBeCloseTo(0.691358, 6);
    // u1 has a single value and u2, u14 none: 12 pairable units holding 26 values.
    expect(nominal).toMatchObject({ items: 12, pairableValues: 26, coders: ['A', 'B', 'C'] });
    expect(krippendorffAlpha(wikipedia, { level: 'interval' }).value).toBeCloseTo(0.810845, 6);
  });

  it('vector 2 (Krippendorff 2011): nominal .743, ordinal .815, interval .849, ratio .797', () => {
    const alpha = (level: 'nominal' | 'ordinal' | 'interval' | 'ratio') => krippendorffAlpha(krippendorff2011, { level });
    expect(alpha('nominal').value).toBeCloseTo(0.743, 3);
    expect(alpha('ordinal').value).toBeCloseTo(0.815, 3);
    expect(alpha('interval').value).toBeCloseTo(0.849, 3);
    expect(alpha('ratio').value).toBeCloseTo(0.797, 3);
    // Unit 12 has a single value: 11 pairable units, n = 40 (Krippendorff 2011, p. 8).
    expect(alpha('nominal')).toMatchObject({ items: 11, pairableValues: 40 });
  });

  it('vector 5: nominal 0.800535', () => {
    expect(krippendorffAlpha(artsteinPoesio, { level: 'nominal' }).value).toBeCloseTo(0.800535, 6);
  });

  it('vector 6: nominal 0.095238', () => {
    expect(krippendorffAlpha(atlasTi, { level: 'nominal' }).value).toBeCloseTo(0.095238, 6);
  });

  it('reports D_o and D_e consistent with alpha', () => {
    const r = krippendorffAlpha(krippendorff2011, { level: 'interval' });
    expect(1 - r.observedDisagreement! / r.expectedDisagreement!).toBeCloseTo(r.value!, 12);
  });

  it('ignores units with a single value', () => {
    // u1 of vector 1 is a lone value (B = 1); dropping it, or adding another, changes nothing.
    const withoutU1 = wikipedia.filter((r) => r.item !== 'u1');
    const lone: Rating[] = [{ item: 'extra', coder: 'A', value: '5' }];
    const base = krippendorffAlpha(withoutU1, { level: 'interval' });
    const withLone = krippendorffAlpha([...wikipedia, ...lone], { level: 'interval' });
    expect(withLone.value).toBe(base.value);
    expect(withLone.pairableValues).toBe(base.pairableValues);
  });

  it('ordinal alpha accepts an explicit order for named categories', () => {
    const names = ['none', 'low', 'mid', 'high', 'max'];
    const named = krippendorff2011.map((r) => ({ ...r, value: r.value === null ? null : names[Number(r.value) - 1]! }));
    const r = krippendorffAlpha(named, { level: 'ordinal', order: names });
    expect(r.value).toBeCloseTo(krippendorffAlpha(krippendorff2011, { level: 'ordinal' }).value!, 12);
    expect(() => krippendorffAlpha(named, { level: 'ordinal', order: ['none'] })).toThrow(/"low" is not in the given order/);
    expect(() => krippendorffAlpha(named, { level: 'nominal', order: names })).toThrow(/only applies to the ordinal/);
  });

  it('treats numeric strings by value at numeric levels', () => {
    const a = krippendorffAlpha(fromRows({ A: '1 2 3', B: '1.0 2 4' }), { level: 'interval' });
    const b = krippendorffAlpha(fromRows({ A: '1 2 3', B: '1 2 4' }), { level: 'interval' });
    expect(a.value).toBeCloseTo(b.value!, 12);
  });

  it('rejects non-numeric values at numeric levels and negative ratio values', () => {
    expect(() => krippendorffAlpha(fromRows({ A: '1 x', B: '1 2' }), { level: 'interval' })).toThrow(AgreementInputError);
    expect(() => krippendorffAlpha(fromRows({ A: '1 -2', B: '1 2' }), { level: 'ratio' })).toThrow(/>= 0/);
  });

  it('is null, not 1 or NaN, when all pairable values are equal', () => {
    const r = krippendorffAlpha(fromRows({ A: 'bar bar *', B: 'bar bar line' }), { level: 'nominal' });
    expect(r).toMatchObject({ value: null, reason: 'no-variation', items: 2, pairableValues: 4 });
  });

  it('is null when no unit is pairable, and throws for a single coder', () => {
    expect(krippendorffAlpha(fromRows({ A: '1 *', B: '* 2' }), { level: 'nominal' })).toMatchObject({ value: null, reason: 'no-pairable-items' });
    expect(() => krippendorffAlpha(fromRows({ A: '1 2' }), { level: 'nominal' })).toThrow(/at least two coders/);
  });
});
