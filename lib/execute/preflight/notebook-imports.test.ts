import { describe, expect, it } from 'vitest';
import { datasetsRead } from './datasets-read';
import { notebookImports } from './notebook-imports';

const code = (...sources: string[]) => sources.map((source) => ({ cellType: 'code', source }));

describe('notebookImports (line-based)', () => {
  it('takes the top-level module of every import form', () => {
    expect(notebookImports(code('import numpy as np\nimport matplotlib.pyplot as plt', 'from sklearn.model_selection import train_test_split', 'import os, sys as system, xml.etree.ElementTree as ET'))).toEqual(['matplotlib', 'numpy', 'os', 'sklearn', 'sys', 'xml']);
  });
  it('reads imports in indented blocks, after semicolons, and parenthesised or continued ones', () => {
    expect(notebookImports(code('try:\n    import catboost\nexcept ImportError:\n    pass', 'x = 1; import lightgbm as lgb', 'from xgboost import (\n  XGBClassifier,\n  XGBRegressor)', 'import torch, \\\n  torchvision'))).toEqual(['catboost', 'lightgbm', 'torch', 'torchvision', 'xgboost']);
  });
  it('ignores comments, strings, docstrings, magics, markdown and relative imports', () => {
    const cells = [
      ...code('# import tensorflow\nprint("import keras")', '"""\nimport optuna\nfrom shap import x\n"""\ns = \'from polars import DataFrame\'', '!pip install catboost\n%pip install lightgbm', 'from . import helpers\nfrom .utils import f'),
      { cellType: 'markdown', source: 'import seaborn' },
    ];
    expect(notebookImports(cells)).toEqual([]);
  });
  it('does not mistake names that contain "import" for imports', () => {
    expect(notebookImports(code('important = 1\nimport_path = "x"\nreimport(1)'))).toEqual([]);
  });
});

describe('datasetsRead', () => {
  it('names the sources of /kaggle/input and ../input paths, and top-level files of the old layout', () => {
    const reads = datasetsRead(code(
      "df = pd.read_csv('/kaggle/input/titanic/train.csv')",
      'test = pd.read_csv("../input/test.csv")\nother = open(f"../input/house-prices/{name}.csv")',
      "for d, _, fs in os.walk('/kaggle/input'):\n    pass",
    ));
    expect(reads).toEqual([
      { path: '../input/house-prices', slug: 'house-prices' },
      { path: '../input/test.csv', slug: null },
      { path: '/kaggle/input/titanic', slug: 'titanic' },
    ]);
  });
  it('ignores paths in comments and paths that are not under an input folder', () => {
    expect(datasetsRead(code("# pd.read_csv('../input/train.csv')\npd.read_csv('data/../inputs/x.csv')\npd.read_csv('my../input/x.csv')"))).toEqual([]);
  });
});
