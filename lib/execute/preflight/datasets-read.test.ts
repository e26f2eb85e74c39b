import { describe, expect, it } from 'vitest';
import { inputSources } from './datasets-read';

describe('inputSources', () => {
  it('names the sources of /kaggle/input and ../input paths, and top-level files of the old layout', () => {
    expect(inputSources(['/kaggle/input/titanic/train.csv', '../input/test.csv', 'f"../input/house-prices/{name}.csv"', '/kaggle/input/titanic/test.csv'])).toEqual([
      { path: '../input/house-prices', slug: 'house-prices' },
      { path: '../input/test.csv', slug: null },
      { path: '/kaggle/input/titanic', slug: 'titanic' },
    ]);
  });
  it('finds the path inside an expression the engine kept as written', () => {
    expect(inputSources(["os.path.join('/kaggle/input/digits/', name)"])).toEqual([{ path: '/kaggle/input/digits', slug: 'digits' }]);
  });
  it('leaves out paths that name no source and paths not under an input folder', () => {
    expect(inputSources(['../input/', '/kaggle/input/{name}/x.csv', 'data/../inputs/x.csv', 'my../input/x.csv', './input/x.csv', 'train.csv'])).toEqual([]);
  });
});
