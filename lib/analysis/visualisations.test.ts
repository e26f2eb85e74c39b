// Slicing on small notebooks written for the test: each figure's slice must hold exactly the code
// that made it.
import { describe, it, expect } from 'vitest';
import { getParser } from './parser';
import { readProgram } from './program';
import { traceFigures, assignOutputs } from './visualisations';
import { code, md, notebook, png, text, PNG } from './test-notebook';
import type { NbCell } from '../notebooks';

async function trace(cells: NbCell[]) {
  const nb = notebook(cells);
  const program = readProgram(await getParser(), nb.cells);
  return { program, figures: traceFigures(program, nb.cells) };
}
const other = (n: number) => PNG.slice(0, -4) + String(n).padStart(2, '0') + '==';

describe('traceFigures', () => {
  it('follows a helper defined cells earlier into its cell, its inner calls marked viaHelper', async () => {
    const { figures } = await trace([
      code('import pandas as pd\nimport seaborn as sns\nimport matplotlib.pyplot as plt'),
      code('def plot_dist(frame, col):\n    plt.figure(figsize=(6, 4))\n    sns.histplot(frame[col], kde=True)\n    plt.title(col)'),
      code('df = pd.read_csv("../input/train.csv")'),
      code('print(df.shape)'),
      code('plot_dist(df, "age")', { outputs: [png()] }),
    ]);
    expect(figures).toHaveLength(1);
    const [f] = figures;
    expect(f.slice.cells).toEqual([0, 1, 2, 4]);
    expect(f.slice.code).toContain('# cell 1\ndef plot_dist(frame, col):');
    expect(f.slice.code).not.toContain('print(df.shape)');
    expect(f.calls.map((c) => [c.name, c.viaHelper ?? false])).toEqual([
      ['pandas.read_csv', false],
      ['plot_dist', false],
      ['matplotlib.pyplot.figure', true],
      ['seaborn.histplot', true],
      ['matplotlib.pyplot.title', true],
    ]);
    expect(f.drawCalls.map((c) => c.name)).toEqual(['matplotlib.pyplot.figure', 'seaborn.histplot', 'matplotlib.pyplot.title']);
  });

  it('takes the definition of a variable that reaches the figure, not an earlier one it replaced', async () => {
    const { figures } = await trace([
      code('import pandas as pd\nimport matplotlib.pyplot as plt'),
      code('df = pd.read_csv("a.csv")'),
      code('df = pd.read_csv("b.csv")\ndf["ratio"] = df.x / df.y'),
      code('df.dropna(inplace=True)'),
      code('plt.hist(df["ratio"])', { outputs: [png()] }),
    ]);
    expect(figures[0].slice.cells).toEqual([0, 2, 3, 4]);
    expect(figures[0].slice.lines).toEqual([[0, 0, 0], [0, 1, 1], [2, 0, 0], [2, 1, 1], [3, 0, 0], [4, 0, 0]]);
    expect(figures[0].slice.code).not.toContain('a.csv');
  });

  it('leaves out a cell unrelated to the figure', async () => {
    const { figures } = await trace([
      code('import numpy as np\nimport matplotlib.pyplot as plt'),
      code('x = np.linspace(0, 1, 50)'),
      code('model_notes = "unrelated"\nother = np.zeros(3)'),
      code('plt.plot(x, x ** 2)\nplt.xlabel("x")', { outputs: [png()] }),
    ]);
    expect(figures[0].slice.cells).toEqual([0, 1, 3]);
    expect(figures[0].slice.lines).toEqual([[0, 0, 0], [0, 1, 1], [1, 0, 0], [3, 0, 0], [3, 1, 1]]);
  });

  it('starts a new figure at plt.figure() after an earlier one, each output tied to its own statements', async () => {
    const { figures } = await trace([
      code('import matplotlib.pyplot as plt\nimport seaborn as sns\nimport pandas as pd\ndf = pd.read_csv("t.csv")'),
      code(
        'sns.countplot(x="sex", data=df)\nplt.title("Sex")\nplt.figure()\nsns.boxplot(x="age", data=df)\nplt.title("Age")',
        { outputs: [png(other(1)), png(other(2))] },
      ),
    ]);
    expect(figures.map((f) => f.figure.output)).toEqual([0, 1]);
    expect(figures[0].slice.lines.filter(([c]) => c === 1)).toEqual([[1, 0, 0], [1, 1, 1]]);
    expect(figures[1].slice.lines.filter(([c]) => c === 1)).toEqual([[1, 2, 2], [1, 3, 3], [1, 4, 4]]);
    expect(figures[0].drawCalls.map((c) => c.name)).toEqual(['seaborn.countplot', 'matplotlib.pyplot.title']);
    expect(figures[1].drawCalls.map((c) => c.name)).toEqual(['matplotlib.pyplot.figure', 'seaborn.boxplot', 'matplotlib.pyplot.title']);
  });

  it('maps every image a loop draws to the loop, and a figure after the loop to its own code', async () => {
    const { figures } = await trace([
      code('import matplotlib.pyplot as plt\nimport pandas as pd\ndf = pd.read_csv("t.csv")\ncols = ["a", "b", "c"]'),
      code(
        'for c in cols:\n    plt.figure()\n    plt.hist(df[c])\n    plt.show()\nplt.scatter(df.a, df.b)',
        { outputs: [png(other(1)), text('note\n'), png(other(2)), png(other(3)), png(other(4))] },
      ),
    ]);
    expect(figures.map((f) => f.figure.output)).toEqual([0, 2, 3, 4]);
    for (const f of figures.slice(0, 3)) {
      expect(f.figure.figureInCell).toBe(0);
      expect(f.slice.lines.filter(([c]) => c === 1)).toEqual([[1, 0, 3]]);
    }
    expect(figures[3].figure.figureInCell).toBe(1);
    expect(figures[3].slice.lines.filter(([c]) => c === 1)).toEqual([[1, 4, 4]]);
    expect(figures[3].slice.code).not.toContain('cols');
  });

  it('uses execution order when the counts give one: a later cell that ran first supplies the data', async () => {
    const { program, figures } = await trace([
      code('import matplotlib.pyplot as plt\nimport pandas as pd', { count: 1 }),
      code('df = pd.read_csv("late.csv")', { count: 4 }),
      code('df = pd.read_csv("early.csv")', { count: 2 }),
      code('df.plot.scatter(x="a", y="b")', { count: 3, outputs: [png()] }),
    ]);
    expect(program.byExecutionCount).toBe(true);
    expect(program.order).toEqual([0, 2, 3, 1]);
    expect(figures[0].slice.cells).toEqual([0, 2, 3]);
    expect(figures[0].calls.map((c) => c.name)).toEqual(['pandas.read_csv', 'pandas.DataFrame.plot.scatter']);
  });

  it('falls back to file order when the counts put a definition after its uses', async () => {
    const { program } = await trace([
      code('import pandas as pd', { count: 9 }),
      code('df = pd.read_csv("x.csv")', { count: 2 }),
      code('df.describe()', { count: 3 }),
    ]);
    expect(program.byExecutionCount).toBe(false);
    expect(program.order).toEqual([0, 1, 2]);
  });

  it('ties a plotly figure shown by fig.show() and one shown as the last expression to their code', async () => {
    const plotly = (n: number) => ({ output_type: 'display_data' as const, data: { 'application/vnd.plotly.v1+json': { data: [{ type: 'bar', n }] }, 'text/html': '<div>' }, metadata: {} });
    const { figures } = await trace([
      code('import plotly.express as px\nimport pandas as pd\ndf = pd.read_csv("t.csv")'),
      code('fig = px.bar(df, x="a", y="b")\nfig.update_layout(title="A")\nfig.show()\nfig2 = px.scatter(df, x="a", y="c")\nfig2', { outputs: [plotly(1), plotly(2)] }),
    ]);
    expect(figures.map((f) => f.figure.mime)).toEqual(['application/vnd.plotly.v1+json', 'application/vnd.plotly.v1+json']);
    expect(figures[0].slice.lines.filter(([c]) => c === 1)).toEqual([[1, 0, 0], [1, 1, 1], [1, 2, 2]]);
    expect(figures[1].slice.lines.filter(([c]) => c === 1)).toEqual([[1, 3, 3], [1, 4, 4]]);
  });

  it('resolves names the way types.ts describes', async () => {
    const { figures } = await trace([
      code('from matplotlib import pyplot as plt\nfrom sklearn.metrics import ConfusionMatrixDisplay as CMD\nfrom sklearn.ensemble import RandomForestClassifier\nimport pandas as pd'),
      code('df = pd.read_csv("t.csv")\nmodel = RandomForestClassifier()\nmodel.fit(df[["a"]], df.y)'),
      code('fig, ax = plt.subplots()\nCMD.from_estimator(model, df[["a"]], df.y, ax=ax)\nax.set_title("CM")\ndf["a"].hist()', { outputs: [png()] }),
    ]);
    const names = figures[0].calls.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining([
      'sklearn.ensemble.RandomForestClassifier.fit',
      'matplotlib.pyplot.subplots',
      'sklearn.metrics.ConfusionMatrixDisplay.from_estimator',
      'matplotlib.axes.Axes.set_title',
      'pandas.Series.hist',
    ]));
  });
});

describe('assignOutputs', () => {
  it('gives a loop the outputs beyond the figure count, one each otherwise', () => {
    expect(assignOutputs(4, [{ loop: false }, { loop: true }, { loop: false }])).toEqual([0, 1, 1, 2]);
    expect(assignOutputs(2, [{ loop: false }, { loop: false }])).toEqual([0, 1]);
    expect(assignOutputs(2, [])).toEqual([-1, -1]);
  });
});

describe('markdown cells', () => {
  it('are not code: a notebook of markdown only has no statements', async () => {
    const { program } = await trace([md('# Title')]);
    expect(program.stmts).toHaveLength(0);
  });
});
