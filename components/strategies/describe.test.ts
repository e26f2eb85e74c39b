import { describe, expect, it } from 'vitest';
import { describeStrategy } from './describe';

const filters = { language: 'python', kernelType: 'notebook', sortBy: 'VOTE_COUNT' } as const;

describe('describeStrategy', () => {
  it('reads the brief’s example', () => {
    expect(
      describeStrategy({
        filters,
        scope: { kind: 'top-competitions', n: 5, by: 'notebooks' },
        sampling: { kind: 'top-percent', percent: 5, within: 'competition' },
        seed: 7,
      }),
    ).toBe('top 5 % by votes in each of the top 5 competitions by notebooks · python notebooks · seed 7');
  });

  it('names listed competitions, a category, and the filters that are set', () => {
    expect(describeStrategy({ filters: { ...filters, language: 'all', kernelType: 'all', search: 'eda', sortBy: 'HOTNESS' }, scope: { kind: 'competitions', slugs: ['titanic'] }, sampling: { kind: 'top-k', k: 50 }, seed: 1 })).toBe(
      'top 50 by votes from titanic · notebooks and scripts matching “eda” listed by hotness · seed 1',
    );
    expect(describeStrategy({ filters: { ...filters, language: 'r' }, scope: { kind: 'top-competitions', n: 3, by: 'teams', category: 'HOST_SEGMENT_GETTING_STARTED' }, sampling: { kind: 'stratified', per: 'competition', n: 20 }, seed: 2 })).toBe(
      '20 at random in each of the top 3 getting started competitions by teams · R notebooks · seed 2',
    );
    expect(describeStrategy({ filters, scope: { kind: 'all' }, sampling: { kind: 'all' }, seed: 1 })).toBe('every notebook found · python notebooks · seed 1');
    expect(describeStrategy({ filters, scope: { kind: 'competitions', slugs: ['a', 'b', 'c', 'd', 'e'] }, sampling: { kind: 'random', n: 1000 }, seed: 3 })).toBe(
      '1,000 at random from a, b, c and 2 more · python notebooks · seed 3',
    );
  });
});
