// Validates base64 image payloads without decoding them. One anchored regex per value does the
// work on the good path; the slower explanation is only computed for a value that failed.

// `\w` (= [A-Za-z0-9_]) instead of spelling out the ranges: V8 has a fast path for it that
// runs ~5x faster (1 GB/s vs 200 MB/s on the corpus), and images are most of a notebook's
// bytes. The '_' it lets in is excluded by a native indexOf.
// Whole value on one line, optionally followed by the trailing newline Jupyter writes.
const ONE_LINE = /^[\w+/]*={0,2}[\t\n\f\r ]*$/;
// Line-wrapped (76-column MIME style, as nbformat 3 and some v4 writers store it).
const WRAPPED = /^[\w+/\t\n\f\r ]*(?:=[\t\n\f\r ]*){0,2}$/;
const WHITESPACE = /[\t\n\f\r ]+/g;
const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c;

/** null when `value` is valid base64 (whitespace allowed), else why, e.g. `character '*' at offset 55`. */
export function findBase64Error(value: string): string | null {
  let dataLength: number;
  if (value.indexOf('_') !== -1) {
    return explain(value);
  } else if (ONE_LINE.test(value)) {
    let end = value.length;
    while (end > 0 && isSpace(value.charCodeAt(end - 1))) end--;
    dataLength = end;
  } else if (WRAPPED.test(value)) {
    dataLength = value.replace(WHITESPACE, '').length;
  } else {
    return explain(value);
  }
  return dataLength % 4 === 0 ? null : `length ${dataLength} is not a multiple of 4 after removing whitespace`;
}

function explain(value: string): string {
  const bad = /[^A-Za-z0-9+/=\t\n\f\r ]/.exec(value);
  if (bad) return `character ${showChar(bad[0])} at offset ${bad.index}`;
  // Only '=' can be out of place now: data after the padding, or more than two '='.
  const early = /=[=\t\n\f\r ]*[A-Za-z0-9+/]/.exec(value);
  if (early) return `padding '=' at offset ${early.index} is followed by more data`;
  return `too much '=' padding at offset ${value.indexOf('=')}`;
}

function showChar(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  const hex = 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
  return cp > 0x20 && cp < 0x7f ? `'${ch}'` : hex;
}
