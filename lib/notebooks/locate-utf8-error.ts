// Only runs after buffer.isUtf8 has already said "no", so a plain byte loop is fine here: the
// good path never pays for it.

export interface Utf8Problem {
  /** Offset of the first byte that cannot be part of valid UTF-8. */
  offset: number;
  /** 1-based line of that byte. */
  line: number;
  /** What is wrong, e.g. `byte 0xE9 starts a 3-byte sequence but 0x20 follows`. */
  detail: string;
}

const hex = (b: number) => '0x' + b.toString(16).toUpperCase().padStart(2, '0');

/** Finds the first invalid UTF-8 sequence (same rules as the WHATWG decoder), or null. */
export function locateUtf8Error(bytes: Uint8Array): Utf8Problem | null {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    // The second byte's allowed range excludes overlong forms, UTF-16 surrogates and > U+10FFFF.
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else {
      const detail =
        b >= 0x80 && b <= 0xbf
          ? `unexpected continuation byte ${hex(b)}`
          : `byte ${hex(b)} never appears in UTF-8`;
      return problem(bytes, i, detail);
    }
    for (let k = 1; k <= need; k++) {
      const c = i + k < n ? bytes[i + k] : -1;
      const ok = k === 1 ? c >= lo && c <= hi : c >= 0x80 && c <= 0xbf;
      if (!ok) {
        const follow = c === -1 ? 'the file ends' : `${hex(c)} follows`;
        return problem(bytes, i, `byte ${hex(b)} starts a ${need + 1}-byte sequence but ${follow}`);
      }
    }
    i += need + 1;
  }
  return null;
}

function problem(bytes: Uint8Array, offset: number, detail: string): Utf8Problem {
  return { offset, line: lineOfByte(bytes, offset), detail };
}

/** 1-based line number of a byte offset (counts LF bytes before it with native indexOf). */
export function lineOfByte(bytes: Uint8Array, offset: number): number {
  const head = bytes.subarray(0, offset);
  let line = 1;
  for (let j = head.indexOf(10); j !== -1; j = head.indexOf(10, j + 1)) line++;
  return line;
}
