// Shared input and result shapes for lib/agreement.
//
// Conventions used by every coefficient in this folder (see README.md):
// - A rating whose value is null, or a (item, coder) pair that is absent, is *missing*.
// - Malformed input (duplicate ratings, fewer than two coders, non-numeric values at a
//   numeric level, ...) throws AgreementInputError: it is a caller bug, not a result.
// - Well-formed data on which a coefficient is mathematically undefined returns
//   `value: null` with a `reason`, never NaN and never a silent division by zero.

/** One coder's single nominal (or numeric-string) code for one item. */
export type Rating = { item: string; coder: string; value: string | null };

/** One coder's set of codes for one item (multi-code items). An empty array is a real
 * coding ("no code applies"); a missing coding is an absent row. */
export type SetRating = { item: string; coder: string; values: readonly string[] };

/** Why a coefficient has no value:
 * - 'no-pairable-items': no item was coded by at least two coders;
 * - 'no-variation': chance agreement is 1 (expected disagreement 0), so the
 *   coefficient is 0/0, e.g. every coder used one and the same category throughout. */
export type UndefinedReason = 'no-pairable-items' | 'no-variation';

export class AgreementInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AgreementInputError';
  }
}
