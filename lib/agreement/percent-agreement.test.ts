import { describe, expect, it } from 'vitest';
import { AgreementInputError, percentAgreement, type Rating } from './index';
import { artsteinPoesio, atlasTi, fromRows, krippendorff2011, textbook2x2 } from './test-vectors';

describe('percentAgreement', () => {
  it('vector 4: 35 of 50 items agree', () => {
    expect(percentAgreement(textbook2x2)).toMatchObject({ value: 0.7, items: 50, agreedItems: 35, coders: ['A', 'B'] });
  });

  it('vector 5: observed agreement 0.88', () => {
    expect(percentAgreement(artsteinPoesio).value).toBeCloseTo(0.88, 6);
  });

  it('vector 6: percent agreement 0.6', () => {
    expect(percentAgreement(atlasTi).value).toBeCloseTo(0.6, 6);
  });

  it('multi-coder: share of pairable units where every present coder agrees (vector 2)', () => {
    // Pairable units: 1-11 (unit 12 has one value); all-agree on 1, 3, 4, 5, 7, 9, 10, 11.
    expect(percentAgreement(krippendorff2011)).toMatchObject({ value: 8 / 11, items: 11, agreedItems: 8 });
  });

  it('ignores items coded by only one coder', () => {
    const extra: Rating[] = [{ item: 'lone', coder: 'A', value: 'yes' }, { item: 'lone', coder: 'B', value: null }];
    expect(percentAgreement([...textbook2x2, ...extra])).toMatchObject({ value: 0.7, items: 50 });
  });

  it('all coders agreeing on one category is full agreement', () => {
    expect(percentAgreement(fromRows({ A: 'x x x', B: 'x x x' })).value).toBe(1);
  });

  it('returns null with a reason when no item is pairable', () => {
    expect(percentAgreement(fromRows({ A: 'x * ', B: '* y' }))).toMatchObject({ value: null, items: 0, reason: 'no-pairable-items' });
  });

  it('throws a clear error for a single coder', () => {
    expect(() => percentAgreement(fromRows({ A: 'x y' }))).toThrow(AgreementInputError);
    expect(() => percentAgreement(fromRows({ A: 'x y' }))).toThrow(/at least two coders; got 1 \("A"\)/);
  });

  it('throws on two ratings of one item by one coder', () => {
    const dup: Rating[] = [...fromRows({ A: 'x', B: 'x' }), { item: 'u1', coder: 'A', value: 'y' }];
    expect(() => percentAgreement(dup)).toThrow(/rated item "u1" more than once/);
  });
});
