import { csvField } from '../../csv/csv-field';
import type { CodeSnapshot } from './snapshot';
import { buildTree, flattenTree, pathsOf } from './tree';

export const CSV_COLUMNS = ['path', 'kind', 'name', 'short_definition', 'definition', 'when_to_use', 'when_not_to_use', 'colour', 'shortcut', 'status'] as const;
/** Separates the names in the path column; a name holding it cannot be told apart on import. */
export const PATH_SEPARATOR = ' / ';

/** The codebook as CSV, parents before children; merged codes are left out (they live on in their survivor). */
export function exportCodebookCsv(codes: CodeSnapshot[]): string {
  const live = codes.filter((c) => c.status !== 'merged');
  const paths = pathsOf(live);
  const lines = [CSV_COLUMNS.join(',')];
  for (const c of flattenTree(buildTree(live))) {
    const row = [paths.get(c.id)!.join(PATH_SEPARATOR), c.kind, c.name, c.shortDefinition, c.definition, c.whenToUse, c.whenNotToUse, c.colour, c.shortcut ?? '', c.status];
    lines.push(row.map(csvField).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}
