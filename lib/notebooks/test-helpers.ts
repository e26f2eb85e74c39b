// Shared builders for the parser tests: small notebooks made inline, and a way to catch the
// NotebookError a bad input must raise.
import { expect } from 'vitest';
import { parseNotebook, type ParseOptions } from './parse-notebook';
import { NotebookError, type NotebookErrorCode } from './errors';

export const enc = (s: string) => new TextEncoder().encode(s);
export const nbBytes = (nb: unknown) => enc(JSON.stringify(nb, null, 1));
/** A real 1x1 PNG. */
export const PNG_B64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

export function v4(cells: unknown[], metadata: object = {}) {
  return { nbformat: 4, nbformat_minor: 5, metadata, cells };
}
export const code = (extra: object = {}) => ({ cell_type: 'code', source: 'x = 1', metadata: {}, outputs: [], execution_count: 1, ...extra });
export const imageOutput = (png: unknown) => ({ output_type: 'display_data', data: { 'image/png': png, 'text/plain': ['<Figure>'] }, metadata: {} });

/** Runs parseNotebook expecting a NotebookError and returns it. */
export function failure(bytes: Uint8Array, options?: ParseOptions): NotebookError {
  try {
    parseNotebook(bytes, options);
  } catch (e) {
    if (e instanceof NotebookError) return e;
    throw e;
  }
  throw new Error('expected parseNotebook to throw');
}

export function expectError(bytes: Uint8Array, code: NotebookErrorCode, message: string | RegExp, where?: string | null) {
  const e = failure(bytes);
  expect(e.code).toBe(code);
  if (typeof message === 'string') expect(e.message).toBe(message);
  else expect(e.message).toMatch(message);
  if (where !== undefined) expect(e.where).toBe(where);
  return e;
}
