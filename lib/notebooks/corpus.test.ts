// Every real notebook in the shared corpus must parse, and agree with the counts its manifest
// records (computed independently, in Python, from the original files). The corpus is
// read-only and lives outside the repo; it is read in place, never copied.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseNotebook } from './parse-notebook';
import { checkLanguage } from './check-language';

const CORPUS = path.resolve(__dirname, '../../../shared/corpus/notebooks');

/** Minimal RFC 4180 reader: the licence column holds quoted commas. */
function readCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && (ch === ',' || ch === '\n')) {
      row.push(field.replace(/\r$/, ''));
      field = '';
      if (ch === '\n') {
        rows.push(row);
        row = [];
      }
    } else {
      field += ch;
    }
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, k) => [h, r[k]])));
}

/** nbformat 3 heading cells become markdown, but the manifest counts them apart. */
function v3HeadingCells(bytes: Buffer): number {
  const nb = JSON.parse(bytes.toString('utf8'));
  if (nb.nbformat !== 3) return 0;
  return nb.worksheets.flatMap((w: { cells: { cell_type: string }[] }) => w.cells).filter((c: { cell_type: string }) => c.cell_type === 'heading').length;
}

describe('shared notebook corpus', () => {
  // Deliberately not skipped when absent: a missing corpus must fail, not pass silently.
  const manifest = readCsv(readFileSync(path.join(CORPUS, 'manifest.csv'), 'utf8'));

  it('has a manifest row for the whole corpus', () => {
    expect(manifest.length).toBe(100);
    expect(manifest.filter((r) => r.language === 'r').length).toBe(2);
    expect(manifest.filter((r) => r.nbformat === '3').length).toBe(2);
  });

  it.each(manifest.map((r) => [r.file, r] as const))('%s matches its manifest row', (file, row) => {
    const bytes = readFileSync(path.join(CORPUS, file));
    expect(bytes.length).toBe(Number(row.bytes));
    const nb = parseNotebook(bytes);

    expect(nb.originalNbformat).toBe(Number(row.nbformat));
    const count = (type: string) => nb.cells.filter((c) => c.cell_type === type).length;
    expect(nb.cells.length).toBe(Number(row.n_cells));
    expect(count('code')).toBe(Number(row.n_code_cells));
    expect(count('markdown')).toBe(Number(row.n_markdown_cells) + v3HeadingCells(bytes));

    const outputs = nb.cells.flatMap((c) => c.outputs);
    const images = outputs.filter((o) => o.data && ('image/png' in o.data || 'image/svg+xml' in o.data));
    expect(images.length).toBe(Number(row.n_image_outputs));
    expect(outputs.filter((o) => o.output_type === 'error').length).toBe(Number(row.n_error_outputs));

    const lang = checkLanguage(nb);
    if (row.language === 'r') expect(lang).toEqual({ ok: false, reason: 'kernel language is "R" (kernel "ir"); only Python notebooks are imported' });
    else expect(lang).toEqual({ ok: true });
  });

  it('converts the nbformat 3 heading cell the way nbformat does', () => {
    const nb = parseNotebook(readFileSync(path.join(CORPUS, 'agconti-titanic__Titanic.ipynb')));
    expect(nb.cells.filter((c) => c.source.startsWith('### Results as scored by Kaggle')).map((c) => c.source)).toEqual([
      '### Results as scored by Kaggle: RMSE = 0.77033  That result is pretty good. ECT ECT ECT',
    ]);
    expect(nb.metadata).toEqual({ orig_nbformat: 3, orig_nbformat_minor: 0 });
  });
});
