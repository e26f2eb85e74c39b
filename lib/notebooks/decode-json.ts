// UTF-8 bytes -> JSON value, turning JSON.parse's terse SyntaxError into a located
// NotebookError that tells a truncated download apart from a hand-edited typo.
import { Buffer } from 'node:buffer';
import { NotebookError } from './errors';
import { checkJsonDepth } from './json-depth';
import { locateJsonError } from './locate-json-error';

/** Parses already-validated UTF-8 `bytes`, skipping the first `skip` bytes (a BOM). */
export function decodeJson(bytes: Uint8Array, skip: number): unknown {
  checkJsonDepth(bytes, skip);
  // Buffer#toString is V8's fast UTF-8 path; the view shares memory, nothing is copied.
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8', skip);
  try {
    return JSON.parse(text);
  } catch (e) {
    if (!(e instanceof SyntaxError)) throw e;
    throw jsonError(text, skip, e.message);
  }
}

const V8_POSITION = /\s+(?:in JSON )?at position (\d+)(?: \(line \d+ column \d+\))?\s*$/;

function jsonError(text: string, skip: number, v8Message: string): NotebookError {
  const spot = locateJsonError(text);
  const v8Pos = V8_POSITION.exec(v8Message);
  // V8's own position is authoritative when it gives one; otherwise (Node 20's
  // "Unexpected token ']', "..." is not valid JSON") the scanner finds it.
  const pos = v8Pos ? Number(v8Pos[1]) : (spot?.pos ?? text.length);

  let end = text.length;
  while (end > 0 && isJsonSpace(text.charCodeAt(end - 1))) end--;
  // Truncated: the input ran out mid-value, or what follows the cut is only NUL padding (a
  // partly written file on some filesystems) while something is still open.
  const truncated =
    /end of JSON input/.test(v8Message) ||
    pos >= end ||
    (spot !== null && spot.inside !== null && /^[\0 \t\n\r]+$/.test(text.slice(pos, end)));
  if (truncated) {
    const at = Math.min(pos, end);
    const byte = skip + Buffer.byteLength(text.slice(0, at), 'utf8');
    const what = spot?.inside ? `an unfinished ${spot.inside === 'literal' ? 'true/false/null' : spot.inside}` : 'an unfinished value';
    return new NotebookError('truncated', `file is truncated: JSON ends at byte ${byte} inside ${what}`, `byte ${byte}`);
  }

  const { line, column } = lineAndColumn(text, pos);
  const byte = skip + Buffer.byteLength(text.slice(0, pos), 'utf8');
  const desc = describe(v8Message, text, pos);
  return new NotebookError(
    'json',
    `JSON syntax error: ${desc} at line ${line}, column ${column} (byte ${byte})`,
    `line ${line}, column ${column}`,
  );
}

/** V8's wording without its position suffix; "Unexpected token" is rebuilt from the text. */
function describe(v8Message: string, text: string, pos: number): string {
  const stripped = v8Message.replace(V8_POSITION, '');
  if (!/^Unexpected token/.test(stripped)) return stripped;
  const cp = text.codePointAt(pos) ?? 0;
  const printable = cp > 0x20 && cp !== 0x7f && !(cp >= 0x80 && cp < 0xa0);
  return printable
    ? `Unexpected token '${String.fromCodePoint(cp)}'`
    : `Unexpected character U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

function isJsonSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** 1-based line and column (in UTF-16 units) of a string index. */
export function lineAndColumn(text: string, pos: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let j = text.indexOf('\n'); j !== -1 && j < pos; j = text.indexOf('\n', j + 1)) {
    line++;
    lineStart = j + 1;
  }
  return { line, column: pos - lineStart + 1 };
}
