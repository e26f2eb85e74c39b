import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvRecordSplitter, readCsvHeader } from './csv-records';

interface Rec {
  text: string;
  fields: string[];
  ok: boolean;
  end: number;
}

/** Splits `data` fed in chunks of `size` bytes, starting at file offset `base`. */
function split(data: Buffer, size: number, base = 0, max?: number): Rec[] {
  const out: Rec[] = [];
  const s = new CsvRecordSplitter(base, (buf, start, end, fields, ok, endOffset, starts) => {
    const f = Array.from({ length: fields }, (_, k) => buf.toString('utf8', start + starts[k], start + starts[k + 1] - 1));
    out.push({ text: buf.toString('utf8', start, end), fields: ok ? f : [], ok, end: endOffset });
  }, max);
  for (let i = 0; i < data.length; i += size) s.push(data.subarray(i, i + size));
  s.end();
  return out;
}

describe('CsvRecordSplitter', () => {
  const data = Buffer.from('a,"b,\n""c""",é日本\r\n\n1,,"x\r\ny"\r\n2,3,4');
  const expected: Rec[] = [
    { text: 'a,"b,\n""c""",é日本', fields: ['a', '"b,\n""c"""', 'é日本'], ok: true, end: 23 },
    { text: '1,,"x\r\ny"', fields: ['1', '', '"x\r\ny"'], ok: true, end: 35 },
    { text: '2,3,4', fields: ['2', '3', '4'], ok: true, end: 40 },
  ];

  it('finds records, raw fields and resume offsets however the bytes are chunked', () => {
    expect(data.length).toBe(40);
    for (let size = 1; size <= data.length; size++) expect(split(data, size), `chunks of ${size}`).toEqual(expected);
  });

  it('reports absolute offsets from where the read started', () => {
    expect(split(data.subarray(23), 5, 23)).toEqual(expected.slice(1));
  });

  it('flags records COPY would reject: bare carriage return, NUL, unclosed quote at the end', () => {
    const bad = Buffer.from('1,a\rb\n2,c\u0000\n3,ok\n4,"open');
    for (const size of [1, 2, 3, 64]) {
      expect(split(bad, size).map((r) => [r.text.slice(0, 2), r.ok])).toEqual([['1,', false], ['2,', false], ['3,', true], ['4,', false]]);
    }
  });

  it('reports the first line of an unbalanced quote as bad and reads on from the next line', () => {
    const y = 'y'.repeat(20);
    const big = Buffer.from(`1,ok\n2,"start\n${y}\n${y}\n3,ok\n4,ok`);
    const expected = [['1,ok', true, 5], ['2,"s', false, 14], [y.slice(0, 4), true, 35], [y.slice(0, 4), true, 56],
      ['3,ok', true, 61], ['4,ok', true, 65]];
    // Past the size limit, or at the end of the file still inside quotes: the same split, whatever the chunks.
    for (const max of [32, undefined]) {
      for (const size of [1, 7, 16, 1000]) {
        expect(split(big, size, 0, max).map((r) => [r.text.slice(0, 4), r.ok, r.end]), `${max} ${size}`).toEqual(expected);
      }
    }
    expect(split(Buffer.from('1,a\n2,"b\r'), 1).map((r) => [r.text, r.ok, r.end])).toEqual([['1,a', true, 4], ['2,"b\r', false, 9]]);
    expect(() => split(Buffer.from('x'.repeat(100)), 10, 0, 32)).toThrow(/a record of over 32 bytes at offset 0/);
  });
});

describe('readCsvHeader', () => {
  it('decodes the header (BOM, quotes) and says where the data starts', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vizmine-csv-')), 'h.csv');
    fs.writeFileSync(file, '\uFEFFId,"User, Name",Votes\r\n1,a,2\n');
    expect(readCsvHeader(file)).toEqual({ names: ['Id', 'User, Name', 'Votes'], dataStart: 26 });
    fs.writeFileSync(file, 'a,"b ""q""",\n');
    expect(readCsvHeader(file).names).toEqual(['a', 'b "q"', '']);
    fs.rmSync(path.dirname(file), { recursive: true });
  });
});
