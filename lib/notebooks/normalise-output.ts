// One nbformat-4 output -> NbOutput: joins split text, checks field types, and fills the
// defaults a sloppy writer may have left out (missing name/text/data are harmless; a field of
// the wrong type means the file is damaged and is reported).
import { NotebookError } from './errors';
import { isJsonMime, isObject, joinText, jsonType, showValue, whyNotText, type JsonObject } from './json-values';
import type { NbOutput } from './types';
import { outputLabel } from './cell-label';

const OUTPUT_TYPES = new Set(['stream', 'display_data', 'execute_result', 'error', 'update_display_data']);

/** `cell` and `index` are 0-based, and messages say them so (lib/notebooks/cell-label.ts). */
export function normaliseOutput(raw: unknown, cell: number, index: number): NbOutput {
  const where = outputLabel(cell, index);
  const fail = (msg: string) => new NotebookError('structure', `${where}: ${msg}`, where);

  if (!isObject(raw)) throw fail(`expected an object, got ${jsonType(raw)}`);
  const type = raw.output_type;
  if (type === undefined) throw fail('missing required field "output_type"');
  if (typeof type !== 'string' || !OUTPUT_TYPES.has(type)) {
    throw fail(`unknown output_type ${showValue(type)} (expected ${[...OUTPUT_TYPES].join(', ')})`);
  }

  const text = (field: string, fallback: string): string => {
    const v = raw[field];
    if (v === undefined) return fallback;
    const s = joinText(v);
    if (s === undefined) throw fail(`"${field}" must be a string or an array of strings, ${whyNotText(v)}`);
    return s;
  };
  const str = (field: string, fallback: string): string => {
    const v = raw[field];
    if (v === undefined) return fallback;
    if (typeof v !== 'string') throw fail(`"${field}" must be a string, got ${jsonType(v)}`);
    return v;
  };
  const object = (field: string): JsonObject => {
    const v = raw[field];
    if (v === undefined) return {};
    if (!isObject(v)) throw fail(`"${field}" must be an object, got ${jsonType(v)}`);
    return v;
  };

  switch (type) {
    case 'stream':
      return { output_type: 'stream', name: str('name', 'stdout'), text: text('text', '') };
    case 'error': {
      const tb = raw.traceback ?? [];
      if (!Array.isArray(tb) || !tb.every((l) => typeof l === 'string')) {
        throw fail(`"traceback" must be an array of strings, ${whyNotText(tb)}`);
      }
      return { output_type: 'error', ename: str('ename', ''), evalue: str('evalue', ''), traceback: tb };
    }
    default: {
      const out: NbOutput = {
        output_type: type as NbOutput['output_type'],
        data: joinBundle(object('data')),
        metadata: object('metadata'),
      };
      if (type === 'execute_result') out.execution_count = executionCount(raw.execution_count, fail);
      return out;
    }
  }
}

/** Joins line-split MIME values; JSON MIME values stay as they are (they are data, not text). */
function joinBundle(data: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const mime of Object.keys(data)) {
    const v = data[mime];
    out[mime] = Array.isArray(v) && !isJsonMime(mime) ? (joinText(v) ?? v) : v;
  }
  return out;
}

/** null/absent -> null; otherwise it must be a non-negative integer. */
export function executionCount(v: unknown, fail: (msg: string) => Error): number | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return v;
  throw fail(`"execution_count" must be a non-negative integer or null, got ${showValue(v)}`);
}
