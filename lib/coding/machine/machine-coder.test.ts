import { describe, expect, it } from 'vitest';
import { humanValue, perValue, type Comparison } from './machine-coder';
import { maySuggest } from './suggestion';

describe('the machine as a coder, pure parts', () => {
  const mapping = new Map([
    ['Chart/bar', { field: 'chartType' as const, value: 'bar' }],
    ['Chart/bars', { field: 'chartType' as const, value: 'bar' }],
    ['Chart/line', { field: 'chartType' as const, value: 'line' }],
    ['Stage/eval', { field: 'mlStage' as const, value: 'model_evaluation' }],
  ]);

  it("a human's value is the mapped value of their codes: none, one, or ambiguous", () => {
    expect(humanValue(['Other/x'], 'chartType', mapping)).toBeNull();
    expect(humanValue(['Chart/bar', 'Chart/bars', 'Stage/eval'], 'chartType', mapping)).toBe('bar'); // two codes, one value
    expect(humanValue(['Chart/bar', 'Chart/line'], 'chartType', mapping)).toBe('ambiguous');
    expect(humanValue(['Chart/bar', 'Stage/eval'], 'mlStage', mapping)).toBe('model_evaluation');
  });

  it('precision and recall per value from the confusion matrix; null where undefined', () => {
    const c = { confusion: [{ machine: 'bar', human: 'bar', count: 3 }, { machine: 'bar', human: 'line', count: 1 }, { machine: 'pie', human: 'pie', count: 0 }] } as Comparison;
    expect(perValue(c)).toEqual([
      { value: 'bar', precision: 0.75, recall: 1, support: 3 },
      { value: 'line', precision: null, recall: 0, support: 1 },
      { value: 'pie', precision: null, recall: null, support: 0 },
    ]);
  });

  it('the suggestion: never when off, never to the coder of a blind double-coded item before they submit', () => {
    expect(maySuggest(false, { blind: false, coders: 1, ownStatus: 'submitted' })).toBe(false);
    expect(maySuggest(true, { blind: true, coders: 2, ownStatus: 'pending' })).toBe(false);
    expect(maySuggest(true, { blind: true, coders: 2, ownStatus: 'skipped' })).toBe(false);
    expect(maySuggest(true, { blind: true, coders: 2, ownStatus: 'submitted' })).toBe(true);
    expect(maySuggest(true, { blind: true, coders: 1, ownStatus: 'pending' })).toBe(true); // coded once: nothing to keep independent
    expect(maySuggest(true, { blind: false, coders: 2, ownStatus: 'pending' })).toBe(true); // an open sample
  });
});
