import { describe, it, expect } from 'vitest';
import { parseNotebook } from './parse-notebook';
import { PNG_B64, code, enc, expectError, imageOutput, nbBytes, v4 } from './test-helpers';

describe('parseNotebook: good input', () => {
  it('normalises a v4 notebook: joined text, defaults, language and kernel', () => {
    const nb = parseNotebook(
      nbBytes(
        v4(
          [
            { cell_type: 'markdown', source: ['# Title\n', 'text'], metadata: {}, attachments: { 'a.png': { 'image/png': [PNG_B64.slice(0, 8), PNG_B64.slice(8)] } } },
            code({
              source: ['import pandas\n', 'df = 1'],
              execution_count: 7,
              outputs: [
                { output_type: 'stream', name: 'stderr', text: ['warn\n', 'more\n'] },
                { output_type: 'execute_result', execution_count: 7, metadata: {}, data: { 'text/html': ['<b>', '</b>'], 'application/vnd.plotly.v1+json': { data: [1, 2] }, 'application/json': ['a', 'b'] } },
                { output_type: 'error', ename: 'ValueError', evalue: 'bad', traceback: ['line 1', 'line 2'] },
                imageOutput(PNG_B64 + '\n'),
              ],
            }),
            { cell_type: 'raw', source: 'raw text' },
          ],
          { kernelspec: { name: 'python3', language: 'Python', display_name: 'Python 3' } },
        ),
      ),
    );
    expect(nb).toMatchObject({ nbformat: 4, nbformatMinor: 5, originalNbformat: 4, language: 'python', kernelName: 'python3' });
    expect(nb.cells.map((c) => c.cell_type)).toEqual(['markdown', 'code', 'raw']);
    const [md, cc, raw] = nb.cells;
    expect(md).toEqual({
      cell_type: 'markdown', source: '# Title\ntext', execution_count: null, outputs: [], metadata: {},
      attachments: { 'a.png': { 'image/png': PNG_B64 } },
    });
    expect(cc.source).toBe('import pandas\ndf = 1');
    expect(cc.execution_count).toBe(7);
    expect(cc.outputs[0]).toEqual({ output_type: 'stream', name: 'stderr', text: 'warn\nmore\n' });
    expect(cc.outputs[1].data).toEqual({
      'text/html': '<b></b>',
      'application/vnd.plotly.v1+json': { data: [1, 2] },
      'application/json': ['a', 'b'], // JSON data is never line-joined
    });
    expect(cc.outputs[1].execution_count).toBe(7);
    expect(cc.outputs[2]).toEqual({ output_type: 'error', ename: 'ValueError', evalue: 'bad', traceback: ['line 1', 'line 2'] });
    expect(cc.outputs[3].data?.['text/plain']).toBe('<Figure>');
    expect(raw).toEqual({ cell_type: 'raw', source: 'raw text', execution_count: null, outputs: [], metadata: {} });
  });

  it('takes the language from language_info when kernelspec has none, and strips a BOM', () => {
    const body = nbBytes(v4([], { language_info: { name: 'R' } }));
    const nb = parseNotebook(new Uint8Array([0xef, 0xbb, 0xbf, ...body]));
    expect(nb.language).toBe('r');
    expect(nb.kernelName).toBeNull();
    expect(nb.cells).toEqual([]);
  });

  it('accepts line-wrapped base64 and a missing nbformat_minor', () => {
    const wrapped = PNG_B64.match(/.{1,20}/g)!.join('\n') + '\n';
    const nb = parseNotebook(nbBytes({ nbformat: 4, metadata: {}, cells: [code({ outputs: [imageOutput(wrapped)] })] }));
    expect(nb.nbformatMinor).toBe(0);
    expect(nb.cells[0].outputs[0].data?.['image/png']).toBe(wrapped);
  });
});

