import { describe, it, expect } from 'vitest';
import { parseNotebook } from './parse-notebook';
import { PNG_B64, code, expectError, imageOutput, nbBytes, v4 } from './test-helpers';

describe('parseNotebook: base64 images', () => {
  const withImage = (png: unknown, mime = 'image/png') =>
    nbBytes(v4([{ cell_type: 'markdown', source: '' }, code({ outputs: [{ output_type: 'stream', text: '' }, { output_type: 'execute_result', data: { [mime]: png } }] })]));

  it('names the first character outside the alphabet, with its offset', () => {
    const bad = PNG_B64.slice(0, 55) + '*' + PNG_B64.slice(56);
    expectError(withImage(bad), 'base64', "cell 1 output 1 image/png: invalid base64 (character '*' at offset 55)", 'cell 1 output 1 image/png');
    expectError(withImage('data:image/png;base64,' + PNG_B64), 'base64', "cell 1 output 1 image/png: invalid base64 (character ':' at offset 4)");
    expectError(withImage('ab_d', 'image/jpeg'), 'base64', "cell 1 output 1 image/jpeg: invalid base64 (character '_' at offset 2)", 'cell 1 output 1 image/jpeg');
    expectError(withImage('abcé'), 'base64', /\(character U\+00E9 at offset 3\)$/);
  });

  it('checks length and padding', () => {
    expectError(withImage('abcde\n'), 'base64', 'cell 1 output 1 image/png: invalid base64 (length 5 is not a multiple of 4 after removing whitespace)');
    expectError(withImage('ab\ncd\ne'), 'base64', /length 5 is not a multiple of 4/);
    expectError(withImage('ab==cdef'), 'base64', /padding '=' at offset 2 is followed by more data/);
    expectError(withImage('a==='), 'base64', /too much '=' padding at offset 1/);
    expectError(withImage(['abcd', 3]), 'base64', 'cell 1 output 1 image/png: expected a base64 string, got array');
  });

  it('checks images only after the whole structure is valid', () => {
    const bytes = nbBytes(v4([code({ outputs: [imageOutput('***')] }), { cell_type: 'nope', source: '' }]));
    expectError(bytes, 'structure', /^cell 1: unknown cell_type/);
  });

  it('ignores non-image MIME types and padding-free values', () => {
    const nb = parseNotebook(withImage('abcd'));
    expect(nb.cells[1].outputs[1].data).toEqual({ 'image/png': 'abcd' });
    expect(() => parseNotebook(withImage('<svg/>', 'image/svg+xml'))).not.toThrow();
  });
});
