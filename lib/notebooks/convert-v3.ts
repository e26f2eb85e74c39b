// nbformat 3 -> 4, following nbformat's own upgrade (nbformat/v4/convert.py) so a converted
// notebook looks like what `jupyter nbconvert --to notebook` would have written:
//   worksheets flattened; code: input -> source, prompt_number -> execution_count, language
//   dropped, collapsed -> metadata.collapsed; heading -> markdown "## text"; html -> markdown;
//   pyout -> execute_result, pyerr -> error, stream.stream -> name; v3 MIME aliases -> data.
// The v4-shaped result then goes through the same validation as a native v4 file.
import { NotebookError } from './errors';
import { isObject, jsonType, showValue, stringOrNull, type JsonObject } from './json-values';
import { normaliseCells } from './normalise-cells';
import { cellLabel } from './cell-label';
import type { NbCell } from './types';

const MIME_MAP: Record<string, string> = {
  text: 'text/plain',
  html: 'text/html',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpeg: 'image/jpeg',
  latex: 'text/latex',
  json: 'application/json',
  javascript: 'application/javascript',
  markdown: 'text/markdown',
};

export interface ConvertedV3 {
  metadata: Record<string, unknown>;
  cells: NbCell[];
  /** metadata.language, else the first code cell's `language` (v3 rarely has a kernelspec). */
  language: string | null;
}

/** Metadata key set on markdown cells that were nbformat 3 heading cells (its value: the level). */
export const V3_HEADING_KEY = 'vizmine_v3_heading';

export function convertV3(nb: any): ConvertedV3 {
  const meta = nb.metadata ?? {};
  if (!isObject(meta)) throw new NotebookError('structure', `"metadata" must be an object, got ${jsonType(meta)}`, null);
  const metadata: JsonObject = { ...meta };
  delete metadata.name;
  delete metadata.signature;
  metadata.orig_nbformat = nb.orig_nbformat || 3;
  metadata.orig_nbformat_minor = nb.orig_nbformat_minor || 0;

  const worksheets = nb.worksheets ?? [];
  if (!Array.isArray(worksheets)) {
    throw new NotebookError('structure', `"worksheets" must be an array, got ${jsonType(worksheets)}`, null);
  }
  const raw: unknown[] = [];
  worksheets.forEach((ws: unknown, w: number) => {
    const cells = isObject(ws) ? ws.cells : undefined;
    if (!Array.isArray(cells)) {
      const got = isObject(ws) ? `"cells" is ${jsonType(cells)}` : `got ${jsonType(ws)}`;
      throw new NotebookError('structure', `worksheet ${w + 1}: expected an object with a "cells" array, ${got}`, `worksheet ${w + 1}`);
    }
    for (const cell of cells) raw.push(cell); // not push(...cells): huge arrays overflow the stack
  });

  let cellLanguage: string | null = null;
  const v4 = raw.map((cell, i) => {
    if (!isObject(cell)) return cell; // normaliseCells reports it with its position
    if (cell.cell_type === 'code' && cellLanguage === null) cellLanguage = stringOrNull(cell.language);
    return upgradeCell(cell, i);
  });
  return {
    metadata,
    cells: normaliseCells(v4),
    language: stringOrNull(metadata.language) ?? cellLanguage,
  };
}

function upgradeCell(cell: JsonObject, i: number): JsonObject {
  const metadata = cell.metadata ?? {};
  switch (cell.cell_type) {
    case 'code': {
      const meta = 'collapsed' in cell && isObject(metadata) ? { ...metadata, collapsed: cell.collapsed } : metadata;
      const outputs = Array.isArray(cell.outputs) ? cell.outputs.map(upgradeOutput) : cell.outputs;
      return {
        cell_type: 'code',
        metadata: meta,
        source: joinLines(cell.input ?? ''),
        execution_count: cell.prompt_number ?? null,
        outputs,
      };
    }
    case 'heading': {
      const level = cell.level ?? 1;
      if (typeof level !== 'number' || !Number.isInteger(level) || level < 1 || level > 6) {
        const where = cellLabel(i);
        throw new NotebookError('structure', `${where}: heading "level" must be an integer 1-6, got ${showValue(level)}`, where);
      }
      const source = joinLines(cell.source ?? '');
      if (typeof source !== 'string') return { ...cell, cell_type: 'markdown', source }; // the validator names the bad field
      // Python's str.splitlines() drops one trailing line break before splitting.
      const oneLine = source.replace(/(\r\n|\r|\n)$/, '').split(/\r\n|\r|\n/).join(' ');
      // Marked so counts can keep v3 headings apart from authored markdown (the corpus manifest does).
      const marked = { ...(isObject(metadata) ? metadata : {}), [V3_HEADING_KEY]: level };
      return { cell_type: 'markdown', metadata: marked, source: `${'#'.repeat(level)} ${oneLine}` };
    }
    case 'html':
    case 'markdown':
    case 'raw':
      return { ...cell, cell_type: cell.cell_type === 'raw' ? 'raw' : 'markdown', source: joinLines(cell.source) };
    default:
      return cell;
  }
}

function upgradeOutput(out: unknown): unknown {
  if (!isObject(out)) return out;
  switch (out.output_type) {
    case 'pyout':
    case 'display_data': {
      const data: JsonObject = {};
      for (const key of Object.keys(out)) {
        if (key === 'output_type' || key === 'prompt_number' || key === 'metadata') continue;
        const mime = MIME_MAP[key] ?? (key.includes('/') ? key : null);
        if (mime !== null) data[mime] = mime === 'application/json' ? parseJsonString(out[key]) : joinLines(out[key]);
      }
      const metadata = isObject(out.metadata) ? renameKeys(out.metadata) : (out.metadata ?? {});
      return out.output_type === 'pyout'
        ? { output_type: 'execute_result', execution_count: out.prompt_number ?? null, data, metadata }
        : { output_type: 'display_data', data, metadata };
    }
    case 'pyerr':
      return { ...out, output_type: 'error' };
    case 'stream': {
      const { stream, ...rest } = out;
      return { ...rest, name: stream ?? 'stdout', text: joinLines(out.text ?? '') };
    }
    default:
      return out;
  }
}

/** v3 output metadata is keyed by the short aliases too (e.g. {"png": {"width": 300}}). */
function renameKeys(meta: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const key of Object.keys(meta)) out[MIME_MAP[key] ?? key] = meta[key];
  return out;
}

/**
 * nbformat 3's `_join_lines`: arrays written by splitlines(True) keep their newlines and are
 * concatenated; arrays from an old splitlines() lost them and are joined with "\n".
 */
function joinLines(v: unknown): unknown {
  if (!Array.isArray(v) || !v.every((s) => typeof s === 'string')) return v;
  return v.length > 0 && /[\r\n]$/.test(v[0]) ? v.join('') : v.join('\n');
}

/** v3 stores application/json as a JSON string; v4 as the value. Unparseable text is kept. */
function parseJsonString(v: unknown): unknown {
  const s = joinLines(v);
  if (typeof s !== 'string') return s;
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
}
