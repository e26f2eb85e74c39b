import { AppError } from '../../errors';
import { parseQdc } from '../../refi/parse-qdc';
import type { ImportEntry } from './import-codebook';
import { parseCodebookCsv } from './parse-codebook-csv';

export const MAX_CODEBOOK_FILE = 5 * 1024 * 1024;

/** A codebook file's entries: REFI-QDA XML (.qdc, or a project.qde's CodeBook) or our CSV, told apart by content. */
export function readCodebookFile(text: string, format?: 'csv' | 'qdc'): ImportEntry[] {
  if (text.length > MAX_CODEBOOK_FILE) throw new AppError('bad_request', 'The file is larger than 5 MB; a codebook is usually a few kilobytes. Is it the right file?');
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) throw new AppError('bad_request', 'The file is empty; choose a .qdc or .csv codebook.');
  const kind = format ?? (body.trimStart().startsWith('<') ? 'qdc' : 'csv');
  return kind === 'qdc' ? parseQdc(body) : parseCodebookCsv(body);
}
