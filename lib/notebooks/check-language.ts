// The importer only studies Python notebooks. Many notebooks (old ones, hand-written ones)
// declare no language at all; those are overwhelmingly Python, so they are let through.
import { isObject } from './json-values';
import type { ParsedNotebook } from './types';

// python, python3, "python 3", ipython, ipython3 ...
const PYTHON = /^i?python[\s\d.]*$/;

export type LanguageCheck = { ok: true } | { ok: false; reason: string };

export function checkLanguage(nb: ParsedNotebook): LanguageCheck {
  const kernel = nb.kernelName;
  if (nb.language !== null) {
    if (PYTHON.test(nb.language)) return { ok: true };
    const shown = declaredLanguage(nb.metadata) ?? nb.language;
    const ofKernel = kernel ? ` (kernel "${kernel}")` : '';
    return { ok: false, reason: `kernel language is "${shown}"${ofKernel}; only Python notebooks are imported` };
  }
  if (kernel === null || /python/i.test(kernel)) return { ok: true };
  return {
    ok: false,
    reason: `kernel "${kernel}" is not a Python kernel and no language is declared; only Python notebooks are imported`,
  };
}

/**
 * The language as the notebook spells it, by precedence: kernelspec.language,
 * language_info.name, then nbformat 3's top-level metadata.language.
 */
export function declaredLanguage(metadata: Record<string, unknown>): string | null {
  const ks = metadata.kernelspec;
  const li = metadata.language_info;
  for (const v of [isObject(ks) ? ks.language : undefined, isObject(li) ? li.name : undefined, metadata.language]) {
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
  }
  return null;
}
