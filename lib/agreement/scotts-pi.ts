// Scott's pi for exactly two coders.
//
// Source: Scott, W. A. (1955). Reliability of content analysis: the case of nominal scale
// coding. Public Opinion Quarterly 19(3), 321-325; notation as in Artstein & Poesio (2008),
// eq. 5-6:  pi = (p_o - p_e) / (1 - p_e),  p_e = sum_k ((n_A(k) + n_B(k)) / 2N)^2.
// Unlike Cohen's kappa, chance agreement uses the *pooled* distribution of both coders, i.e.
// it assumes the coders share one category distribution. Same item handling as cohenKappa:
// only items both coders rated count. For more than two coders use Fleiss' kappa, which is
// the multi-coder generalisation of pi.
import type { Rating, UndefinedReason } from './types';
import { chanceCorrected, pairedRatings } from './two-coders';
import { increment } from './units';

export type ScottsPiResult = {
  value: number | null;
  po: number | null;
  pe: number | null;
  items: number;
  coders: [string, string];
  reason?: UndefinedReason;
};

export function scottsPi(ratings: readonly Rating[]): ScottsPiResult {
  const { coders, pairs } = pairedRatings(ratings, "Scott's pi");
  const n = pairs.length;
  if (n === 0) return { value: null, po: null, pe: null, items: 0, coders, reason: 'no-pairable-items' };

  let agreed = 0;
  const pooled = new Map<string, number>();
  for (const [a, b] of pairs) {
    if (a === b) agreed++;
    increment(pooled, a);
    increment(pooled, b);
  }
  let squares = 0;
  for (const count of pooled.values()) squares += count * count;
  const po = agreed / n;
  const pe = squares / (4 * n * n); // (2N)^2, integers until this one division
  const value = chanceCorrected(po, pe);
  return value === null
    ? { value, po, pe, items: n, coders, reason: 'no-variation' }
    : { value, po, pe, items: n, coders };
}
