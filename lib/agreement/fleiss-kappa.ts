// Fleiss' kappa for a fixed number n >= 2 of ratings per item.
//
// Source: Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters.
// Psychological Bulletin 76(5), 378-382, eq. 1-9. With N items, n ratings per item,
// n_ij = raters who put item i in category j:
//   P_i  = (sum_j n_ij^2 - n) / (n (n - 1))      agreement on item i
//   P̄    = mean_i P_i
//   p_j  = sum_i n_ij / (N n)                    pooled category share
//   P̄e   = sum_j p_j^2
//   kappa = (P̄ - P̄e) / (1 - P̄e)
// The raters of different items need not be the same people, but every item must have
// the same number of ratings: the formula has no notion of missing data.
//
// Items with a different number of ratings (convention chosen here): they are *excluded*
// and counted in `excludedItems`, rather than throwing, because partially coded corpora are
// the normal case while coding is in progress. n is `options.raters` if given, otherwise the
// most common number of ratings among items rated at least twice (ties -> the larger n, so
// complete items win over partial ones). Use Krippendorff's alpha to use every rating.
import { AgreementInputError, type Rating, type UndefinedReason } from './types';
import { collectUnits, increment, requireCoders } from './units';

export type FleissCountsResult = {
  value: number | null;
  pBar: number;
  peBar: number;
  items: number;
  /** n, the number of ratings per item. */
  raters: number;
  categories: number;
  reason?: UndefinedReason;
};

export type FleissKappaResult = {
  value: number | null;
  pBar: number | null;
  peBar: number | null;
  /** Items used (those with exactly `raters` ratings). */
  items: number;
  /** Coders with at least one rating. */
  coders: string[];
  /** n, the number of ratings per item used; 0 when no item qualified. */
  raters: number;
  /** Items with at least one rating but not exactly `raters` of them. */
  excludedItems: number;
  reason?: UndefinedReason;
};

/** Fleiss' kappa from a subject x category count table; every row must sum to the same n >= 2. */
export function fleissKappaFromCounts(counts: readonly (readonly number[])[]): FleissCountsResult {
  if (counts.length === 0) throw new AgreementInputError("Fleiss' kappa needs at least one row of counts");
  const k = counts[0]!.length;
  let n = -1;
  counts.forEach((row, i) => {
    if (row.length !== k) throw new AgreementInputError(`row ${i} has ${row.length} categories, row 0 has ${k}`);
    if (row.some((c) => !Number.isInteger(c) || c < 0)) {
      throw new AgreementInputError(`row ${i} has a count that is not a non-negative integer`);
    }
    const sum = row.reduce((s, c) => s + c, 0);
    if (n === -1) n = sum;
    if (sum !== n) throw new AgreementInputError(`row ${i} sums to ${sum}, row 0 to ${n}: every item needs the same number of ratings`);
  });
  if (n < 2) throw new AgreementInputError(`Fleiss' kappa needs at least two ratings per item; rows sum to ${n}`);

  const N = counts.length;
  // Integer sums, then one division each, so P̄e is exactly 1 when only one category occurs.
  let sumSquares = 0;
  const columnTotals = new Array<number>(k).fill(0);
  for (const row of counts) {
    row.forEach((c, j) => {
      sumSquares += c * c;
      columnTotals[j]! += c;
    });
  }
  const pBar = (sumSquares - N * n) / (N * n * (n - 1));
  const peBar = columnTotals.reduce((s, t) => s + t * t, 0) / (N * n * (N * n));
  const result = { pBar, peBar, items: N, raters: n, categories: k };
  return peBar === 1
    ? { value: null, ...result, reason: 'no-variation' }
    : { value: (pBar - peBar) / (1 - peBar), ...result };
}

export type FleissKappaOptions = { raters?: number };

export function fleissKappa(ratings: readonly Rating[], options: FleissKappaOptions = {}): FleissKappaResult {
  const { units, coders } = collectUnits(ratings, (r) => r.value);
  requireCoders(coders, "Fleiss' kappa");
  const n = options.raters ?? modalRatingCount(units);
  if (options.raters !== undefined && (!Number.isInteger(n) || n < 2)) {
    throw new AgreementInputError(`raters must be an integer >= 2; got ${options.raters}`);
  }

  const eligible = [...units.values()].filter((unit) => unit.size === n);
  const excludedItems = units.size - eligible.length;
  if (n < 2 || eligible.length === 0) {
    return { value: null, pBar: null, peBar: null, items: 0, coders, raters: 0, excludedItems: units.size, reason: 'no-pairable-items' };
  }
  const categories = new Map<string, number>();
  for (const unit of eligible) for (const v of unit.values()) if (!categories.has(v)) categories.set(v, categories.size);
  const counts = eligible.map((unit) => {
    const row = new Array<number>(categories.size).fill(0);
    for (const v of unit.values()) row[categories.get(v)!]! += 1;
    return row;
  });
  const { value, pBar, peBar, reason } = fleissKappaFromCounts(counts);
  const result = { value, pBar, peBar, items: eligible.length, coders, raters: n, excludedItems };
  return reason ? { ...result, reason } : result;
}

function modalRatingCount(units: Map<string, Map<string, unknown>>): number {
  const freq = new Map<number, number>();
  for (const unit of units.values()) if (unit.size >= 2) increment(freq, unit.size);
  let best = 0;
  let bestFreq = 0;
  for (const [size, f] of freq) {
    if (f > bestFreq || (f === bestFreq && size > best)) [best, bestFreq] = [size, f];
  }
  return best;
}
