import { parseCsvObjects } from '../csv/parse-csv';
import { AgreementInputError } from './types';
import type { Coding } from './codings-report';

// Column names accepted for each field (vizmine's codings export first; common alternatives after).
const ITEM = ['item', 'item_id', 'visualisation', 'visualisation_id', 'unit'];
const CODER = ['coder', 'user', 'rater', 'annotator'];
const CODE = ['code_path', 'code', 'label', 'category'];
const KIND = ['kind', 'type'];

/**
 * Codings from a CSV in the codings export's format (one row per coding). Consensus rows are not
 * a coder's and are left out; a row with an empty code means "coded, no code applies".
 */
export function readCodingsCsv(text: string): Coding[] {
  const rows = parseCsvObjects(text);
  if (rows.length === 0) throw new AgreementInputError('the file has no codings: expected a header line and one row per coding');
  const pick = (names: string[], required: boolean) => {
    const found = names.find((n) => n in rows[0]);
    if (!found && required) throw new AgreementInputError(`no ${names[0]} column (looked for: ${names.join(', ')})`);
    return found;
  };
  const item = pick(ITEM, true)!;
  const coder = pick(CODER, true)!;
  const code = pick(CODE, true)!;
  const kind = pick(KIND, false);
  return rows
    .filter((r) => !kind || r[kind].toLowerCase() !== 'consensus')
    .map((r, i) => {
      if (!r[item] || !r[coder]) throw new AgreementInputError(`row ${i + 2}: ${!r[item] ? item : coder} is empty`);
      return { item: r[item], coder: r[coder], code: r[code] || null };
    });
}
