// Untrusted bytes -> ParsedNotebook, or a NotebookError saying what is wrong and where.
// Checks run cheapest and most fundamental first, so each file fails for its *real* reason:
// size, empty, binary, encoding, JSON syntax/truncation, nbformat version, structure, base64.
// Every step on the good path is native (isUtf8, Buffer decode, JSON.parse, regex tests);
// the per-character locators only run once something has already failed.
import { checkBytes, DEFAULT_MAX_NOTEBOOK_BYTES } from './check-bytes';
import { checkImages } from './check-images';
import { declaredLanguage } from './check-language';
import { convertV3 } from './convert-v3';
import { decodeJson } from './decode-json';
import { NotebookError } from './errors';
import { article, isObject, jsonType, showValue } from './json-values';
import { normaliseCells } from './normalise-cells';
import type { ParsedNotebook } from './types';

export interface ParseOptions {
  /** Larger files are rejected with code 'too-large' before any decoding. */
  maxBytes?: number;
}

export function parseNotebook(bytes: Uint8Array, options: ParseOptions = {}): ParsedNotebook {
  const bom = checkBytes(bytes, options.maxBytes ?? DEFAULT_MAX_NOTEBOOK_BYTES);
  const nb = decodeJson(bytes, bom);
  if (!isObject(nb)) {
    throw new NotebookError('structure', `top-level JSON value is ${article(jsonType(nb))}, not an object`, null);
  }

  const version = nb.nbformat;
  if (version !== 3 && version !== 4) throw versionError(version);

  let parsed: ParsedNotebook;
  let cellLanguage: string | null = null;
  if (version === 4) {
    const metadata = nb.metadata ?? {};
    if (!isObject(metadata)) {
      throw new NotebookError('structure', `"metadata" must be an object, got ${jsonType(metadata)}`, null);
    }
    const minor = nb.nbformat_minor ?? 0;
    if (typeof minor !== 'number' || !Number.isInteger(minor) || minor < 0) {
      throw new NotebookError('nbformat', `"nbformat_minor" must be a non-negative integer, got ${showValue(minor)}`, null);
    }
    const cells = normaliseCells(nb.cells);
    parsed = { nbformat: 4, nbformatMinor: minor, originalNbformat: 4, metadata, cells, language: null, kernelName: null };
  } else {
    const v3 = convertV3(nb);
    cellLanguage = v3.language;
    // Converted cells carry no cell ids, which is what nbformat 4.4 looks like.
    parsed = { nbformat: 4, nbformatMinor: 4, originalNbformat: 3, metadata: v3.metadata, cells: v3.cells, language: null, kernelName: null };
  }

  checkImages(parsed.cells);

  const language = declaredLanguage(parsed.metadata) ?? cellLanguage;
  parsed.language = language === null ? null : language.toLowerCase();
  const ks = parsed.metadata.kernelspec;
  parsed.kernelName = isObject(ks) && typeof ks.name === 'string' && ks.name.trim() !== '' ? ks.name.trim() : null;
  return parsed;
}

function versionError(version: unknown): NotebookError {
  if (version === undefined) {
    return new NotebookError('nbformat', 'missing "nbformat" field: not a Jupyter notebook (supported: 3, 4)', null);
  }
  const shown = typeof version === 'number' ? String(version) : `${showValue(version)} (${jsonType(version)})`;
  return new NotebookError('nbformat', `unsupported nbformat ${shown} (supported: 3, 4)`, null);
}
