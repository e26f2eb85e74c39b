// Shared front end of the two-coder coefficients (Cohen's kappa, Scott's pi, Bennett's S), and the
// skeleton kappa and pi share.
import { AgreementInputError, type Rating, type UndefinedReason } from './types';
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

export type TwoCoderResult = {
  /** The coefficient in [-1, 1]; null when undefined (see `reason`). */
  value: number | null;
  /** Observed agreement; null when no item was rated by both coders. */
  po: number | null;
  /** Chance agreement; null when no item was rated by both coders. */
  pe: number | null;
  /** Items rated by both coders. */
  items: number;
  /** The two coders, in first-appearance order. */
  coders: [string, string];
  reason?: UndefinedReason;
};

/**
 * The skeleton of Cohen's kappa and Scott's pi, which differ only in chance agreement: observed
 * agreement over the items both coders rated, and `chance(pairs)` (never called with no pairs).
 */
export function pairedCoefficient(
  ratings: readonly Rating[],
  what: string,
  chance: (pairs: [string, string][]) => number,
): TwoCoderResult {
  const { coders, pairs } = pairedRatings(ratings, what);
  const n = pairs.length;
  if (n === 0) return { value: null, po: null, pe: null, items: 0, coders, reason: 'no-pairable-items' };
  const po = pairs.filter(([a, b]) => a === b).length / n;
  const pe = chance(pairs);
  const value = chanceCorrected(po, pe);
  return value === null ? { value, po, pe, items: n, coders, reason: 'no-variation' } : { value, po, pe, items: n, coders };
}
