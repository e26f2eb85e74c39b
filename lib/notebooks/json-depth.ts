// JSON.parse accepts any nesting, but the walkers that read a notebook afterwards recurse: a file
// nested 100,000 levels died with "Maximum call stack size exceeded". Real notebooks nest under 20
// levels (plotly figures included), so anything past MAX_JSON_DEPTH is refused before parsing.
import { NotebookError } from './errors';

export const MAX_JSON_DEPTH = 500;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Throws NotebookError('too-deep'), located, when arrays and objects nest past MAX_JSON_DEPTH. */
export function checkJsonDepth(bytes: Uint8Array, skip: number): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let depth = 0;
  for (let i = skip; i < buf.length; i++) {
    const b = buf[i];
    if (b === QUOTE) {
      i = endOfString(buf, i); // strings (base64 images) are most of a notebook: skipped natively
      if (i < 0) return; // unterminated: JSON.parse reports it, located
    } else if (b === 0x5b || b === 0x7b) {
      if (++depth > MAX_JSON_DEPTH) throw tooDeep(buf, skip, i);
    } else if (b === 0x5d || b === 0x7d) depth--;
  }
}

function endOfString(buf: Buffer, open: number): number {
  for (let q = buf.indexOf(QUOTE, open + 1); q >= 0; q = buf.indexOf(QUOTE, q + 1)) {
    let slashes = 0;
    while (buf[q - 1 - slashes] === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return q;
  }
  return -1;
}

function tooDeep(buf: Buffer, skip: number, at: number): NotebookError {
  const text = buf.toString('utf8', skip, at);
  const lineStart = text.lastIndexOf('\n') + 1;
  const line = text.length - text.replaceAll('\n', '').length + 1;
  const column = text.length - lineStart + 1;
  return new NotebookError(
    'too-deep',
    `JSON nested more than ${MAX_JSON_DEPTH} levels deep at line ${line}, column ${column} (byte ${at}); notebooks nest far less, so the file was not parsed`,
    `line ${line}, column ${column}`,
  );
}
