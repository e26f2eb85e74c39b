import type { SamplingRule } from './strategy-schema';

/** A notebook a strategy could select: what sampling needs to know about it. */
export interface Candidate {
  ref: string;
  votes: number;
  competition: string | null;
  kernelId?: number | null;
}

export type Sampled<T extends Candidate> = T & { rank: number };

/**
 * Draws the sample a rule describes, deterministically: the same candidates and seed give the same
 * sample in the same order. Order within a stratum is votes descending, ties by kernel id, then ref.
 * - top-k: the k most voted overall.
 * - top-percent: in each competition, ceil(P/100 × its count) most voted.
 * - random: n drawn uniformly without replacement (seeded Fisher–Yates over the canonical order).
 * - stratified: n drawn at random from each competition (all of it when smaller).
 * `rank` is the position within the candidate's stratum by votes (1 = most voted).
 */
export function drawSample<T extends Candidate>(candidates: T[], rule: SamplingRule, seed: number): Sampled<T>[] {
  const ranked = rankWithinStrata(candidates);
  switch (rule.kind) {
    case 'all':
      return ranked;
    case 'top-k':
      return byVotes(ranked).slice(0, rule.k);
    case 'top-percent':
      return perStratum(ranked, (group) => group.slice(0, topPercentCount(rule.percent, group.length)));
    case 'random':
      return shuffle(byVotes(ranked), mulberry32(seed)).slice(0, rule.n);
    case 'stratified': {
      const random = mulberry32(seed);
      return perStratum(ranked, (group) => shuffle(group, random).slice(0, rule.n));
    }
  }
}

/** ceil(P % of n), without float error ((7 / 100) * 100 is 7.000000000000001, whose ceiling is 8). */
export function topPercentCount(percent: number, n: number): number {
  return Math.ceil(Number(((percent * n) / 100).toFixed(9)));
}

// Votes descending; ties by kernel id (the older kernel first, as the Meta Kaggle selection does), then ref.
function byVotes<T extends Candidate>(items: T[]): T[] {
  const id = (c: Candidate) => c.kernelId ?? Number.MAX_SAFE_INTEGER;
  return [...items].sort((a, b) => b.votes - a.votes || id(a) - id(b) || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
}

function strata<T extends Candidate>(items: T[]): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const c of byVotes(items)) {
    const key = c.competition ?? '';
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(c);
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function rankWithinStrata<T extends Candidate>(items: T[]): Sampled<T>[] {
  return strata(items).flatMap(([, group]) => group.map((c, i) => ({ ...c, rank: i + 1 })));
}

function perStratum<T extends Candidate>(items: Sampled<T>[], pick: (group: Sampled<T>[]) => Sampled<T>[]): Sampled<T>[] {
  return strata(items).flatMap(([, group]) => pick(group));
}

/** Seeded Fisher–Yates: a shuffled copy of `items`, fixed by the generator's seed. */
export function shuffle<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** mulberry32: a small, well-known seeded PRNG; reproducible across runs and machines. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
