import { codingsToCsv, type CodingRow } from '../export-codings';

/** The codings export as a download: CSV (for `vizmine agreement` and spreadsheets) or JSON. */
export function codingsDownload(rows: CodingRow[], format: 'csv' | 'json', name: string): Response {
  const body = format === 'csv' ? codingsToCsv(rows) : JSON.stringify({ codings: rows }, null, 2);
  return new Response(body, {
    headers: {
      'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}.${format}"`,
      'Cache-Control': 'no-store',
    },
  });
}
