// Lints at pynblint's thresholds, figure outputs as the import sees them, and the execution order.
import { describe, it, expect } from 'vitest';
import { notebookLints, outOfOrderCells } from './lints';
import { figureOutputsOf } from './figure-outputs';
import { executionOrder, lexicalNames } from './order';
import { getParser } from './parser';
import { readProgram } from './program';
import { code, md, notebook, png, text, PNG } from './test-notebook';
import type { NbCell } from '../notebooks';

async function lint(cells: NbCell[], fileName?: string) {
  const nb = notebook(cells);
  return notebookLints(nb.cells, readProgram(await getParser(), nb.cells), fileName).map((l) => (l.cell === undefined ? l.rule : `${l.rule}@${l.cell}`));
}
const lines = (n: number) => Array.from({ length: n }, (_, i) => `x${i} = ${i}`).join('\n');

describe('notebookLints', () => {
  it('applies pynblint thresholds: 30 lines per cell, 50 cells, 0.3 markdown per code cell', async () => {
    const rules = await lint([md('# T\nIntro text.'), code(lines(30)), code(lines(31)), code('a = 1'), code('b = 2'), md('Done, in words.')]);
    expect(rules).toContain('cells-too-long@2');
    expect(rules).not.toContain('cells-too-long@1');
    expect(rules).not.toContain('too-few-MD-cells'); // 2 markdown / 4 code = 0.5
    const sparse = await lint([md('# T\nIntro.'), code('a = 1'), code('b = 2'), code('c = 3'), code('d = 4')]);
    expect(sparse).toContain('too-few-MD-cells'); // 1 / 4 = 0.25
    expect(sparse).toContain('missing-closing-MD-text');
    const long = await lint(Array.from({ length: 51 }, (_, i) => (i % 2 ? code(`v${i} = ${i}`) : md(`# Part ${i}\nText.`))));
    expect(long).toContain('notebook-too-long');
  });

  it('finds missing opening text and H1, imports beyond the first code cell, non-executed and empty cells', async () => {
    const rules = await lint(
      [code('import pandas as pd'), md('## Only a heading'), code('import numpy as np\nx = np.ones(3)'), code('y = 2', { count: null }), code('   '), md('The end, explained.')],
      'Untitled3.ipynb',
    );
    expect(rules).toEqual(
      expect.arrayContaining(['missing-h1-MD-heading', 'missing-opening-MD-text', 'imports-beyond-first-cell@2', 'non-executed-cells@3', 'empty-cells@4', 'untitled-notebook']),
    );
    expect(rules).not.toContain('imports-beyond-first-cell@0');
    expect(rules).not.toContain('non-executed-notebook');
  });

  it('flags non-linear execution and the cells run out of order', async () => {
    const cells = [code('a = 1', { count: 3 }), code('b = 2', { count: 1 }), code('c = 3', { count: 4 })];
    expect(await lint(cells)).toContain('non-linear-execution');
    expect([...outOfOrderCells(notebook(cells).cells)]).toEqual([1]);
  });
});

describe('figureOutputsOf', () => {
  it('counts one visualisation per output whatever its representations, with the primary MIME chosen', () => {
    const cell = code('plot()', {
      outputs: [
        text('hello'),
        { output_type: 'display_data', data: { 'image/svg+xml': '<svg/>', 'image/png': PNG, 'text/plain': '<Figure>' }, metadata: {} },
        { output_type: 'display_data', data: { 'text/html': '<table></table>' }, metadata: {} },
        { output_type: 'display_data', data: { 'text/html': '<div></div><script>Plotly.newPlot("a", [], {})</script>' }, metadata: {} },
        { output_type: 'display_data', data: { 'application/vnd.vegalite.v5+json': { mark: 'bar' }, 'text/plain': 'chart' }, metadata: {} },
        png(),
      ],
    });
    expect(figureOutputsOf(cell).map((f) => [f.output, f.mime])).toEqual([
      [1, 'image/png'],
      [3, 'text/html'],
      [4, 'application/vnd.vegalite.v5+json'],
      [5, 'image/png'],
    ]);
  });
});

describe('executionOrder', () => {
  it('reads the names a cell defines and uses, strings and comments aside', () => {
    const n = lexicalNames('import matplotlib.pyplot as plt\nfrom sklearn import metrics\nx, y = load()\ndef f(a):\n    return a\n# uses z\ns = "w"');
    expect([...n.defs].sort()).toEqual(['f', 'metrics', 'plt', 's', 'x', 'y']);
    expect(n.uses.has('z')).toBe(false);
    expect(n.uses.has('w')).toBe(false);
  });

  it('skips empty code cells and falls back to file order when counts are missing', () => {
    const nb = notebook([code('a = 1', { count: 2 }), code('', { count: null }), code('b = a', { count: null })]);
    expect(executionOrder(nb.cells)).toEqual({ order: [0, 2], byExecutionCount: false });
  });
});
