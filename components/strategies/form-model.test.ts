import { describe, expect, it } from 'vitest';
import { strategyInput } from '@/lib/kaggle/strategy-schema';
import { DEFAULT_FORM, formFromStrategy, splitList, toInput } from './form-model';

describe('the strategy form model', () => {
  it('turns a filled-in form into input the API schema accepts, and back', () => {
    const form = {
      ...DEFAULT_FORM,
      name: ' Top notebooks ',
      competitions: 'titanic, https://www.kaggle.com/competitions/house-prices\n\ntitanic',
      datasets: 'heptapod/titanic',
      scope: 'top-competitions' as const,
      scopeN: '2',
      scopeCategory: 'HOST_SEGMENT_FEATURED',
      sampling: 'top-percent' as const,
      percent: '50',
      seed: '7',
    };
    const { input, errors } = toInput(form);
    expect(errors).toBeUndefined();
    expect(input).toMatchObject({
      name: 'Top notebooks',
      filters: { competitions: ['titanic', 'house-prices'], datasets: ['heptapod/titanic'] },
      scope: { kind: 'top-competitions', n: 2, by: 'notebooks', category: 'HOST_SEGMENT_FEATURED' },
      sampling: { kind: 'top-percent', percent: 50 },
      seed: 7,
    });
    const parsed = strategyInput.parse(input);
    const { name, ...definition } = parsed;
    expect(toInput(formFromStrategy({ name, definition })).input).toEqual(input);
  });

  it('says what is wrong, field by field', () => {
    const { errors } = toInput({ ...DEFAULT_FORM, name: ' ', datasets: 'nope', scope: 'competitions', sampling: 'top-percent', percent: '0', seed: '-1' });
    expect(Object.keys(errors ?? {}).sort()).toEqual(['datasets', 'name', 'percent', 'scopeSlugs', 'seed']);
    expect(toInput({ ...DEFAULT_FORM, name: 'x', k: '1.5' }).errors?.k).toMatch(/whole number/);
  });

  it('splits lists on commas, spaces and new lines', () => {
    expect(splitList('a,b\nc  d,,')).toEqual(['a', 'b', 'c', 'd']);
    expect(splitList('https://www.kaggle.com/datasets/owner/slug', 'dataset')).toEqual(['owner/slug']);
  });
});
