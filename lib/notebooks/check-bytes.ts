// The byte-level gate in front of JSON.parse: reject what is plainly not a UTF-8 text file with
// a message about the real problem, instead of letting JSON.parse complain about "token �".
import { isUtf8 } from 'node:buffer';
import { NotebookError } from './errors';
import { locateUtf8Error } from './locate-utf8-error';

/** V8 cannot hold a string much over 512 MiB, and no real notebook is close to this. */
export const DEFAULT_MAX_NOTEBOOK_BYTES = 256 * 1024 * 1024;

// Formats people upload by mistake (an exported image, a zipped download, a PDF print-out).
const MAGIC: [string, number[]][] = [
  ['PNG image', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['ZIP archive', [0x50, 0x4b, 0x03, 0x04]],
  ['ZIP archive', [0x50, 0x4b, 0x05, 0x06]],
  ['gzip archive', [0x1f, 0x8b]],
  ['bzip2 archive', [0x42, 0x5a, 0x68]],
  ['xz archive', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
  ['7z archive', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
  ['PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['SQLite database', [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66]],
  ['ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
];

const startsWith = (bytes: Uint8Array, sig: number[]) =>
  bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);

const MiB = (n: number) => (n / (1024 * 1024)).toFixed(1).replace(/\.0$/, '');

/**
 * Throws the first of: too-large, empty, binary, encoding. Returns the length of a UTF-8 byte
 * order mark (0 or 3) so the caller can skip it when decoding.
 */
export function checkBytes(bytes: Uint8Array, maxBytes = DEFAULT_MAX_NOTEBOOK_BYTES): number {
  if (bytes.length > maxBytes) {
    throw new NotebookError(
      'too-large',
      `file is too large: ${MiB(bytes.length)} MiB (${bytes.length} bytes) exceeds the ${MiB(maxBytes)} MiB limit`,
      null,
    );
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  // Only leading whitespace is scanned: a real notebook stops this loop at its first byte.
  let i = bom;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  if (i === bytes.length) {
    throw new NotebookError('empty', bytes.length === 0 ? 'file is empty' : 'file is empty (only whitespace)', null);
  }

  // UTF-16 files are full of NUL bytes; say what they really are before the NUL test does.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const kind = bytes[0] === 0xff ? 'UTF-16LE' : 'UTF-16BE';
    throw new NotebookError('encoding', `file is ${kind} (byte order mark at byte 0); notebooks must be UTF-8`, 'byte 0');
  }
  for (const [name, sig] of MAGIC) {
    if (startsWith(bytes, sig)) throw new NotebookError('binary', `looks binary (${name} signature), not a notebook`, 'byte 0');
  }
  const nul = bytes.subarray(0, 8192).indexOf(0);
  if (nul !== -1) throw new NotebookError('binary', `looks binary (NUL byte at ${nul}), not a notebook`, `byte ${nul}`);

  if (!isUtf8(bytes)) {
    const p = locateUtf8Error(bytes);
    // isUtf8 and the locator implement the same rules; the fallback only guards against a
    // disagreement turning into a crash.
    const at = p ?? { offset: 0, line: 1, detail: 'not valid UTF-8' };
    throw new NotebookError(
      'encoding',
      `invalid UTF-8 at byte ${at.offset} (line ${at.line}): ${at.detail}`,
      `byte ${at.offset}`,
    );
  }
  return bom;
}
