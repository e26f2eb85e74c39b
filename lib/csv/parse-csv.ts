import { CsvError, parse } from 'csv-parse/sync';
import { AppError } from '../errors';
import { restoreField } from './csv-field';

/**
 * RFC 4180 records with csv-parse (quoted commas, doubled quotes, line breaks in fields, CRLF or LF;
 * blank lines skipped). Strict on purpose: a stray quote, an unclosed quote or a row with a different
 * number of fields refuses the whole file with the line it is on, so nothing is ever half read (a lost
 * coding row would change κ and α without a warning).
 */
export function parseCsv(text: string): string[][] {
  try {
    return parse(text, { bom: true, skip_empty_lines: true }) as string[][];
  } catch (e) {
    if (e instanceof CsvError) throw new AppError('bad_request', `CSV line ${errorLine(text, e)}: ${reason(e)}; nothing was read from the file`);
    throw e;
  }
}

/** Records as objects keyed by the header's names (lower-cased, trimmed); csvField's formula guard undone. */
export function parseCsvObjects(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  const names = header.map((h) => h.trim().toLowerCase());
  return rows.map((r) => Object.fromEntries(names.map((n, i) => [n, restoreField(r[i] ?? '')])));
}

// csv-parse reports an unclosed quote at the end of the file; the useful line is where it opened.
// Quotes toggle while parsing succeeds, so the opening one is the last quote at an even position.
function errorLine(text: string, e: CsvError): number {
  if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
    let opened = -1;
    for (let i = text.indexOf('"'), n = 0; i >= 0; i = text.indexOf('"', i + 1), n++) if (n % 2 === 0) opened = i;
    if (opened >= 0) return text.slice(0, opened).split('\n').length;
  }
  return (e as CsvError & { lines: number }).lines;
}

// csv-parse's messages name the line at their end ("at line 3"); it goes first instead.
function reason(e: CsvError): string {
  if (e.code === 'CSV_QUOTE_NOT_CLOSED') return 'a quoted field is never closed';
  const m = e.message.replace(/,? (at|on) line \d+/, '').replace(/ instead of delimiter.*$/, ' after a closing quote');
  return m.charAt(0).toLowerCase() + m.slice(1);
}
