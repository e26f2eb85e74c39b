import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvObjects } from './parse-csv';
import { csvField } from './csv-field';

describe('parseCsv', () => {
  it('reads quoted commas, doubled quotes, line breaks in fields, CRLF and a missing final newline', () => {
    expect(parseCsv('a,"b,c","say ""hi""","two\nlines"\r\n1,2,3,4')).toEqual([
      ['a', 'b,c', 'say "hi"', 'two\nlines'],
      ['1', '2', '3', '4'],
    ]);
  });
  it('keys records by the header, ignoring a BOM and blank lines', () => {
    expect(parseCsvObjects('\uFEFFItem, Coder\nv1,ana\n\nv2,ben\n')).toEqual([
      { item: 'v1', coder: 'ana' },
      { item: 'v2', coder: 'ben' },
    ]);
  });

  it('neutralises formulas as OWASP advises (quote prefix, quoted field), keeps numbers, and reads them back', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(['+1+2', '-2+3', '@SUM(A1)', '\t=1', '\r=1'].map(csvField)).toEqual([`"'+1+2"`, `"'-2+3"`, `"'@SUM(A1)"`, `"'\t=1"`, `"'\r=1"`]);
    expect([-0.25, '-0.25', '+3', '1e-5', 'plain'].map(csvField)).toEqual(['-0.25', '-0.25', '+3', '1e-5', 'plain']);
    const names = ['=cmd|/c calc', '-Loss', "'quoted already", 'ok'];
    expect(parseCsvObjects('name\n' + names.map(csvField).join('\n')).map((r) => r.name)).toEqual(names);
  });

  it('refuses a stray quote, an unclosed quote and a short row, naming the line', () => {
    expect(() => parseCsv('item,coder,code\nv1,ana,"Bar"\nv2,ben,5" screen\nv3,ana,x\n')).toThrow(/^CSV line 3: .*quote/i);
    expect(() => parseCsv('item,coder,code\nv1,ana,x\nv2,ben,"open\nv3,ana,x\n')).toThrow(/^CSV line 3: a quoted field is never closed/);
    expect(() => parseCsvObjects('item,coder,code\nv1,ana,x\nv2,ben\n')).toThrow(/^CSV line 3: .*expect 3, got 2/);
  });

  it('reads back what csvField writes', () => {
    const values = ['plain', 'a,b', 'say "hi"', 'two\nlines', ''];
    expect(parseCsv(values.map(csvField).join(',') + '\r\n')).toEqual([values]);
  });
});
