// JSON.parse says *that* a file is bad, but on Node 20 its "Unexpected token" messages carry no
// position, and it never says what was left open when the input ran out. This scanner answers
// both. It only runs after JSON.parse has failed, so a character loop costs nothing on the good
// path; string bodies are still skipped with a sticky regex so multi-MB files stay quick.

export type Unfinished = 'object' | 'array' | 'string' | 'number' | 'literal';

export interface JsonSpot {
  /** UTF-16 index of the first character JSON cannot accept; text.length when input ran out. */
  pos: number;
  /** The innermost thing still open at `pos` (null: nothing open, e.g. junk after the value). */
  inside: Unfinished | null;
}

const WS = /[ \t\n\r]*/y;
const STRING_BODY = /[^"\\\u0000-\u001f]*/y;
const ESCAPES = '"\\/bfnrtu';
const isDigit = (c: number) => c >= 48 && c <= 57;
const isHex = (c: number) => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

// Parser states: what may come next.
const VALUE = 0, VALUE_OR_CLOSE = 1, KEY = 2, KEY_OR_CLOSE = 3, COLON = 4, AFTER_VALUE = 5;
const OBJ = 123, ARR = 91;

/** Where the first JSON syntax error is, or null if the text is valid JSON. */
export function locateJsonError(text: string): JsonSpot | null {
  const n = text.length;
  const stack: number[] = [];
  const container = (): Unfinished | null =>
    stack.length === 0 ? null : stack[stack.length - 1] === OBJ ? 'object' : 'array';
  let i = 0;
  let state = VALUE;

  // Each scanner returns the error spot, or null after advancing `i` past the token.
  const scanString = (): JsonSpot | null => {
    i++;
    for (;;) {
      STRING_BODY.lastIndex = i;
      STRING_BODY.test(text);
      i = STRING_BODY.lastIndex;
      if (i >= n) return { pos: n, inside: 'string' };
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return null;
      }
      if (c !== 92) return { pos: i, inside: 'string' }; // raw control character
      if (i + 1 >= n) return { pos: n, inside: 'string' };
      const e = text[i + 1];
      if (!ESCAPES.includes(e)) return { pos: i + 1, inside: 'string' };
      if (e === 'u') {
        for (let k = 2; k < 6; k++) {
          if (i + k >= n) return { pos: n, inside: 'string' };
          if (!isHex(text.charCodeAt(i + k))) return { pos: i + k, inside: 'string' };
        }
        i += 6;
      } else i += 2;
    }
  };
  const digits = (): JsonSpot | null => {
    if (i >= n) return { pos: n, inside: 'number' };
    if (!isDigit(text.charCodeAt(i))) return { pos: i, inside: 'number' };
    while (i < n && isDigit(text.charCodeAt(i))) i++;
    return null;
  };
  const scanNumber = (): JsonSpot | null => {
    if (text.charCodeAt(i) === 45) i++;
    if (i < n && text.charCodeAt(i) === 48) i++;
    else {
      const bad = digits();
      if (bad) return bad;
    }
    if (i < n && text.charCodeAt(i) === 46) {
      i++;
      const bad = digits();
      if (bad) return bad;
    }
    if (i < n && (text[i] === 'e' || text[i] === 'E')) {
      i++;
      if (i < n && (text[i] === '+' || text[i] === '-')) i++;
      return digits();
    }
    return null;
  };
  const scanLiteral = (word: string): JsonSpot | null => {
    for (let k = 0; k < word.length; k++, i++) {
      if (i >= n) return { pos: n, inside: 'literal' };
      if (text[i] !== word[k]) return { pos: i, inside: container() };
    }
    return null;
  };

  const open = (c: number) => {
    stack.push(c);
    i++;
    state = c === OBJ ? KEY_OR_CLOSE : VALUE_OR_CLOSE;
  };
  const close = () => {
    stack.pop();
    i++;
    state = AFTER_VALUE;
  };

  for (;;) {
    WS.lastIndex = i;
    WS.test(text);
    i = WS.lastIndex;
    if (i >= n) return state === AFTER_VALUE && stack.length === 0 ? null : { pos: n, inside: container() };
    const c = text.charCodeAt(i);
    let bad: JsonSpot | null = null;
    if (state === VALUE || state === VALUE_OR_CLOSE) {
      if (state === VALUE_OR_CLOSE && c === 93) close();
      else if (c === OBJ || c === ARR) open(c);
      else {
        if (c === 34) bad = scanString();
        else if (c === 45 || isDigit(c)) bad = scanNumber();
        else if (c === 116) bad = scanLiteral('true');
        else if (c === 102) bad = scanLiteral('false');
        else if (c === 110) bad = scanLiteral('null');
        else return { pos: i, inside: container() };
        state = AFTER_VALUE;
      }
    } else if (state === KEY || state === KEY_OR_CLOSE) {
      if (state === KEY_OR_CLOSE && c === 125) close();
      else if (c === 34) {
        bad = scanString();
        state = COLON;
      } else return { pos: i, inside: 'object' };
    } else if (state === COLON) {
      if (c !== 58) return { pos: i, inside: 'object' };
      i++;
      state = VALUE;
    } else {
      const top = stack[stack.length - 1];
      if (top === undefined) return { pos: i, inside: null }; // junk after a complete value
      if (c === 44) {
        i++;
        state = top === OBJ ? KEY : VALUE;
      } else if (c === (top === OBJ ? 125 : 93)) close();
      else return { pos: i, inside: container() };
    }
    if (bad) return bad;
  }
}
