import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { metaKaggleCodePath } from './code-path';

describe('metaKaggleCodePath', () => {
  it('splits the 10-digit padded id into 4 + 3 digit folders, as in the documentation', () => {
    expect(metaKaggleCodePath('/mkc', 111437241)).toBe(path.join('/mkc', '0111', '437', '111437241.ipynb'));
  });

  it('pads short ids and keeps the file name unpadded', () => {
    expect(metaKaggleCodePath('root', 42, 'py')).toBe(path.join('root', '0000', '000', '42.py'));
    expect(metaKaggleCodePath('root', 1234567, 'r')).toBe(path.join('root', '0001', '234', '1234567.r'));
  });

  it('handles 10-digit ids, bigint and string ids, and an extension given with its dot', () => {
    expect(metaKaggleCodePath('r', 9876543210n, '.rmd')).toBe(path.join('r', '9876', '543', '9876543210.rmd'));
    expect(metaKaggleCodePath('r', '111437241')).toBe(metaKaggleCodePath('r', 111437241));
  });

  it('refuses what is not an id', () => {
    expect(() => metaKaggleCodePath('r', -1)).toThrow(RangeError);
    expect(() => metaKaggleCodePath('r', 1.5)).toThrow(RangeError);
    expect(() => metaKaggleCodePath('r', '../x')).toThrow(RangeError);
    expect(() => metaKaggleCodePath('r', 12345678901)).toThrow(RangeError);
  });
});