describe('parseNotebook: nbformat and structure', () => {
  it('requires a top-level object', () => {
    expectError(enc('[1, 2]'), 'structure', 'top-level JSON value is an array, not an object');
    expectError(enc('null'), 'structure', 'top-level JSON value is null, not an object');
  });

  it('accepts only nbformat 3 and 4', () => {
    expectError(nbBytes({ cells: [] }), 'nbformat', 'missing "nbformat" field: not a Jupyter notebook (supported: 3, 4)');
    expectError(nbBytes({ nbformat: 5, cells: [] }), 'nbformat', 'unsupported nbformat 5 (supported: 3, 4)');
    expectError(nbBytes({ nbformat: 2, cells: [] }), 'nbformat', 'unsupported nbformat 2 (supported: 3, 4)');
    expectError(nbBytes({ nbformat: '4', cells: [] }), 'nbformat', 'unsupported nbformat "4" (string) (supported: 3, 4)');
    expectError(nbBytes({ nbformat: 4, nbformat_minor: 'x', cells: [] }), 'nbformat', /"nbformat_minor" must be a non-negative integer/);
  });

  it('names the cell and field that is wrong', () => {
    expectError(nbBytes({ nbformat: 4, metadata: {} }), 'structure', 'missing required field "cells"', null);
    expectError(nbBytes({ nbformat: 4, cells: {} }), 'structure', '"cells" must be an array, got object');
    expectError(nbBytes({ nbformat: 4, metadata: [], cells: [] }), 'structure', '"metadata" must be an object, got array');
    expectError(nbBytes(v4([code(), 'text'])), 'structure', 'cell 1: expected an object, got string', 'cell 1');
    expectError(nbBytes(v4([code(), code(), { source: '' }])), 'structure', 'cell 2: missing required field "cell_type"', 'cell 2');
    expectError(nbBytes(v4([{ cell_type: 'heading', source: 'x' }])), 'structure', 'cell 0: unknown cell_type "heading" (expected "code", "markdown" or "raw")');
    expectError(nbBytes(v4([{ cell_type: 'markdown' }])), 'structure', 'cell 0: missing required field "source"');
    expectError(nbBytes(v4([{ cell_type: 'x'.repeat(500), source: '' }])), 'structure', `cell 0: unknown cell_type "${'x'.repeat(39)}… (expected "code", "markdown" or "raw")`);
    expectError(nbBytes(v4([code({ source: ['a', 2] })])), 'structure', 'cell 0: "source" must be a string or an array of strings, got array with a number at index 1');
    expectError(nbBytes(v4([code({ outputs: {} })])), 'structure', 'cell 0: "outputs" must be an array, got object');
    expectError(nbBytes(v4([code({ execution_count: '3' })])), 'structure', 'cell 0: "execution_count" must be a non-negative integer or null, got "3"');
    expectError(nbBytes(v4([{ cell_type: 'markdown', source: '', attachments: { 'a.png': { 'image/png': 5 } } }])), 'structure', 'cell 0: attachment "a.png" image/png must be a string, got number');
  });

  it('names the output that is wrong', () => {
    const out = (o: unknown) => nbBytes(v4([code(), code({ outputs: [{ output_type: 'stream', name: 'stdout', text: '' }, o] })]));
    expectError(out({ name: 'stdout', text: 'x' }), 'structure', 'cell 1 output 1: missing required field "output_type"', 'cell 1 output 1');
    expectError(out({ output_type: 'pyout' }), 'structure', /^cell 1 output 1: unknown output_type "pyout" \(expected stream, display_data/);
    expectError(out({ output_type: 'stream', name: 'stdout', text: 42 }), 'structure', 'cell 1 output 1: "text" must be a string or an array of strings, got number');
    expectError(out({ output_type: 'error', ename: 'E', evalue: '', traceback: 'tb' }), 'structure', 'cell 1 output 1: "traceback" must be an array of strings, got string');
    expectError(out({ output_type: 'display_data', data: 'png' }), 'structure', 'cell 1 output 1: "data" must be an object, got string');
    expectError(out(7), 'structure', 'cell 1 output 1: expected an object, got number');
  });
});
