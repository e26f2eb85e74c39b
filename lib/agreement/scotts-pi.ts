// Scott's pi for exactly two coders.
//
// Source: Scott, W. A. (1955). Reliability of content analysis: the case of nominal scale
// coding. Public Opinion Quarterly 19(3), 321-325; notation as in Artstein & Poesio (2008),
// eq. 5-6:  pi = (p_o - p_e) / (1 - p_e),  p_e = sum_k ((n_A(k) + n_B(k)) / 2N)^2.
// Unlike Cohen's kappa, chance agreement uses the *pooled* distribution of both coders, i.e.
// it assumes the coders share one category distribution. Same item handling as cohenKappa:
// only items both coders rated count. For more than two coders use Fleiss' kappa, which is
// the multi-coder generalisation of pi.
import type { Rating } from './types';
import { pairedCoefficient, type TwoCoderResult } from './two-coders';
import { increment } from './units';

/** pe is sum_k ((n_A(k) + n_B(k)) / 2N)^2. */
export type ScottsPiResult = TwoCoderResult;

export function scottsPi(ratings: readonly Rating[]): ScottsPiResult {
  return pairedCoefficient(ratings, "Scott's pi", (pairs) => {
    const pooled = new Map<string, number>();
    for (const [a, b] of pairs) {
      increment(pooled, a);
      increment(pooled, b);
    }
    let squares = 0;
    for (const count of pooled.values()) squares += count * count;
    return squares / (4 * pairs.length * pairs.length); // (2N)^2, integers until this one division
  });
}
