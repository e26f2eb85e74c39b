// Krippendorff's alpha over set-valued codings (several codes per item), with a set distance.
//
// Formulation: NLTK's AnnotationTask.alpha() as rewritten in nltk/nltk#2043 (2018, NLTK >= 3.4):
//   D(f)  = sum_{j,l} f_j f_l d(j, l) / (|f| (|f| - 1))     for a multiset f of labels
//   D_o   = sum_u m_u D(f_u) / sum_u m_u                     over units u with m_u >= 2 labels
//   D_e   = D(union of the f_u of those units)
//   alpha = 1 - D_o / D_e
// Each unit's mean pairwise distance is weighted by its number of labels m_u. Because
// m_u * D(f_u) = sum_{j,l} f_j f_l d(j,l) / (m_u - 1), this is exactly Krippendorff's (2011)
// coincidence-matrix alpha with d in place of d²_ck (see krippendorff-alpha.ts); singleton
// sets with 'binary' give nominal alpha. What it is *not* is the pre-2018 NLTK alpha, which
// divided by |items| * |coders| whether or not values were missing and kept unpaired units
// (0.530068 instead of 0.509140 on test vector 8), nor a mean over all coder pairs with
// every pair weighted equally. Unlike NLTK, a corpus with one distinct label gives null
// ('no-variation') rather than 1, and labels are grouped by set equality regardless of the
// order or duplicates in `values` (NLTK needs frozensets for that).
import { binaryDistance, jaccardDistance, masiDistance, type MasiWeights } from './distances';
import type { SetRating, UndefinedReason } from './types';
import { collectUnits, increment, pairableUnits, requireCoders } from './units';

export type SetDistance = 'masi' | 'jaccard' | 'binary';

export type SetAlphaOptions = {
  distance: SetDistance;
  /** MASI weights; default 'nltk' (1, 0.67, 0.33, 0), see distances.ts. */
  masiWeights?: MasiWeights;
};

export type SetAlphaResult = {
  value: number | null;
  items: number;
  coders: string[];
  pairableValues: number;
  observedDisagreement: number | null;
  expectedDisagreement: number | null;
  reason?: UndefinedReason;
};

export function krippendorffAlphaSets(ratings: readonly SetRating[], options: SetAlphaOptions): SetAlphaResult {
  // A canonical key per set (sorted, deduplicated) so equal sets count as one label.
  const { units, coders } = collectUnits(ratings, (r) => JSON.stringify([...new Set(r.values)].sort()));
  requireCoders(coders, "Krippendorff's alpha over sets");
  const pairable = pairableUnits(units);
  if (pairable.length === 0) {
    return { value: null, items: 0, coders, pairableValues: 0, observedDisagreement: null, expectedDisagreement: null, reason: 'no-pairable-items' };
  }

  const distance = cachedDistance(options);
  const disagreement = (freq: Map<string, number>, size: number): number => {
    let total = 0;
    for (const [j, nj] of freq) for (const [l, nl] of freq) total += nj * nl * distance(j, l);
    return total / (size * (size - 1));
  };

  const all = new Map<string, number>();
  let weightedObserved = 0;
  let n = 0;
  for (const labels of pairable) {
    const freq = new Map<string, number>();
    for (const label of labels) increment(freq, label);
    for (const [label, count] of freq) increment(all, label, count);
    weightedObserved += disagreement(freq, labels.length) * labels.length;
    n += labels.length;
  }
  const observed = weightedObserved / n;
  const expected = disagreement(all, n);
  const result = { items: pairable.length, coders, pairableValues: n, observedDisagreement: observed, expectedDisagreement: expected };
  if (expected === 0) return { value: null, ...result, reason: 'no-variation' };
  return { value: 1 - observed / expected, ...result };
}

/** Distance on canonical keys, memoised: D_e visits every pair of distinct labels. */
function cachedDistance({ distance, masiWeights }: SetAlphaOptions): (j: string, l: string) => number {
  const fn =
    distance === 'masi'
      ? (a: string[], b: string[]) => masiDistance(a, b, { weights: masiWeights ?? 'nltk' })
      : distance === 'jaccard'
        ? jaccardDistance
        : binaryDistance;
  const cache = new Map<string, number>();
  return (j, l) => {
    if (j === l) return 0;
    const key = j < l ? `${j}\u0000${l}` : `${l}\u0000${j}`;
    let d = cache.get(key);
    if (d === undefined) cache.set(key, (d = fn(JSON.parse(j) as string[], JSON.parse(l) as string[])));
    return d;
  };
}
