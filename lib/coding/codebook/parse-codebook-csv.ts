import { parseCsvObjects } from '../../csv/parse-csv';
import { AppError } from '../../errors';
import { CSV_COLUMNS, PATH_SEPARATOR } from './export-codebook-csv';
import type { ImportEntry } from './import-codebook';

/**
 * Reads a codebook CSV (the columns of exportCodebookCsv; only `path` or `name` is required). The
 * path holds the code's own name last; without a path, `name` makes a top-level code.
 */
export function parseCodebookCsv(text: string): ImportEntry[] {
  const rows = parseCsvObjects(text);
  if (rows.length && !('path' in rows[0]) && !('name' in rows[0])) {
    throw new AppError('bad_request', `The CSV needs a "path" or "name" column (header row: ${CSV_COLUMNS.join(',')}).`);
  }
  return rows.map((r, i) => {
    const source = `Row ${i + 2}`;
    const path = (r.path ?? '').split(PATH_SEPARATOR).map((p) => p.trim()).filter(Boolean);
    if (path.length === 0 && r.name?.trim()) path.push(r.name.trim());
    const kind = (r.kind || 'code').trim().toLowerCase();
    if (kind !== 'code' && kind !== 'category') throw new AppError('bad_request', `${source}: kind is "code" or "category", not "${r.kind}".`);
    const status = (r.status || 'active').trim().toLowerCase();
    if (status !== 'active' && status !== 'deprecated') throw new AppError('bad_request', `${source}: status is "active" or "deprecated", not "${r.status}".`);
    return {
      path,
      kind,
      shortDefinition: r.short_definition ?? '',
      definition: r.definition ?? '',
      whenToUse: r.when_to_use ?? '',
      whenNotToUse: r.when_not_to_use ?? '',
      colour: r.colour?.trim() || undefined,
      shortcut: 'shortcut' in r ? r.shortcut.trim() || null : undefined,
      status,
      source,
    };
  });
}
