import { describe, expect, it } from 'vitest';
import { analyseNotebook } from './analyse-notebook';
import { codeNeeds } from './code-needs';
import { code, md, notebook } from './test-notebook';

const imports = async (...sources: string[]) => (await codeNeeds(sources.map((s) => code(s)))).imports;
const datasets = async (...sources: string[]) => (await codeNeeds(sources.map((s) => code(s)))).datasets;

describe('codeNeeds: imports', () => {
  it('takes the top-level module of every import form', async () => {
    expect(await imports('import numpy as np\nimport matplotlib.pyplot as plt', 'from sklearn.model_selection import train_test_split', 'import os, sys as system, xml.etree.ElementTree as ET', 'from __future__ import print_function')).toEqual(['__future__', 'matplotlib', 'numpy', 'os', 'sklearn', 'sys', 'xml']);
  });
  it('reads imports in blocks, after semicolons, and parenthesised or continued ones', async () => {
    expect(await imports('try:\n    import catboost\nexcept ImportError:\n    pass', 'x = 1; import lightgbm as lgb', 'from xgboost import (\n  XGBClassifier,\n  XGBRegressor)', 'import torch, \\\n  torchvision', 'if True:\n    with open("f") as f:\n        import yaml')).toEqual(['catboost', 'lightgbm', 'torch', 'torchvision', 'xgboost', 'yaml']);
  });
  it('counts imports in function and class bodies, called or not: running them needs the module', async () => {
    expect(await imports('def tune():\n    import optuna\n    def inner():\n        from shap import TreeExplainer', 'class Model:\n    import tensorflow as tf', '@decorator\ndef f():\n    import polars')).toEqual(['optuna', 'polars', 'shap', 'tensorflow']);
  });
  it('ignores comments, strings, docstrings, magics, relative imports and non-Python cell magics', async () => {
    expect(await imports('# import tensorflow\nprint("import keras")', '"""\nimport optuna\nfrom shap import x\n"""\ns = \'from polars import DataFrame\'', '!pip install catboost\n%pip install lightgbm', 'from . import helpers\nfrom .utils import f', '%%bash\nimport plotly', '%%writefile notes.txt\nimport seaborn')).toEqual([]);
  });
  it("counts what a %%writefile'd Python file imports, not the module it writes (the notebook's own)", async () => {
    expect(await imports('%%writefile src/helper.py\nimport seaborn as sns\nimport numpy', 'from helper import plot\nexec(open("helper.py").read())', '%%writefile -a other.py\nfrom xgboost import XGBClassifier')).toEqual(['numpy', 'seaborn', 'xgboost']);
  });
  it('reads Python cell magics, Python 2 cells and cells with a syntax error', async () => {
    expect(await imports('%%time\nimport lightgbm', 'print "hello"\nimport urllib2', 'import shap\nx = (')).toEqual(['lightgbm', 'shap', 'urllib2']);
  });
  it('does not mistake names that contain "import" for imports', async () => {
    expect(await imports('important = 1\nimport_path = "x"\nreimport(1)')).toEqual([]);
  });
});

describe('codeNeeds: datasets', () => {
  it('gives the paths the code reads, from reading calls and from input-folder strings', async () => {
    const found = await datasets("import pandas as pd\ndf = pd.read_csv('/kaggle/input/titanic/train.csv')", "TEST = '../input/house-prices/test.csv'", 'def later():\n    return open("../input/extra/x.txt")');
    expect(found.map((d) => [d.path, d.via])).toEqual([
      ['/kaggle/input/titanic/train.csv', 'pandas.read_csv'],
      ['../input/house-prices/test.csv', null],
      ['../input/extra/x.txt', null],
    ]);
  });
  it('finds a path inside a longer string, such as a shell command', async () => {
    expect((await datasets("os.system('cp -r /kaggle/input/glove/glove.txt /kaggle/working')", 'print("reading from ../input/house-prices/")')).map((d) => d.path)).toEqual(['/kaggle/input/glove/glove.txt', '../input/house-prices/']);
  });
  it('ignores paths in comments and in non-Python cell magics, not in a written Python file', async () => {
    expect(await datasets("# pd.read_csv('../input/train.csv')", "%%bash\nhead '../input/train.csv'")).toEqual([]);
    expect((await datasets("%%writefile load.py\nimport pandas as pd\ndf = pd.read_csv('../input/titanic/train.csv')")).map((d) => d.path)).toEqual(['../input/titanic/train.csv']);
  });
});

describe('one reading for the analysis and the pre-flight', () => {
  it("analyseNotebook's imports and datasets are codeNeeds' on the same cells", async () => {
    const cells = [md('# t'), code('import pandas as pd\nfrom sklearn.tree import DecisionTreeClassifier'), code("df = pd.read_csv('/kaggle/input/titanic/train.csv')\ndef f():\n    import lightgbm")];
    const analysis = await analyseNotebook(notebook(cells));
    const needs = await codeNeeds(notebook(cells).cells);
    expect(analysis.imports).toEqual(['lightgbm', 'pandas', 'sklearn']);
    expect(analysis.imports).toEqual(needs.imports);
    expect(analysis.notebook.datasets).toEqual(needs.datasets);
  });
});
