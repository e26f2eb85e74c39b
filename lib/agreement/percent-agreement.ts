// Percent (observed) agreement.
//
// Definition chosen here: the share of *pairable* items (items with at least two
// non-missing values) on which every coder who rated the item gave the same value.
// For two coders this is the usual observed agreement p_o (Cohen 1960; Artstein &
// Poesio 2008, sec. 2.2). With three or more coders it is the strict "all agree" share,
// which is lower than the mean pairwise agreement that multi-coder kappa/pi variants use;
// we report the strict share because it is what a reader of "percent agreement" expects
// ("on 60% of plots all coders chose the same chart type") and it does not depend on how
// pairs are weighted. Items rated by a single coder are ignored, not counted as agreement.
import type { Rating, UndefinedReason } from './types';
import { collectUnits, pairableUnits, requireCoders } from './units';

export type PercentAgreementResult = {
  /** Share of pairable items on which all coders agree, in [0, 1]; null if none are pairable. */
  value: number | null;
  /** Number of pairable items (the denominator). */
  items: number;
  /** Number of pairable items on which all coders agree (the numerator). */
  agreedItems: number;
  coders: string[];
  reason?: UndefinedReason;
};

export function percentAgreement(ratings: readonly Rating[]): PercentAgreementResult {
  const { units, coders } = collectUnits(ratings, (r) => r.value);
  requireCoders(coders, 'Percent agreement');
  const pairable = pairableUnits(units);
  const agreedItems = pairable.filter((values) => values.every((v) => v === values[0])).length;
  if (pairable.length === 0) {
    return { value: null, items: 0, agreedItems: 0, coders, reason: 'no-pairable-items' };
  }
  return { value: agreedItems / pairable.length, items: pairable.length, agreedItems, coders };
}
