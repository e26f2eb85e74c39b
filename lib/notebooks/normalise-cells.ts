// nbformat-4 `cells` -> NbCell[]. Validates what the importer relies on and joins every
// multi-line string, so later stages see one shape. Missing optional-in-practice fields
// (metadata, outputs, execution_count) get defaults: many writers omit them and nothing is lost.
import { NotebookError } from './errors';
import { isObject, joinText, jsonType, showValue, whyNotText } from './json-values';
import { executionCount, normaliseOutput } from './normalise-output';
import { cellLabel } from './cell-label';
import type { CellType, NbCell } from './types';

const CELL_TYPES = new Set<string>(['code', 'markdown', 'raw']);

export function normaliseCells(raw: unknown): NbCell[] {
  if (raw === undefined) throw new NotebookError('structure', 'missing required field "cells"', null);
  if (!Array.isArray(raw)) {
    throw new NotebookError('structure', `"cells" must be an array, got ${jsonType(raw)}`, null);
  }
  const cells: NbCell[] = new Array(raw.length);
  for (let i = 0; i < raw.length; i++) cells[i] = normaliseCell(raw[i], i);
  return cells;
}

function normaliseCell(raw: unknown, i: number): NbCell {
  const where = cellLabel(i);
  const fail = (msg: string) => new NotebookError('structure', `${where}: ${msg}`, where);

  if (!isObject(raw)) throw fail(`expected an object, got ${jsonType(raw)}`);
  const type = raw.cell_type;
  if (type === undefined) throw fail('missing required field "cell_type"');
  if (typeof type !== 'string' || !CELL_TYPES.has(type)) {
    throw fail(`unknown cell_type ${showValue(type)} (expected "code", "markdown" or "raw")`);
  }
  if (raw.source === undefined) throw fail('missing required field "source"');
  const source = joinText(raw.source);
  if (source === undefined) {
    throw fail(`"source" must be a string or an array of strings, ${whyNotText(raw.source)}`);
  }
  const metadata = raw.metadata ?? {};
  if (!isObject(metadata)) throw fail(`"metadata" must be an object, got ${jsonType(metadata)}`);

  const cell: NbCell = { cell_type: type as CellType, source, execution_count: null, outputs: [], metadata };
  if (type === 'code') {
    cell.execution_count = executionCount(raw.execution_count, fail);
    const outputs = raw.outputs ?? [];
    if (!Array.isArray(outputs)) throw fail(`"outputs" must be an array, got ${jsonType(outputs)}`);
    cell.outputs = outputs.map((o, k) => normaliseOutput(o, i, k));
  } else if (raw.attachments !== undefined) {
    cell.attachments = normaliseAttachments(raw.attachments, fail);
  }
  return cell;
}

/** attachments: { "image.png": { "image/png": "<base64>" } }, values possibly line-split. */
function normaliseAttachments(raw: unknown, fail: (msg: string) => Error): Record<string, Record<string, string>> {
  if (!isObject(raw)) throw fail(`"attachments" must be an object, got ${jsonType(raw)}`);
  const out: Record<string, Record<string, string>> = {};
  for (const name of Object.keys(raw)) {
    const bundle = raw[name];
    if (!isObject(bundle)) throw fail(`attachment ${showValue(name)} must be an object, got ${jsonType(bundle)}`);
    const joined: Record<string, string> = {};
    for (const mime of Object.keys(bundle)) {
      const s = joinText(bundle[mime]);
      if (s === undefined) {
        throw fail(`attachment ${showValue(name)} ${mime} must be a string, ${whyNotText(bundle[mime])}`);
      }
      joined[mime] = s;
    }
    out[name] = joined;
  }
  return out;
}
