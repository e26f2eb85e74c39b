// CSV exports a researcher opens in a spreadsheet: code names and memos that start like a formula are
// neutralised (OWASP: a leading quote, the field quoted), and our own readers give back the same names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '../helpers/db';
import { signedInHeaders } from '../helpers/api-auth';
import { listCodes } from '../../lib/coding/codebook/get-codebook';
import { exportCodebookCsv } from '../../lib/coding/codebook/export-codebook-csv';
import { parseCodebookCsv } from '../../lib/coding/codebook/parse-codebook-csv';
import { createCode } from '../../lib/coding/codebook/create-code';
import { codingsToCsv, type CodingRow } from '../../lib/coding/export-codings';
import { parseCsv } from '../../lib/csv/parse-csv';
import { makeStudy } from './coding-fixtures';

describe('CSV formula injection', () => {
  let store: TestStore;
  let studyId: number;
  let userId: string;
  beforeAll(async () => {
    store = await createTestStore();
    userId = (await signedInHeaders(store, { role: 'supervisor' })).user.id;
    studyId = (await makeStudy(store.db, { supervisor: userId, coders: [] })).study.id;
  });
  afterAll(async () => store?.close());

  it('neutralises formula-looking code names in the codebook CSV and reads them back unchanged', async () => {
    await createCode(store.db, userId, studyId, { kind: 'code', name: '=HYPERLINK("http://evil.example","x")', definition: '+cmd|/c calc' } as never);
    const csv = exportCodebookCsv(await listCodes(store.db, studyId));
    const cells = parseCsv(csv).flat();
    expect(cells.some((c) => /^[=+\-@]/.test(c))).toBe(false); // no cell a spreadsheet would run
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    const read = parseCodebookCsv(csv);
    expect(JSON.stringify(read)).toContain('=HYPERLINK(\\"http://evil.example\\",\\"x\\")');
    expect(JSON.stringify(read)).toContain('+cmd|/c calc');
  });

  it('neutralises memos and code paths in the codings CSV', () => {
    const row: CodingRow = { item: '1', notebook_ref: 'a/b', cell: 3, coder: 'ana@example.org', code_path: '@SUM(A1)', region: null, memo: '-2+3', time: new Date(0).toISOString(), kind: 'individual' };
    const [, data] = parseCsv(codingsToCsv([row]));
    expect(data[4]).toBe("'@SUM(A1)");
    expect(data[6]).toBe("'-2+3");
    expect(data[2]).toBe('3');
  });
});
