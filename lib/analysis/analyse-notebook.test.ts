import { describe, it, expect } from 'vitest';
import { analyseNotebook, labelInputsOf } from './analyse-notebook';
import { code, md, notebook, png, error, PNG } from './test-notebook';
import { CHART_TYPES, LIBRARIES, ML_STAGES } from './types';

const nb = () =>
  notebook([
    md('# Titanic survival\nWe explore the passengers, then fit a model.'),
    code('%matplotlib inline\nimport pandas as pd\nimport seaborn as sns\nimport matplotlib.pyplot as plt\nfrom sklearn.ensemble import RandomForestClassifier\nfrom sklearn.metrics import accuracy_score'),
    code('df = pd.read_csv("/kaggle/input/titanic/train.csv")\ntest = pd.read_csv("../input/titanic/test.csv")'),
    md('## Exploration\nThe histogram below shows the age distribution. Older passengers may bias the model.'),
    code('sns.histplot(df["Age"])\nplt.title("Age")', { outputs: [png()] }),
    code('plt.plot(df.Fare)', { count: 1, outputs: [png(), error()] }),
    code('sns.histplot(df["Age"])\nplt.title("Age")', { outputs: [png()] }),
    code('import numpy as np\nmodel = RandomForestClassifier()\nmodel.fit(df[["Age"]], df.Survived)\nprint(accuracy_score(df.Survived, model.predict(df[["Age"]])))'),
    code(''),
    md('We check for overfitting and data leakage next; calibration is left for later.'),
  ]);

describe('analyseNotebook', () => {
  it('returns every figure with labels from the vocabularies and its slice', async () => {
    const { visualisations } = await analyseNotebook(nb());
    expect(visualisations.map((v) => [v.cell, v.output, v.mime])).toEqual([[4, 0, 'image/png'], [5, 0, 'image/png'], [6, 0, 'image/png']]);
    for (const v of visualisations) {
      expect(CHART_TYPES).toContain(v.chartType);
      expect(LIBRARIES).toContain(v.library);
      expect(ML_STAGES).toContain(v.mlStage);
      expect(typeof v.multiPanel).toBe('boolean');
      for (const c of Object.values(v.confidence)) expect(c).toBeGreaterThanOrEqual(0);
    }
    expect(visualisations[0].library).toBe('seaborn');
    expect(visualisations[0].chartType).toBe('histogram');
    expect(visualisations[0].slice.cells).toEqual([1, 2, 4]);
    expect(visualisations[0].sentences.map((s) => s.text)).toEqual(['The histogram below shows the age distribution.']);
  });

  it('reports datasets, models, metrics, outline and testing mentions', async () => {
    const { notebook: facts } = await analyseNotebook(nb());
    expect(facts.datasets.map((d) => [d.path, d.cell, d.via])).toEqual([
      ['/kaggle/input/titanic/train.csv', 2, 'pandas.read_csv'],
      ['../input/titanic/test.csv', 2, 'pandas.read_csv'],
    ]);
    expect(facts.models.map((m) => m.estimator)).toEqual(['sklearn.ensemble.RandomForestClassifier']);
    expect(facts.metrics.map((m) => m.name)).toEqual(['sklearn.metrics.accuracy_score']);
    expect(facts.outline).toEqual([
      { level: 1, text: 'Titanic survival', cell: 0 },
      { level: 2, text: 'Exploration', cell: 3 },
    ]);
    expect(facts.testingMentions.map((m) => [m.property, m.cell])).toEqual([
      ['bias', 3],
      ['leakage', 9],
      ['overfitting', 9],
      ['calibration', 9],
    ]);
    expect(facts.cellStages.map((s) => s.cell)).toEqual([1, 2, 4, 5, 6, 7]);
    expect(facts.syntaxErrors).toEqual([]);
  });

  it('lints the notebook with pynblint rules and the figures with ours', async () => {
    const { notebook: facts } = await analyseNotebook(nb());
    const rules = facts.lints.map((l) => (l.cell === undefined ? l.rule : `${l.rule}@${l.cell}`));
    expect(rules).toEqual(
      expect.arrayContaining([
        'non-linear-execution',
        'imports-beyond-first-cell@7',
        'empty-cells@8',
        'figure-without-title@5',
        'figure-without-axis-labels@5',
        'figure-in-out-of-order-cell@5',
        'figure-in-cell-with-error@5',
        'duplicate-figure@5',
        'duplicate-figure@6',
      ]),
    );
    // seaborn labels its axes from the column: no axis-label lint for cell 4; it has a title.
    expect(rules).not.toContain('figure-without-axis-labels@4');
    expect(rules).not.toContain('figure-without-title@4');
    expect(rules).not.toContain('missing-h1-MD-heading');
    expect(rules).not.toContain('missing-opening-MD-text');
  });

  it('records a syntax error (cell, line, message) and still analyses the other cells', async () => {
    const broken = notebook([
      code('import matplotlib.pyplot as plt'),
      code('x = [1, 2\ny = = 3'),
      code('plt.plot([1, 2])', { outputs: [png(PNG)] }),
    ]);
    const a = await analyseNotebook(broken);
    expect(a.notebook.syntaxErrors).toHaveLength(1);
    expect(a.notebook.syntaxErrors[0].cell).toBe(1);
    expect(a.notebook.syntaxErrors[0].message).toMatch(/invalid syntax|missing/);
    expect(a.notebook.lints.map((l) => l.rule)).toContain('invalid-python-syntax');
    expect(a.visualisations[0].library).toBe('matplotlib');
    expect(a.visualisations[0].chartType).toBe('line');
  });
});

describe('labelInputsOf', () => {
  it('gives the labeller each figure with its calls, draw calls, slice, markdown and context', async () => {
    const inputs = await labelInputsOf(nb());
    expect(inputs.map((i) => [i.figure.cell, i.figure.output, i.figure.figureInCell])).toEqual([[4, 0, 0], [5, 0, 0], [6, 0, 0]]);
    expect(inputs[0].drawCalls.map((c) => c.name)).toEqual(['seaborn.histplot', 'matplotlib.pyplot.title']);
    expect(inputs[0].calls.map((c) => c.name)).toContain('pandas.read_csv');
    expect(inputs[0].markdownBefore).toMatch(/^## Exploration/);
    expect(inputs[0].markdownAfter).toMatch(/overfitting/);
    expect(inputs[0].context).toEqual({ modelsFittedBefore: false, dataTransformedBefore: false });
  });
});
