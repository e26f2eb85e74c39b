import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreementReport } from '../../lib/agreement/codings-report';
import { readCodingsCsv } from '../../lib/agreement/read-codings';
import { computeAgreement } from '../../lib/coding/agreement/compute-agreement';
import { recordConsensus } from '../../lib/coding/consensus/record-consensus';
import { codingsToCsv, exportCodings, CODING_COLUMNS } from '../../lib/coding/export-codings';
import { exportCodebookCsv } from '../../lib/coding/codebook/export-codebook-csv';
import { listCodes } from '../../lib/coding/codebook/get-codebook';
import { kaggleKernels } from '../../lib/db/schema';
import { parseCsvObjects } from '../../lib/csv/parse-csv';
import { createTestStore, type TestStore } from '../helpers/db';
import { codeItem, seedStudy, type SeededStudy } from './agreement-page-fixtures';

// The export is what `vizmine agreement` reads: exporting, reading it back with the CLI's reader and
// computing the report must give the page's figures, to the last digit.
describe('codings export (CSV, JSON) round trip through the CLI reader', () => {
  let store: TestStore;
  let s: SeededStudy;
  const region = { x: 0.1, y: 0.2, w: 0.3, h: 0.25 };

  beforeAll(async () => {
    store = await createTestStore();
    const db = store.db;
    s = await seedStudy(store, { supervisor: 'sup', coders: ['ana', 'ben', 'cy'], items: 6, paths: ['Chart / bar', 'Chart / line', 'Quality / Missing legend'] });
    const plan: [string, number, string[]][] = [
      ['ana', 0, ['Chart / bar']], ['ben', 0, ['Chart / bar']], ['cy', 0, ['Chart / bar', 'Quality / Missing legend']],
      ['ana', 1, ['Chart / line']], ['ben', 1, ['Chart / bar']],
      ['ana', 2, []], ['ben', 2, []], ['cy', 2, ['Chart / line']],
      ['ana', 3, ['Chart / line', 'Quality / Missing legend']], ['ben', 3, ['Chart / line', 'Quality / Missing legend']],
      ['ana', 4, ['Chart / bar']],
    ];
    for (const [coder, i, paths] of plan) await codeItem(db, s, s.items[i], coder, paths, { region: coder === 'ana' ? region : undefined, memo: coder === 'ben' ? 'axis "unclear", see cell' : '' });
    await codeItem(db, s, s.items[5], 'ben', ['Chart / line'], { status: 'pending' }); // a draft: not exported
    await recordConsensus(db, 'sup', s.items[1], [{ codeId: s.code('Chart / line'), region, memo: 'agreed in meeting' }]);
    // The first notebook came from Kaggle: its ref is the notebook_ref.
    const [{ notebook_id }] = await db.execute<{ notebook_id: number }>(sql`select notebook_id from visualisations where id = ${s.visualisations[0]}`);
    await db.insert(kaggleKernels).values({ notebookId: notebook_id, ref: 'alice/titanic-eda', storedForm: 'with-outputs', source: 'api' });
  });
  afterAll(async () => store?.close());

  it('CSV: the CLI reader gives back the page’s report exactly, and the CLI prints it', async () => {
    const rows = await exportCodings(store.db, { studyId: s.studyId });
    const csv = codingsToCsv(rows);
    const page = (await computeAgreement(store.db, { studyId: s.studyId })).report;
    expect(agreementReport(readCodingsCsv(csv))).toEqual(page);
    expect(page.overall).toMatchObject({ items: 4, coders: 3 });

    const file = path.join(store.dataDir, 'codings.csv');
    fs.writeFileSync(file, csv);
    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/cli.ts', 'agreement', file, '--json'], { encoding: 'utf8', timeout: 120_000 });
    expect(cli.status, cli.stderr).toBe(0);
    expect(JSON.parse(cli.stdout)).toEqual(JSON.parse(JSON.stringify(page)));
  });

  it('CSV: one row per coding with every column; empty code for "no code"; consensus apart; drafts left out', async () => {
    const records = parseCsvObjects(codingsToCsv(await exportCodings(store.db, { studyId: s.studyId })));
    expect(Object.keys(records[0])).toEqual([...CODING_COLUMNS]);
    const individual = records.filter((r) => r.kind === 'individual');
    // 12 codings + 2 "no code" rows (ana, ben on item 2); ben's draft on item 5 is not there.
    expect(individual).toHaveLength(14);
    expect(individual.filter((r) => r.code_path === '')).toHaveLength(2);
    expect(individual.some((r) => r.item === String(s.items[5]))).toBe(false);
    const consensus = records.filter((r) => r.kind === 'consensus');
    expect(consensus).toEqual([expect.objectContaining({ item: String(s.items[1]), coder: 'sup', code_path: 'Chart / line', memo: 'agreed in meeting' })]);
    expect(JSON.parse(consensus[0].region)).toEqual(region);
    const first = individual.find((r) => r.item === String(s.items[0]) && r.coder === 'ana')!;
    expect(first).toMatchObject({ notebook_ref: 'alice/titanic-eda', code_path: 'Chart / bar' });
    expect(JSON.parse(first.region)).toEqual(region);
    // The codebook CSV writes the same code the same way: one path per code across every export.
    const codebookPaths = parseCsvObjects(exportCodebookCsv(await listCodes(store.db, s.studyId))).map((r) => r.path);
    expect(codebookPaths).toEqual(expect.arrayContaining(['Chart / bar', 'Chart / line', 'Quality / Missing legend']));
    for (const r of individual.filter((r) => r.code_path)) expect(codebookPaths).toContain(r.code_path);
    expect(Number(first.cell)).toBe(1); // the fixture's first figure is in cell 1 (cell 0 is markdown)
    expect(individual.find((r) => r.item === String(s.items[3]))!.notebook_ref).toBe('alice/titanic-eda');
    expect(individual.find((r) => r.coder === 'ben' && r.item === String(s.items[0]))!.memo).toBe('axis "unclear", see cell');
    expect(new Date(first.time).getTime()).toBeGreaterThan(0);
  });

  it('JSON: the same rows; read back, the same report; scoped to a sample', async () => {
    const rows = await exportCodings(store.db, { studyId: s.studyId });
    const back = JSON.parse(JSON.stringify({ codings: rows })).codings as typeof rows;
    expect(back).toEqual(rows);
    const asCodings = back.filter((r) => r.kind === 'individual').map((r) => ({ item: r.item, coder: r.coder, code: r.code_path || null }));
    expect(agreementReport(asCodings)).toEqual((await computeAgreement(store.db, { studyId: s.studyId })).report);
    const other = await seedStudy(store, { supervisor: 'sup', coders: [], items: 1, paths: [], studyId: s.studyId, sampleName: 'B' });
    await codeItem(store.db, other, other.items[0], 'ana', []);
    expect(await exportCodings(store.db, { studyId: s.studyId, sampleId: other.sampleId })).toHaveLength(1);
    expect(await exportCodings(store.db, { studyId: s.studyId, sampleId: s.sampleId })).toHaveLength(rows.length);
  });
});
