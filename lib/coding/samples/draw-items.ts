import { mulberry32, shuffle, topPercentCount } from '../../kaggle/sampling';
import type { SampleDefinition } from './schemas';

/** A visualisation the gallery's filters let through, with its value of the stratify-by field. */
export interface SampleCandidate {
  id: number;
  stratum: string | null;
}

export interface StratumCount {
  stratum: string;
  available: number;
  drawn: number;
}

/**
 * Draws a sample, deterministically: candidates are first put in id order (so the database's row
 * order never matters), then shuffled with mulberry32(seed). The result is in id order.
 * - all: every candidate.
 * - random-n: n at random (all when fewer).
 * - random-percent: ceil(P % × count) at random — at least one item from any non-empty gallery.
 * - stratified by percent: ceil(P % × stratum size) at random from each stratum, so every stratum
 *   is represented and each gets the same share (up to that rounding).
 * - stratified by n: n split over strata in proportion to their sizes by largest remainder
 *   (Hamilton): floor(n × size / total) each, then one more to the strata with the largest
 *   fractional parts, ties to the larger stratum, then by stratum name. The total is exactly n.
 * Strata are visited in name order, each shuffled with the same generator, so the seed fixes all.
 */
export function drawItems(candidates: SampleCandidate[], def: SampleDefinition): { items: SampleCandidate[]; strata: StratumCount[] } {
  const sorted = [...candidates].sort((a, b) => a.id - b.id);
  const random = mulberry32(def.seed);
  let items: SampleCandidate[];
  let strata: StratumCount[] = [];
  switch (def.mode) {
    case 'all':
      items = sorted;
      break;
    case 'random-n':
      items = shuffle(sorted, random).slice(0, def.n);
      break;
    case 'random-percent':
      items = shuffle(sorted, random).slice(0, topPercentCount(def.percent!, sorted.length));
      break;
    case 'stratified': {
      const groups = groupByStratum(sorted);
      const quotas = def.percent !== undefined ? groups.map(([, g]) => topPercentCount(def.percent!, g.length)) : hamilton(groups.map(([k, g]) => [k, g.length]), def.n!, sorted.length);
      items = groups.flatMap(([, g], i) => shuffle(g, random).slice(0, quotas[i]));
      strata = groups.map(([k, g], i) => ({ stratum: k, available: g.length, drawn: Math.min(quotas[i], g.length) }));
      break;
    }
  }
  return { items: [...items].sort((a, b) => a.id - b.id), strata };
}

/** The label of a missing value, so items without one form their own stratum. */
export const NO_VALUE = '(none)';

function groupByStratum(items: SampleCandidate[]): [string, SampleCandidate[]][] {
  const groups = new Map<string, SampleCandidate[]>();
  for (const c of items) {
    const key = c.stratum ?? NO_VALUE;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(c);
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function hamilton(sizes: [string, number][], n: number, total: number): number[] {
  if (total === 0) return sizes.map(() => 0);
  const target = Math.min(n, total);
  const exact = sizes.map(([, s]) => (target * s) / total);
  const quotas = exact.map(Math.floor);
  let left = target - quotas.reduce((a, b) => a + b, 0);
  const order = sizes
    .map(([name, s], i) => ({ i, name, s, frac: exact[i] - quotas[i] }))
    .sort((a, b) => b.frac - a.frac || b.s - a.s || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const o of order) {
    if (left <= 0) break;
    if (quotas[o.i] < o.s) {
      quotas[o.i]++;
      left--;
    }
  }
  return quotas;
}
