import { describe, expect, it } from 'vitest';
import { AgreementInputError, cohenKappa, type Rating } from './index';
import { artsteinPoesio, atlasTi, fromRows, textbook2x2 } from './test-vectors';

describe('cohenKappa', () => {
  it('vector 4: po 0.70, pe 0.50, kappa 0.40', () => {
    const r = cohenKappa(textbook2x2);
    expect(r.po).toBeCloseTo(0.7, 6);
    expect(r.pe).toBeCloseTo(0.5, 6);
    expect(r.value).toBeCloseTo(0.4, 6);
    expect(r).toMatchObject({ items: 50, coders: ['A', 'B'] });
  });

  it('vector 4: chance agreement is P_A(yes)P_B(yes) + P_A(no)P_B(no), not P(yes) x P(no)', () => {
    // A says yes 25/50, B 30/50: 0.5*0.6 + 0.5*0.4 = 0.5. The P(yes) x P(no) mistake with
    // pooled P(yes) = 0.55 would give 0.2475.
    expect(cohenKappa(textbook2x2).pe).not.toBeCloseTo(0.55 * 0.45, 3);
  });

  it('vector 5: kappa 0.801325', () => {
    const r = cohenKappa(artsteinPoesio);
    expect(r.po).toBeCloseTo(0.88, 6);
    expect(r.value).toBeCloseTo(0.801325, 6);
  });

  it('vector 6: chance agreement 0.56, kappa 0.090909 despite 60% agreement', () => {
    const r = cohenKappa(atlasTi);
    expect(r.po).toBeCloseTo(0.6, 6);
    expect(r.pe).toBeCloseTo(0.56, 6);
    expect(r.value).toBeCloseTo(0.090909, 6);
  });

  it('is symmetric in the two coders', () => {
    const swapped = textbook2x2.map((r) => ({ ...r, coder: r.coder === 'A' ? 'B' : 'A' }));
    expect(cohenKappa(swapped).value).toBeCloseTo(0.4, 12);
  });

  it('uses only items both coders rated', () => {
    const extra: Rating[] = [
      { item: 'onlyA', coder: 'A', value: 'yes' },
      { item: 'onlyB', coder: 'B', value: 'no' },
      { item: 'nullB', coder: 'A', value: 'no' },
      { item: 'nullB', coder: 'B', value: null },
    ];
    const r = cohenKappa([...textbook2x2, ...extra]);
    expect(r).toMatchObject({ items: 50 });
    expect(r.value).toBeCloseTo(0.4, 12);
  });

  it('is null (not NaN, not a division by zero) when both coders use one category only', () => {
    const r = cohenKappa(fromRows({ A: 'bar bar bar', B: 'bar bar bar' }));
    expect(r).toEqual({ value: null, po: 1, pe: 1, items: 3, coders: ['A', 'B'], reason: 'no-variation' });
  });

  it('is defined when only one coder varies (pe < 1)', () => {
    expect(cohenKappa(fromRows({ A: 'x x x x', B: 'x x x y' })).value).toBeCloseTo(0, 12);
  });

  it('is null when the coders share no item', () => {
    expect(cohenKappa(fromRows({ A: 'x *', B: '* x' }))).toMatchObject({ value: null, po: null, pe: null, reason: 'no-pairable-items' });
  });

  it('throws unless there are exactly two coders', () => {
    expect(() => cohenKappa(fromRows({ A: 'x y' }))).toThrow(AgreementInputError);
    expect(() => cohenKappa(fromRows({ A: 'x y' }))).toThrow(/exactly two coders; got 1/);
    expect(() => cohenKappa(fromRows({ A: 'x', B: 'x', C: 'y' }))).toThrow(/exactly two coders; got 3.*Fleiss/);
    expect(() => cohenKappa([])).toThrow(/got 0/);
  });

  it('does not count a coder whose every rating is missing', () => {
    const r = cohenKappa([...textbook2x2, { item: 'i1', coder: 'C', value: null }]);
    expect(r.coders).toEqual(['A', 'B']);
  });
});
