// Cohen's kappa for exactly two coders.
//
// Source: Cohen, J. (1960). A coefficient of agreement for nominal scales. Educational and
// Psychological Measurement 20(1), 37-46; notation as in Artstein & Poesio (2008), eq. 3-4:
//   kappa = (p_o - p_e) / (1 - p_e),   p_e = sum_k p_A(k) * p_B(k)
// where p_A(k) is the share of items coder A put in category k. Chance agreement is the sum
// over *all* categories of the product of the two coders' own marginals; for a yes/no code
// that is P_A(yes)P_B(yes) + P_A(no)P_B(no), not P(yes) x P(no) (a known bug elsewhere).
//
// Only items both coders rated enter p_o and the marginals: an item one coder skipped says
// nothing about their agreement, and using it in one marginal only would bias p_e.
import type { Rating, UndefinedReason } from './types';
import { chanceCorrected, pairedRatings } from './two-coders';
import { increment } from './units';

export type CohenKappaResult = {
  /** kappa in [-1, 1]; null when undefined (see `reason`). */
  value: number | null;
  /** Observed agreement; null when no item was rated by both coders. */
  po: number | null;
  /** Chance agreement sum_k p_A(k) p_B(k); null when no item was rated by both coders. */
  pe: number | null;
  /** Items rated by both coders. */
  items: number;
  /** The two coders, in first-appearance order. */
  coders: [string, string];
  reason?: UndefinedReason;
};

/** Throws AgreementInputError unless the ratings come from exactly two coders. */
export function cohenKappa(ratings: readonly Rating[]): CohenKappaResult {
  const { coders, pairs } = pairedRatings(ratings, "Cohen's kappa");
  const n = pairs.length;
  if (n === 0) return { value: null, po: null, pe: null, items: 0, coders, reason: 'no-pairable-items' };

  let agreed = 0;
  const marginA = new Map<string, number>();
  const marginB = new Map<string, number>();
  for (const [a, b] of pairs) {
    if (a === b) agreed++;
    increment(marginA, a);
    increment(marginB, b);
  }
  // Sum integer products first and divide once, so p_e is exactly 1 when it should be and
  // the "undefined" test below is not at the mercy of rounding.
  let chanceCount = 0;
  for (const [k, na] of marginA) chanceCount += na * (marginB.get(k) ?? 0);
  const po = agreed / n;
  const pe = chanceCount / (n * n);
  const value = chanceCorrected(po, pe);
  return value === null
    ? { value, po, pe, items: n, coders, reason: 'no-variation' }
    : { value, po, pe, items: n, coders };
}
