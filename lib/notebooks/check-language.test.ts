import { describe, it, expect } from 'vitest';
import { checkLanguage } from './check-language';
import { parseNotebook } from './parse-notebook';

const parse = (metadata: object, nbformat: 3 | 4 = 4, cells: unknown[] = []) =>
  parseNotebook(
    new TextEncoder().encode(
      JSON.stringify(nbformat === 4 ? { nbformat, nbformat_minor: 4, metadata, cells } : { nbformat, metadata, worksheets: [{ cells }] }),
    ),
  );

describe('checkLanguage', () => {
  it('accepts Python however it is spelled', () => {
    expect(checkLanguage(parse({ kernelspec: { name: 'python3', language: 'python' } }))).toEqual({ ok: true });
    expect(checkLanguage(parse({ kernelspec: { name: 'conda-env-x', language: 'Python 3' } }))).toEqual({ ok: true });
    expect(checkLanguage(parse({ language_info: { name: 'python', version: '3.11' } }))).toEqual({ ok: true });
  });

  it('rejects R with the language as written and the kernel name', () => {
    expect(checkLanguage(parse({ kernelspec: { name: 'ir', language: 'R', display_name: 'R' }, language_info: { name: 'R' } }))).toEqual({
      ok: false,
      reason: 'kernel language is "R" (kernel "ir"); only Python notebooks are imported',
    });
  });

  it('prefers kernelspec.language over language_info.name', () => {
    const r = checkLanguage(parse({ kernelspec: { name: 'julia-1.9', language: 'julia' }, language_info: { name: 'python' } }));
    expect(r).toEqual({ ok: false, reason: 'kernel language is "julia" (kernel "julia-1.9"); only Python notebooks are imported' });
    expect(checkLanguage(parse({ language_info: { name: 'scala' } }))).toEqual({
      ok: false,
      reason: 'kernel language is "scala"; only Python notebooks are imported',
    });
  });

  it('assumes Python when nothing is declared, or only a Python kernel name', () => {
    expect(checkLanguage(parse({}))).toEqual({ ok: true });
    expect(checkLanguage(parse({ kernelspec: { name: 'python2', display_name: 'Python 2' } }))).toEqual({ ok: true });
  });

  it('rejects a non-Python kernel name when no language is declared', () => {
    expect(checkLanguage(parse({ kernelspec: { name: 'ir' } }))).toEqual({
      ok: false,
      reason: 'kernel "ir" is not a Python kernel and no language is declared; only Python notebooks are imported',
    });
  });

  it('uses nbformat 3 cell languages when the metadata says nothing', () => {
    const cell = (language: string) => ({ cell_type: 'code', input: 'x', language, outputs: [] });
    expect(checkLanguage(parse({ name: '' }, 3, [cell('python')]))).toEqual({ ok: true });
    const r = parse({ name: '' }, 3, [cell('R')]);
    expect(r.language).toBe('r');
    // Cell languages are not kept in the metadata, so only the lower-cased form is left to show.
    expect(checkLanguage(r)).toEqual({ ok: false, reason: 'kernel language is "r"; only Python notebooks are imported' });
  });
});
