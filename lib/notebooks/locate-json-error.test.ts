import { describe, it, expect } from 'vitest';
import { locateJsonError } from './locate-json-error';

// A notebook-like document touching every JSON construct the scanner handles.
const BASE = JSON.stringify(
  { nbformat: 4, a: [1, -2.5, 3e10, true, false, null, 'x"\\\u00e9\n\u0001', { b: {} }, []], c: 'é😀' },
  null,
  1,
);
const ALPHABET = '{}[],:"\\ \n\t-+.0123456789eEtrufalsn\u0000\u0001x\'/';

describe('locateJsonError', () => {
  it('returns null for valid JSON and the end for an unfinished one', () => {
    expect(locateJsonError(BASE)).toBeNull();
    expect(locateJsonError('{"a": [1, {"b": "x')).toEqual({ pos: 18, inside: 'string' });
    expect(locateJsonError('[1, 2')).toEqual({ pos: 5, inside: 'array' });
    expect(locateJsonError('[1, 2.')).toEqual({ pos: 6, inside: 'number' });
    expect(locateJsonError('{"a": 1} ]')).toEqual({ pos: 9, inside: null });
  });

  // V8 is the reference: wherever its message carries a position, or names the unexpected
  // token, the scanner must point at the same character, over thousands of random corruptions.
  it('agrees with JSON.parse on validity and error position for random corruptions', () => {
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    let checked = 0;
    for (let t = 0; t < 5000; t++) {
      let s = BASE;
      for (let e = 0, edits = 1 + rnd(3); e < edits; e++) {
        const i = rnd(s.length);
        const ch = ALPHABET[rnd(ALPHABET.length)];
        const op = rnd(3);
        s = op === 0 ? s.slice(0, i) + ch + s.slice(i) : op === 1 ? s.slice(0, i) + s.slice(i + 1) : s.slice(0, i) + ch + s.slice(i + 1);
      }
      let message: string | null = null;
      try {
        JSON.parse(s);
      } catch (e) {
        message = (e as Error).message;
      }
      const spot = locateJsonError(s);
      expect(spot === null, `${JSON.stringify(s)}: ${message}`).toBe(message === null);
      if (message === null || spot === null) continue;
      const pos = /at position (\d+)/.exec(message);
      const token = /^Unexpected token '([\s\S])'/.exec(message);
      if (pos) expect(spot.pos, `${JSON.stringify(s)}: ${message}`).toBe(Number(pos[1]));
      else if (token) expect(s[spot.pos], `${JSON.stringify(s)}: ${message}`).toBe(token[1]);
      else expect(spot.pos, `${JSON.stringify(s)}: ${message}`).toBe(s.length);
      checked++;
    }
    expect(checked).toBeGreaterThan(3000);
  });
});
