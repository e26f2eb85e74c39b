// Krippendorff's alpha for single-valued data, with missing values, via the coincidence matrix.
//
// Source: Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg
// School for Communication, University of Pennsylvania, sec. "C. Nominal data, any number of
// observers, missing values" and "E. Other metrics":
//   o_ck  = sum_u (number of c-k pairs of values in unit u) / (m_u - 1)   coincidences
//   n_c   = sum_k o_ck,  n = sum_c n_c                                    pairable values
//   alpha = 1 - (n - 1) * sum_ck o_ck d²_ck / sum_ck n_c n_k d²_ck
// Only units with m_u >= 2 values ("pairable") enter: a lone value has no partner to agree
// with. Metrics d²_ck:
//   nominal  0 if c = k else 1
//   ordinal  (sum_{g=c..k} n_g - (n_c + n_k) / 2)^2   over ranks, with coincidence marginals
//   interval (c - k)^2
//   ratio    ((c - k) / (c + k))^2                     values must be >= 0
// alpha is null ('no-variation') when expected disagreement is 0, i.e. all pairable values
// are equal: Krippendorff treats that as undefined (NLTK returns 1 instead).
import { AgreementInputError, type Rating, type UndefinedReason } from './types';
import { collectUnits, increment, pairableUnits, requireCoders } from './units';

export type AlphaLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio';

export type KrippendorffAlphaOptions = {
  level: AlphaLevel;
  /** Ordinal only: category names from lowest to highest, for non-numeric ordinal codes
   * ("low" < "mid" < "high"). Without it, ordinal values must be numeric strings. */
  order?: readonly string[];
};

export type KrippendorffAlphaResult = {
  value: number | null;
  /** Pairable units (rated by at least two coders). */
  items: number;
  coders: string[];
  /** n: the number of values in pairable units. */
  pairableValues: number;
  /** Observed disagreement D_o = sum o_ck d²_ck / n; null without pairable units. */
  observedDisagreement: number | null;
  /** Expected disagreement D_e = sum n_c n_k d²_ck / (n (n - 1)); null without pairable units. */
  expectedDisagreement: number | null;
  reason?: UndefinedReason;
};

export function krippendorffAlpha(
  ratings: readonly Rating[],
  options: KrippendorffAlphaOptions,
): KrippendorffAlphaResult {
  const { units, coders } = collectUnits(ratings, (r) => r.value);
  requireCoders(coders, "Krippendorff's alpha");
  const toKey = valueParser(options);
  const pairable = pairableUnits(units).map((values) => values.map(toKey));
  if (pairable.length === 0) {
    return { value: null, items: 0, coders, pairableValues: 0, observedDisagreement: null, expectedDisagreement: null, reason: 'no-pairable-items' };
  }

  // Coincidence matrix o[c][k] over the distinct keys. Per unit it is built from value
  // counts, so it costs O(distinct values²) per unit rather than O(coders²).
  const coincidences = new Map<number, Map<number, number>>();
  for (const values of pairable) {
    const counts = new Map<number, number>();
    for (const v of values) increment(counts, v);
    const weight = 1 / (values.length - 1);
    for (const [c, nc] of counts) {
      let row = coincidences.get(c);
      if (!row) coincidences.set(c, (row = new Map()));
      // Ordered pairs of *different* coders: nc*nk for c != k, nc*(nc-1) within a value.
      for (const [k, nk] of counts) increment(row, k, (c === k ? nc * (nc - 1) : nc * nk) * weight);
    }
  }
  const marginals = new Map<number, number>();
  for (const [c, row] of coincidences) for (const o of row.values()) increment(marginals, c, o);
  const n = pairable.reduce((s, values) => s + values.length, 0);

  const delta = metric(options.level, marginals);
  let observed = 0;
  for (const [c, row] of coincidences) for (const [k, o] of row) observed += o * delta(c, k);
  let expected = 0;
  for (const [c, nc] of marginals) for (const [k, nk] of marginals) expected += nc * nk * delta(c, k);

  const result = {
    items: pairable.length,
    coders,
    pairableValues: n,
    observedDisagreement: observed / n,
    expectedDisagreement: expected / (n * (n - 1)),
  };
  if (expected === 0) return { value: null, ...result, reason: 'no-variation' };
  return { value: 1 - ((n - 1) * observed) / expected, ...result };
}

/** Maps a raw value to a number key: a category index for nominal data, a rank for ordinal
 * data with an explicit order, the parsed number otherwise ("1" and "1.0" are one value). */
function valueParser({ level, order }: KrippendorffAlphaOptions): (value: string) => number {
  if (order && level !== 'ordinal') throw new AgreementInputError(`"order" only applies to the ordinal level, not ${level}`);
  if (level === 'nominal') {
    const index = new Map<string, number>();
    return (v) => {
      if (!index.has(v)) index.set(v, index.size);
      return index.get(v)!;
    };
  }
  if (order) {
    const rank = new Map(order.map((v, i) => [v, i]));
    return (v) => {
      const r = rank.get(v);
      if (r === undefined) throw new AgreementInputError(`ordinal value "${v}" is not in the given order`);
      return r;
    };
  }
  return (v) => {
    const x = v.trim() === '' ? NaN : Number(v);
    if (!Number.isFinite(x)) throw new AgreementInputError(`${level} alpha needs numeric values; got "${v}"`);
    if (level === 'ratio' && x < 0) throw new AgreementInputError(`ratio alpha needs values >= 0; got "${v}"`);
    return x;
  };
}

function metric(level: AlphaLevel, marginals: Map<number, number>): (c: number, k: number) => number {
  switch (level) {
    case 'nominal':
      return (c, k) => (c === k ? 0 : 1);
    case 'interval':
      return (c, k) => (c - k) ** 2;
    case 'ratio':
      return (c, k) => (c + k === 0 ? 0 : ((c - k) / (c + k)) ** 2);
    case 'ordinal': {
      // Cumulative marginals over the sorted values make each distance O(1):
      // sum_{g=c..k} n_g = cum[hi] - cum[lo] + n_lo.
      const sorted = [...marginals.keys()].sort((a, b) => a - b);
      const cumulative = new Map<number, number>();
      let running = 0;
      for (const v of sorted) cumulative.set(v, (running += marginals.get(v)!));
      return (c, k) => {
        const [lo, hi] = c <= k ? [c, k] : [k, c];
        const nLo = marginals.get(lo)!;
        const between = cumulative.get(hi)! - cumulative.get(lo)! + nLo;
        return (between - (nLo + marginals.get(hi)!) / 2) ** 2;
      };
    }
  }
}
