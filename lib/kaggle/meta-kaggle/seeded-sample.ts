// Reproducible random sampling: a seeded PRNG in JavaScript rather than PostgreSQL's setseed()+random(),
// whose result would depend on the order the plan happens to produce rows in. The PRNG is the one
// lib/kaggle/sampling.ts uses for API candidates.
import { mulberry32 } from '../sampling';

/**
 * Draws up to `n` items per stratum without replacement (a partial Fisher–Yates shuffle). Items must come
 * in a deterministic order (the caller sorts by id). Each stratum has its own generator seeded from
 * (seed, stratum), so adding or removing a competition does not change the draw in the others.
 * `rank` is the 1-based draw position within the stratum.
 */
export function pickRandom(items: { id: number; stratum: number }[], n: number, seed: number): { id: number; rank: number }[] {
  const strata = new Map<number, number[]>();
  for (const it of items) {
    const ids = strata.get(it.stratum);
    if (ids) ids.push(it.id);
    else strata.set(it.stratum, [it.id]);
  }
  const out: { id: number; rank: number }[] = [];
  for (const [stratum, ids] of strata) {
    const next = mulberry32((seed ^ Math.imul(stratum | 0, 0x9e3779b1) ^ Math.imul(Math.floor(stratum / 2 ** 32), 0x85ebca6b)) >>> 0);
    const take = Math.min(n, ids.length);
    for (let i = 0; i < take; i++) {
      const j = i + Math.floor(next() * (ids.length - i));
      [ids[i], ids[j]] = [ids[j], ids[i]];
      out.push({ id: ids[i], rank: i + 1 });
    }
  }
  return out;
}
