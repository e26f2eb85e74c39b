import { describe, expect, it } from 'vitest';
import { drawSample, type Candidate } from './sampling';

const kernels: Candidate[] = [
  ...['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].map((s, i) => ({ ref: `u/${s}`, votes: 100 - i * 10, competition: 'titanic' })),
  { ref: 'u/x', votes: 50, competition: 'digits' },
  { ref: 'u/y', votes: 50, competition: 'digits' }, // tie with x: ref order decides
  { ref: 'u/z', votes: 1, competition: 'digits' },
];

describe('drawSample', () => {
  it('keeps everything for "all", ranked within each competition', () => {
    const s = drawSample(kernels, { kind: 'all' }, 1);
    expect(s).toHaveLength(13);
    expect(s.find((k) => k.ref === 'u/y')!.rank).toBe(2);
    expect(s.find((k) => k.ref === 'u/a')!.rank).toBe(1);
  });

  it('takes the top k by votes overall, ties by ref', () => {
    expect(drawSample(kernels, { kind: 'top-k', k: 7 }, 1).map((k) => k.ref)).toEqual(['u/a', 'u/b', 'u/c', 'u/d', 'u/e', 'u/f', 'u/x']);
  });

  it('takes ceil(P %) of each competition', () => {
    const refs = drawSample(kernels, { kind: 'top-percent', percent: 25, within: 'competition' }, 1).map((k) => k.ref);
    // digits: ceil(0.75) = 1 → x (ties with y, ref first); titanic: ceil(2.5) = 3
    expect(refs).toEqual(['u/x', 'u/a', 'u/b', 'u/c']);
  });

  it('counts percentages exactly', async () => {
    const { topPercentCount } = await import('./sampling');
    expect(topPercentCount(7, 100)).toBe(7);
    expect(topPercentCount(14, 50)).toBe(7);
    expect(topPercentCount(2.5, 7)).toBe(1);
    expect(topPercentCount(50, 13)).toBe(7);
  });

  it('draws the same random sample for the same seed, another for another seed', () => {
    const one = drawSample(kernels, { kind: 'random', n: 5 }, 7).map((k) => k.ref);
    expect(drawSample([...kernels].reverse(), { kind: 'random', n: 5 }, 7).map((k) => k.ref)).toEqual(one);
    expect(drawSample(kernels, { kind: 'random', n: 5 }, 8).map((k) => k.ref)).not.toEqual(one);
    expect(new Set(one).size).toBe(5);
  });

  it('stratifies: n per competition, all of a smaller one', () => {
    const s = drawSample(kernels, { kind: 'stratified', per: 'competition', n: 4 }, 3);
    expect(s.filter((k) => k.competition === 'digits')).toHaveLength(3);
    expect(s.filter((k) => k.competition === 'titanic')).toHaveLength(4);
  });
});
