import { describe, expect, it } from 'vitest';
import { planAssignments } from './assign-sample';
import { drawItems } from './draw-items';

describe('planAssignments', () => {
  it('deals exact overlap to two different coders with balanced loads', () => {
    const plan = planAssignments(10, { coderIds: ['a', 'b', 'c'], overlapPercent: 20, order: 'fixed', seed: 9 });
    expect(plan.doubled).toHaveLength(2);
    const loads = [...plan.byCoder.values()].map((l) => l.length);
    expect(loads.reduce((x, y) => x + y)).toBe(12);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    for (const p of plan.doubled) expect([...plan.byCoder.values()].filter((l) => l.includes(p))).toHaveLength(2);
    // fixed order: each queue in sample order
    for (const l of plan.byCoder.values()) expect(l).toEqual([...l].sort((x, y) => x - y));
  });
  it('is reproducible by seed, and random order shuffles each queue', () => {
    const a = planAssignments(40, { coderIds: ['a', 'b'], overlapPercent: 25, order: 'random', seed: 4 });
    const b = planAssignments(40, { coderIds: ['a', 'b'], overlapPercent: 25, order: 'random', seed: 4 });
    const c = planAssignments(40, { coderIds: ['a', 'b'], overlapPercent: 25, order: 'random', seed: 5 });
    expect([...a.byCoder]).toEqual([...b.byCoder]);
    expect([...a.byCoder]).not.toEqual([...c.byCoder]);
    expect(a.byCoder.get('a')).not.toEqual([...a.byCoder.get('a')!].sort((x, y) => x - y));
  });
});

describe('drawItems', () => {
  const items = (n: number, stratum: (i: number) => string) => Array.from({ length: n }, (_, i) => ({ id: 100 - i, stratum: stratum(i) }));
  it('does not depend on the order rows arrive in', () => {
    const rows = items(30, (i) => (i % 3 ? 'a' : 'b'));
    const def = { mode: 'random-n' as const, n: 7, seed: 2, filters: {} };
    expect(drawItems(rows, def).items).toEqual(drawItems([...rows].reverse(), def).items);
  });
  it('splits a stratified n by largest remainder, ties to the larger stratum then by name', () => {
    // sizes 5, 5, 2 of 12, n = 6: exact 2.5, 2.5, 1 → 2, 2, 1 and one more to the tie "a" (same size, name first).
    const rows = [...items(5, () => 'a'), ...items(5, () => 'b').map((r) => ({ ...r, id: r.id + 1000 })), ...items(2, () => 'c').map((r) => ({ ...r, id: r.id + 2000 }))];
    const { strata } = drawItems(rows, { mode: 'stratified', stratifyBy: 'kind', n: 6, seed: 1, filters: {} });
    expect(strata.map((s) => [s.stratum, s.drawn])).toEqual([['a', 3], ['b', 2], ['c', 1]]);
  });
});
