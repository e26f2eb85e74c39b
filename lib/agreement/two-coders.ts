// Shared front end of the two-coder coefficients (Cohen's kappa, Scott's pi, Bennett's S).
import { AgreementInputError, type Rating } from './types';
import { collectUnits } from './units';

export type PairedRatings = {
  coders: [string, string];
  /** [coder A's value, coder B's value] for each item both coders rated. */
  pairs: [string, string][];
  /** Distinct values either coder used anywhere, including items the other left uncoded. */
  categories: Set<string>;
};

export function pairedRatings(ratings: readonly Rating[], what: string): PairedRatings {
  const { units, coders } = collectUnits(ratings, (r) => r.value);
  if (coders.length !== 2) {
    throw new AgreementInputError(
      `${what} is defined for exactly two coders; got ${coders.length}` +
        (coders.length ? ` (${coders.map((c) => `"${c}"`).join(', ')})` : '') +
        (coders.length > 2 ? "; use Fleiss' kappa or Krippendorff's alpha" : ''),
    );
  }
  const [a, b] = coders as [string, string];
  const pairs: [string, string][] = [];
  const categories = new Set<string>();
  for (const unit of units.values()) {
    for (const v of unit.values()) categories.add(v);
    const va = unit.get(a);
    const vb = unit.get(b);
    // An item only one coder rated says nothing about how the two agree.
    if (va !== undefined && vb !== undefined) pairs.push([va, vb]);
  }
  return { coders: [a, b], pairs, categories };
}

/** (po - pe) / (1 - pe), the form shared by kappa, pi and S; null when pe = 1 (0/0). */
export function chanceCorrected(po: number, pe: number): number | null {
  return pe === 1 ? null : (po - pe) / (1 - pe);
}
