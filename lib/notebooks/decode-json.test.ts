import { describe, it, expect } from 'vitest';
import { PNG_B64, code, enc, expectError, failure, imageOutput, v4 } from './test-helpers';
import { checkJsonDepth } from './json-depth';

describe('parseNotebook: JSON', () => {
  it('locates a syntax error by line, column and byte (Node 20 gives no position for these)', () => {
    const text = '{\n "nbformat": 4,\n "cells": [1,\n   ]\n}';
    expectError(enc(text), 'json', `JSON syntax error: Unexpected token ']' at line 4, column 4 (byte ${text.indexOf(']')})`, 'line 4, column 4');
  });

  it('keeps V8 wording and counts bytes, not characters, after non-ASCII text', () => {
    const text = '{"title": "héllo 😀", "x": 1 "y": 2}';
    const pos = text.indexOf('"y"');
    const byte = new TextEncoder().encode(text.slice(0, pos)).length;
    expect(byte).toBe(pos + 3); // é: 2 bytes for 1 unit (+1); the emoji: 4 bytes for 2 units (+2)
    expectError(enc(text), 'json', `JSON syntax error: Expected ',' or '}' after property value at line 1, column ${pos + 1} (byte ${byte})`);
  });

  it('describes control characters and junk after the value', () => {
    expectError(enc('{"a": "x\ty"}'), 'json', 'JSON syntax error: Bad control character in string literal at line 1, column 9 (byte 8)');
    expectError(enc('{"a": 1} x'), 'json', 'JSON syntax error: Unexpected non-whitespace character after JSON at line 1, column 10 (byte 9)');
    expectError(enc("{'a': 1}"), 'json', /Expected property name or '}' at line 1, column 2 \(byte 1\)$/);
  });

  it('says what was left open when the file is cut short', () => {
    const text = '{"nbformat": 4, "cells": [{"source": "abc';
    expectError(enc(text), 'truncated', `file is truncated: JSON ends at byte ${text.length} inside an unfinished string`, `byte ${text.length}`);
    expectError(enc('{"cells": [\n\n'), 'truncated', 'file is truncated: JSON ends at byte 11 inside an unfinished array');
    expectError(enc('{"nbformat": 4'), 'truncated', 'file is truncated: JSON ends at byte 14 inside an unfinished object');
    expectError(enc('{"a": [tr'), 'truncated', /inside an unfinished true\/false\/null$/);
  });

  it('treats every prefix of a real notebook as truncated, never as a syntax error', () => {
    const text = JSON.stringify(v4([code({ source: ['a = "é\\"x"\n', 'b = -1.5e3'], outputs: [imageOutput(PNG_B64)] })], { k: [true, false, null, -0.25, 1e-7] }), null, 1);
    const bytes = enc(text);
    const seen = new Set<string>();
    for (let k = 1; k < bytes.length; k++) {
      if (bytes[k] >= 0x80 && bytes[k] < 0xc0) continue; // would cut a UTF-8 sequence
      const e = failure(bytes.subarray(0, k));
      expect(e.code, `prefix ${k}: ${e.message}`).toBe('truncated');
      seen.add(e.message.replace(/.* inside /, ''));
    }
    expect([...seen].sort()).toEqual(
      ['an unfinished array', 'an unfinished number', 'an unfinished object', 'an unfinished string', 'an unfinished true/false/null'].sort(),
    );
  });

  it('treats NUL padding after a cut as truncation', () => {
    const bytes = new Uint8Array(9000 + 20);
    bytes.set(enc('{"cells": [1, 2'));
    bytes.fill(0x20, 15, 9000); // keep NULs out of the first 8 KiB binary sniff
    expectError(bytes, 'truncated', 'file is truncated: JSON ends at byte 9000 inside an unfinished array');
  });
});

describe('parseNotebook: nesting depth', () => {
  it('refuses JSON nested 100,000 levels before parsing, saying where, instead of overflowing the stack', () => {
    const text = '{"cells": [], "metadata": {"x": ' + '['.repeat(100_000) + ']'.repeat(100_000) + '}, "nbformat": 4, "nbformat_minor": 5}';
    expectError(enc(text), 'too-deep', /^JSON nested more than 500 levels deep at line 1, column 531 \(byte 530\)/, 'line 1, column 531');
  });

  it('is not fooled by brackets and escaped quotes inside strings', () => {
    const text = JSON.stringify({ cells: [], metadata: { note: '[[[{{{' + '\\"['.repeat(1000) }, nbformat: 4, nbformat_minor: 5 });
    expect(() => checkJsonDepth(enc(text), 0)).not.toThrow();
  });
});
