import { describe, it, expect } from 'vitest';
import { convertV3 } from './convert-v3';
import { parseNotebook } from './parse-notebook';
import { NotebookError } from './errors';

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

// Shaped like the corpus's IPython 2 notebooks (agconti-titanic__Titanic.ipynb).
function v3(cells: unknown[], metadata: object = { name: '', signature: 'sha256:abc' }, worksheets?: unknown[]) {
  return { nbformat: 3, nbformat_minor: 0, metadata, worksheets: worksheets ?? [{ cells, metadata: {} }] };
}
const codeCell = (extra: object = {}) => ({
  cell_type: 'code', collapsed: false, input: ['import pandas as pd\n', 'df = pd.read_csv("x")'], language: 'python',
  metadata: {}, outputs: [], prompt_number: 3, ...extra,
});

describe('convertV3', () => {
  it('converts code cells: input, prompt_number, language dropped, collapsed into metadata', () => {
    const { cells } = convertV3(v3([codeCell({ collapsed: true, metadata: { tags: ['a'] } })]));
    expect(cells).toEqual([
      {
        cell_type: 'code', source: 'import pandas as pd\ndf = pd.read_csv("x")', execution_count: 3,
        outputs: [], metadata: { tags: ['a'], collapsed: true },
      },
    ]);
  });

  it('turns heading cells into one-line markdown headings, as nbformat does', () => {
    const { cells } = convertV3(v3([
      { cell_type: 'heading', level: 3, metadata: {}, source: ['Results: RMSE = 0.77\n', '\n', 'That is good'] },
      { cell_type: 'heading', metadata: {}, source: 'Intro\n' },
      { cell_type: 'html', metadata: {}, source: '<b>x</b>' },
      { cell_type: 'raw', metadata: {}, source: ['a\n', 'b'] },
    ]));
    expect(cells.map((c) => [c.cell_type, c.source])).toEqual([
      ['markdown', '### Results: RMSE = 0.77  That is good'],
      ['markdown', '# Intro'],
      ['markdown', '<b>x</b>'],
      ['raw', 'a\nb'],
    ]);
  });

  it('rejoins arrays from the old splitlines() (no newlines kept) with "\\n"', () => {
    const { cells } = convertV3(v3([codeCell({ input: ['a = 1', 'b = 2'] }), { cell_type: 'markdown', source: ['x', 'y'] }]));
    expect(cells[0].source).toBe('a = 1\nb = 2');
    expect(cells[1].source).toBe('x\ny');
  });

  it('flattens every worksheet in order', () => {
    const nb = v3([], {}, [
      { cells: [{ cell_type: 'markdown', source: 'one' }] },
      { cells: [{ cell_type: 'markdown', source: 'two' }, codeCell()] },
    ]);
    expect(convertV3(nb).cells.map((c) => c.source.slice(0, 6))).toEqual(['one', 'two', 'import']);
  });

  it('upgrades outputs: pyout, display_data, pyerr, stream and the MIME aliases', () => {
    const { cells } = convertV3(v3([codeCell({
      outputs: [
        { output_type: 'pyout', prompt_number: 3, metadata: {}, text: ['   a\n', '0  1'], html: ['<table>\n', '</table>'] },
        { output_type: 'display_data', metadata: { png: { width: 300 } }, png: PNG + '\n', svg: '<svg/>', jpeg: PNG, latex: '$x$',
          json: '{"a": [1, 2]}', javascript: 'alert(1)', markdown: '*m*', 'application/pdf': 'JVBE', pdf: 'dropped' },
        { output_type: 'pyerr', ename: 'KeyError', evalue: "'x'", traceback: ['tb1', 'tb2'] },
        { output_type: 'stream', stream: 'stderr', text: ['warn\n', 'again\n'] },
        { output_type: 'stream', text: 'out' },
      ],
    })]));
    expect(cells[0].outputs).toEqual([
      { output_type: 'execute_result', execution_count: 3, metadata: {}, data: { 'text/plain': '   a\n0  1', 'text/html': '<table>\n</table>' } },
      {
        output_type: 'display_data', metadata: { 'image/png': { width: 300 } },
        data: {
          'image/png': PNG + '\n', 'image/svg+xml': '<svg/>', 'image/jpeg': PNG, 'text/latex': '$x$',
          'application/json': { a: [1, 2] }, 'application/javascript': 'alert(1)', 'text/markdown': '*m*', 'application/pdf': 'JVBE',
        },
      },
      { output_type: 'error', ename: 'KeyError', evalue: "'x'", traceback: ['tb1', 'tb2'] },
      { output_type: 'stream', name: 'stderr', text: 'warn\nagain\n' },
      { output_type: 'stream', name: 'stdout', text: 'out' },
    ]);
  });

  it('marks the original format and drops v3-only metadata', () => {
    const { metadata } = convertV3(v3([], { name: 'nb', signature: 'sha256:x', language: 'python', authors: ['a'] }));
    expect(metadata).toEqual({ language: 'python', authors: ['a'], orig_nbformat: 3, orig_nbformat_minor: 0 });
  });

  it('takes the language from metadata, else from the first code cell', () => {
    expect(convertV3(v3([codeCell({ language: 'julia' })], { language: 'R' })).language).toBe('R');
    expect(convertV3(v3([{ cell_type: 'markdown', source: '' }, codeCell({ language: 'python' }), codeCell({ language: 'R' })])).language).toBe('python');
    expect(convertV3(v3([{ cell_type: 'markdown', source: '' }])).language).toBeNull();
  });

  it('reports broken v3 structure with the flattened cell position', () => {
    const err = (nb: unknown) => {
      try {
        convertV3(nb);
      } catch (e) {
        if (e instanceof NotebookError) return [e.code, e.message, e.where];
      }
      return null;
    };
    expect(err({ nbformat: 3, worksheets: {} })).toEqual(['structure', '"worksheets" must be an array, got object', null]);
    expect(err({ nbformat: 3, worksheets: [{ cells: [] }, {}] })).toEqual(['structure', 'worksheet 2: expected an object with a "cells" array, "cells" is undefined', 'worksheet 2']);
    expect(err(v3([], {}, [{ cells: [codeCell()] }, { cells: [{ cell_type: 'heading', level: 9, source: 'x' }] }]))).toEqual([
      'structure', 'cell 1: heading "level" must be an integer 1-6, got 9', 'cell 1',
    ]);
    expect(err(v3([codeCell({ outputs: [{ text: 'x' }] })]))).toEqual(['structure', 'cell 0 output 0: missing required field "output_type"', 'cell 0 output 0']);
    expect(err(v3([codeCell(), { cell_type: 'markdown', source: 12 }]))).toEqual([
      'structure', 'cell 1: "source" must be a string or an array of strings, got number', 'cell 1',
    ]);
  });
});

describe('parseNotebook on nbformat 3', () => {
  it('reports a converted v4 notebook with python language from the cells', () => {
    const bytes = new TextEncoder().encode(JSON.stringify(v3([codeCell({ outputs: [{ output_type: 'display_data', png: PNG, metadata: {} }] })]), null, 1));
    const nb = parseNotebook(bytes);
    expect(nb).toMatchObject({ nbformat: 4, nbformatMinor: 4, originalNbformat: 3, language: 'python', kernelName: null });
    expect(nb.cells[0].outputs[0].data).toEqual({ 'image/png': PNG });
  });

  it('validates converted images like native ones', () => {
    const bytes = new TextEncoder().encode(JSON.stringify(v3([codeCell({ outputs: [{ output_type: 'pyout', png: 'ab*d' }] })])));
    expect(() => parseNotebook(bytes)).toThrow("cell 0 output 0 image/png: invalid base64 (character '*' at offset 2)");
  });
});
