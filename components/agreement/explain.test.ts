import { describe, expect, it } from 'vitest';
import { formatCoefficient, whyUndefined } from './explain';

const base = { items: 10, coders: 2, percentAgreement: 0.6, cohenKappa: 0.09, fleissKappa: 0.08, alpha: 0.1 };

describe('why a coefficient is undefined', () => {
  it('is silent when the coefficient is defined', () => expect(whyUndefined(base, 'alpha')).toBeNull());
  it('names the reason: too few coders, no pairable item, κ with three coders, no variation', () => {
    expect(whyUndefined({ ...base, coders: 1, items: 0, alpha: null }, 'alpha')).toMatch(/fewer than two coders/);
    expect(whyUndefined({ ...base, items: 0, alpha: null }, 'alpha')).toMatch(/no item has been submitted by two coders/);
    expect(whyUndefined({ ...base, coders: 3, cohenKappa: null }, 'cohenKappa')).toMatch(/exactly two coders \(here 3\)/);
    expect(whyUndefined({ ...base, alpha: null }, 'alpha')).toMatch(/no variation/);
  });
  it('formats values', () => {
    expect(formatCoefficient(0.6, 'percentAgreement')).toBe('60.0 %');
    expect(formatCoefficient(0.0909091, 'cohenKappa')).toBe('0.091');
    expect(formatCoefficient(null, 'alpha')).toBe('—');
  });
});
