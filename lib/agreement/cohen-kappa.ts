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
import type { Rating } from './types';
import { pairedCoefficient, type TwoCoderResult } from './two-coders';
import { increment } from './units';

/** pe is sum_k p_A(k) p_B(k). */
export type CohenKappaResult = TwoCoderResult;

/** Throws AgreementInputError unless the ratings come from exactly two coders. */
export function cohenKappa(ratings: readonly Rating[]): CohenKappaResult {
  return pairedCoefficient(ratings, "Cohen's kappa", (pairs) => {
    const marginA = new Map<string, number>();
    const marginB = new Map<string, number>();
    for (const [a, b] of pairs) {
      increment(marginA, a);
      increment(marginB, b);
    }
    // Sum integer products first and divide once, so p_e is exactly 1 when it should be and
    // the "undefined" test is not at the mercy of rounding.
    let chanceCount = 0;
    for (const [k, na] of marginA) chanceCount += na * (marginB.get(k) ?? 0);
    return chanceCount / (pairs.length * pairs.length);
  });
}
