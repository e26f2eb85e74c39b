import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { codes, studies, studyMembers, samples, sampleItems, visualisations } from '../../lib/db/schema';
import { eq } from 'drizzle-orm';
import { importNotebook } from '../../lib/ingest/import-notebook';
import { getVisualisation } from '../../lib/browse/get-visualisation';
import { listVisualisations } from '../../lib/browse/list-visualisations';
import { getWorkItem } from '../../lib/coding/queue/get-work-item';
import { getItemComparison } from '../../lib/coding/agreement/get-item-comparison';
import { listDisagreements } from '../../lib/coding/agreement/list-disagreements';
import { codingsToCsv, exportCodings } from '../../lib/coding/export-codings';
import { exportQdpx } from '../../lib/refi/export-qdpx';
import { createTestStore, type TestStore } from '../helpers/db';
import { pngBase64, submitCoding } from '../helpers/codebook-fixture';
import { assignments } from '../../lib/db/schema';

// nbformat 3, so heading cells and worksheets are in play: the figure is the 4th cell of the file
// (heading, markdown, code, code-with-figure), index 3 in nbformat's list — in every place.
const FIGURE_CELL = 3;
function v3Notebook(png: string) {
  return {
    nbformat: 3,
    nbformat_minor: 0,
    metadata: { name: 'cells' },
    worksheets: [
      { cells: [{ cell_type: 'heading', level: 1, source: 'Survival', metadata: {} }, { cell_type: 'markdown', source: 'Some context.', metadata: {} }] },
      {
        cells: [
          { cell_type: 'code', language: 'python', input: 'import matplotlib.pyplot as plt', outputs: [], prompt_number: 1, metadata: {} },
          { cell_type: 'code', language: 'python', input: 'plt.plot([1, 2])', prompt_number: 2, metadata: {}, outputs: [{ output_type: 'display_data', png, metadata: {} }] },
        ],
      },
    ],
  };
}

describe('one cell number everywhere (0-based index among all the file\'s cells)', () => {
  let store: TestStore;
  let visId: number;
  let itemId: number;
  let studyId: number;
  let coderAssignment: number;
  let dir: string;

  beforeAll(async () => {
    store = await createTestStore();
    const db = store.db;
    const png = await pngBase64(40, 30);
    const r = await importNotebook(db, { file: 'cells.ipynb', bytes: Buffer.from(JSON.stringify(v3Notebook(png))), blobDir: store.blobDir });
    expect(r.status).toBe('imported');
    [{ id: visId }] = await db.select({ id: visualisations.id }).from(visualisations).where(eq(visualisations.notebookId, r.notebookId!));
    const [study] = await db.insert(studies).values({ name: 'Cells', createdBy: 'sup' }).returning();
    studyId = study.id;
    await db.insert(studyMembers).values([
      { studyId, userId: 'sup', role: 'supervisor' },
      { studyId, userId: 'ana', role: 'coder' },
      { studyId, userId: 'ben', role: 'coder' },
    ]);
    const [bar, line] = await db.insert(codes).values([{ studyId, name: 'bar', createdBy: 'sup', position: 0 }, { studyId, name: 'line', createdBy: 'sup', position: 1 }]).returning();
    const [sample] = await db.insert(samples).values({ studyId, name: 'S', definition: {}, createdBy: 'sup' }).returning();
    [{ id: itemId }] = await db.insert(sampleItems).values({ sampleId: sample.id, visualisationId: visId, position: 0 }).returning();
    // Two coders disagree, so the item is on the agreement page's disagreement list.
    await submitCoding(db, itemId, 'ana', new Date(), [bar.id]);
    await submitCoding(db, itemId, 'ben', new Date(), [line.id]);
    [{ id: coderAssignment }] = await db.select({ id: assignments.id }).from(assignments).where(eq(assignments.userId, 'ana'));
    dir = fs.mkdtempSync(path.join(store.dataDir, 'cells-'));
  });
  afterAll(async () => store?.close());

  it('the stored position is nbformat\'s list index, heading cells and every worksheet counted', async () => {
    const vis = await getVisualisation(store.db, visId, {});
    expect(vis.cellPosition).toBe(FIGURE_CELL);
    expect(vis.code?.source).toBe('plt.plot([1, 2])');
    const gallery = await listVisualisations(store.db, { limit: 10 });
    expect(gallery.items.find((v) => v.id === visId)?.cellPosition).toBe(FIGURE_CELL);
  });

  it('the workspace and the agreement page say the same number', async () => {
    const work = await getWorkItem(store.db, { id: 'ana', email: 'ana@example.org', name: 'Ana', role: 'coder' }, coderAssignment);
    expect(work.visualisation.cellPosition).toBe(FIGURE_CELL);
    const item = await getItemComparison(store.db, itemId);
    expect(item.item.cell).toBe(FIGURE_CELL);
    const [d] = await listDisagreements(store.db, { studyId }, { userId: 'sup', manage: true });
    expect(d).toMatchObject({ visualisationId: visId, cell: FIGURE_CELL, notebookRef: 'cells.ipynb' });
  });

  it('the codings CSV and JSON and the .qdpx say the same number', async () => {
    const rows = await exportCodings(store.db, { studyId });
    expect(rows.map((r) => r.cell)).toEqual([FIGURE_CELL, FIGURE_CELL]);
    const csv = codingsToCsv(rows).trim().split('\n');
    const header = csv[0].split(',');
    expect(csv.slice(1).map((l) => l.split(',')[header.indexOf('cell')])).toEqual([String(FIGURE_CELL), String(FIGURE_CELL)]);
    const qde = strFromU8(unzipSync((await exportQdpx(store.db, store.blobDir, studyId)).bytes)['project.qde']);
    expect(qde).toContain(`cell ${FIGURE_CELL}, output 0 (visualisation ${visId})`);
    expect(qde).not.toMatch(/cell 4\b/);
  });

  it('vizmine import names the same cell when that figure is broken', async () => {
    const broken = v3Notebook('not*base64');
    const file = path.join(dir, 'broken-cells.ipynb');
    fs.writeFileSync(file, JSON.stringify(broken));
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/cli.ts', '--data-dir', store.dataDir, 'import', file, '--json', '--no-derivatives'], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: store.url },
      timeout: 120_000,
    });
    const line = JSON.parse(run.stdout.trim());
    expect(line.error).toMatchObject({ code: 'base64', where: `cell ${FIGURE_CELL} output 0 image/png` });
    expect(line.error.message).toMatch(new RegExp(`^cell ${FIGURE_CELL} output 0 image/png: invalid base64`));
    expect(line.file).toBe('broken-cells.ipynb'); // relative to what was imported, never an absolute path
  });
});
