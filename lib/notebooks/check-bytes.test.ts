import { describe, it, expect } from 'vitest';
import { enc, expectError, failure, nbBytes, v4 } from './test-helpers';

describe('parseNotebook: bytes', () => {
  it('rejects empty and whitespace-only files', () => {
    expectError(new Uint8Array(0), 'empty', 'file is empty', null);
    expectError(enc(' \n\t\r\n'), 'empty', 'file is empty (only whitespace)');
  });

  it('rejects files over the size limit before reading them', () => {
    const e = failure(nbBytes(v4([])), { maxBytes: 10 });
    expect(e.code).toBe('too-large');
    expect(e.message).toMatch(/exceeds the 0 MiB limit/);
  });

  it('reports the first NUL byte of a binary file', () => {
    const bytes = enc('{"nbformat": 4, "cells": []}');
    bytes[17] = 0;
    expectError(bytes, 'binary', 'looks binary (NUL byte at 17), not a notebook', 'byte 17');
  });

  it('recognises common binary formats by their signature', () => {
    expectError(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2]), 'binary', 'looks binary (PNG image signature), not a notebook');
    expectError(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0]), 'binary', /ZIP archive/);
    expectError(new Uint8Array([0x1f, 0x8b, 8, 0]), 'binary', /gzip archive/);
    expectError(enc('%PDF-1.7\n...'), 'binary', /PDF document/);
  });

  it('calls UTF-16 an encoding problem, not binary', () => {
    expectError(new Uint8Array([0xff, 0xfe, 0x7b, 0x00]), 'encoding', /UTF-16LE/, 'byte 0');
  });

  it('locates invalid UTF-8 by byte and line', () => {
    const head = enc('{\n "nbformat": 4,\n "x": "caf');
    const bytes = new Uint8Array([...head, 0xe9, ...enc('"\n}')]); // Latin-1 "é"
    expectError(
      bytes, 'encoding',
      `invalid UTF-8 at byte ${head.length} (line 3): byte 0xE9 starts a 3-byte sequence but 0x22 follows`,
      `byte ${head.length}`,
    );
  });

  it('rejects overlong forms, surrogates, stray continuation bytes and a cut-off final sequence', () => {
    const at = (tail: number[]) => failure(new Uint8Array([...enc('["ab'), ...tail, ...enc('"]')]));
    expect(at([0xc0, 0x80]).message).toMatch(/^invalid UTF-8 at byte 4 \(line 1\): byte 0xC0 never appears/);
    expect(at([0xed, 0xa0, 0x80]).message).toMatch(/^invalid UTF-8 at byte 4 .*0xED starts a 3-byte sequence but 0xA0 follows/);
    expect(at([0x41, 0x80]).message).toMatch(/^invalid UTF-8 at byte 5 .*unexpected continuation byte 0x80/);
    const cut = failure(new Uint8Array([...enc('["ab"]'), 0xf0, 0x9f]));
    expect(cut.message).toMatch(/^invalid UTF-8 at byte 6 .*4-byte sequence but the file ends/);
  });
});
