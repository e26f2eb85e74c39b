// The machine as a coder, in the browser: a supervisor (the admin) maps codes to chart types on the
// codebook page, then reads the analysis engine's κ against consensus and a coder on the agreement
// page, with the confusion matrix's numbers one click away; turning suggestions on warns about anchoring.
import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { corpusFile } from '../helpers/corpus';
import { openDatabase, type Database } from '../../lib/db/client';
import { importNotebook } from '../../lib/ingest/import-notebook';
import { createUser } from '../../lib/auth/users/create-user';
import { codes, consensusCodings, sampleItems, samples, studies, studyMembers, visualisationLabels } from '../../lib/db/schema';
import { codeItem, type SeededStudy } from '../integration/agreement-page-fixtures';
import { chromiumMissing, openApp, screenshot, type RunningApp } from './app';

const machine = ['bar', 'bar', 'line', 'line', 'histogram', 'histogram', 'bar', 'line', 'histogram', 'bar'];
const ana = ['bar', 'bar', 'line', 'bar', 'hist', 'hist', 'bar', 'line', 'line', 'bar'];
const ben = ['bar', 'line', 'line', 'line', 'hist', 'hist', 'bar', 'line', 'hist', null];
const consensus = ['bar', 'line', 'line', 'line', 'hist', 'hist', 'bar', 'line', 'hist', null];
const asChart = (code: string) => (code === 'hist' ? 'histogram' : code);

/** Cohen's κ, written out here apart from lib/agreement: (po − pe) / (1 − pe). */
function kappa(pairs: [string, string][]): number {
  const n = pairs.length;
  const po = pairs.filter(([a, b]) => a === b).length / n;
  const pe = [...new Set(pairs.flat())].reduce((s, c) => s + (pairs.filter(([a]) => a === c).length / n) * (pairs.filter(([, b]) => b === c).length / n), 0);
  return (po - pe) / (1 - pe);
}

describe.skipIf(chromiumMissing())('the machine as a coder on the agreement page', () => {
  let app: RunningApp;
  let close: () => Promise<void>;
  let page: Page;
  let store: Database;
  let study: SeededStudy;
  const url = (p: string) => `${app.baseUrl}${p}`;

  beforeAll(async () => {
    ({ app, page, close } = await openApp({ page: { viewport: { width: 1400, height: 1100 } } }));
    const saved = process.env.DATABASE_URL;
    delete process.env.DATABASE_URL;
    store = await openDatabase({ dataDir: app.dataDir, max: 2 });
    if (saved !== undefined) process.env.DATABASE_URL = saved;
    study = await seed(store);
  });
  afterAll(async () => {
    await store?.close();
    await close?.();
  });

  it('maps codes to chart types on the codebook page', async () => {
    await page.goto(url(`/studies/${study.studyId}/codebook`));
    await page.getByRole('tab', { name: 'Machine labels' }).click();
    for (const [code, value] of [['bar', 'bar'], ['line', 'line'], ['hist', 'histogram']]) {
      const select = page.getByLabel(`Machine label for Chart / ${code}`);
      await select.selectOption(`chartType:${value}`);
      await page.waitForFunction(([c, v]) => (document.querySelector(`select[aria-label="Machine label for Chart / ${c}"]`) as HTMLSelectElement | null)?.value === `chartType:${v}` && !(document.querySelector(`select[aria-label="Machine label for Chart / ${c}"]`) as HTMLSelectElement).disabled, [code, value]);
    }
    await expect.poll(async () => (await store.db.select({ v: codes.labelValue }).from(codes).where(eq(codes.studyId, study.studyId))).map((r) => r.v).filter(Boolean).sort()).toEqual(['bar', 'histogram', 'line']);
    // Turning suggestions on warns about anchoring first.
    await page.getByRole('button', { name: 'Turn on…' }).click();
    await page.getByRole('alert').getByText('Anchoring bias').waitFor();
    await screenshot(page, 'machine-labels');
    await page.getByRole('button', { name: 'Turn on anyway' }).click();
    await page.getByRole('button', { name: 'Turn off' }).waitFor();
    const [s] = await store.db.select({ on: studies.showMachineSuggestions }).from(studies).where(eq(studies.id, study.studyId));
    expect(s.on).toBe(true);
  });

  it("shows the machine's κ against consensus and a coder, and the confusion matrix's numbers", async () => {
    await page.goto(url(`/agreement?study=${study.studyId}`));
    const table = page.getByTestId('machine-chartType');
    await table.waitFor();
    const cell = (who: string, i: number) => table.locator(`tr[data-against="${who}"] td`).nth(i).textContent();
    const vsConsensus = consensus.slice(0, 9).map((c, i) => [machine[i], asChart(c!)] as [string, string]);
    expect(await cell('consensus', 1)).toBe('9'); // item 10 has no consensus
    expect(await cell('consensus', 2)).toBe(kappa(vsConsensus).toFixed(3));
    expect(await cell('consensus', 2)).toBe('0.833'); // po 8/9, pe 1/3, by hand
    const vsAna = ana.map((c, i) => [machine[i], asChart(c)] as [string, string]);
    expect(await cell('ana@example.org', 1)).toBe('10');
    expect(await cell('ana@example.org', 2)).toBe(kappa(vsAna).toFixed(3));
    expect(await cell('ben@example.org', 1)).toBe('9'); // ben submitted item 10 with no code
    const panel = page.getByRole('region', { name: 'Confusion: machine × consensus' });
    await panel.locator('svg').first().waitFor();
    await page.getByRole('region', { name: 'The machine as a coder' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'machine-coder-agreement');
    await panel.getByRole('button', { name: 'Numbers' }).click();
    const numbers = await panel.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent).join('|')));
    expect(numbers.sort()).toEqual(['bar|bar|2', 'bar|line|1', 'histogram|histogram|3', 'line|line|3']);
    const precision = page.getByRole('region', { name: 'Machine precision and recall per chart type' });
    expect(await precision.locator('tr', { hasText: 'line' }).locator('td').nth(2).textContent()).toBe('75.0%'); // recall: 3 of 4 consensus "line"
  });
});

async function seed(store: Database): Promise<SeededStudy> {
  const db = store.db;
  const imported = await importNotebook(db, { file: 'agconti-titanic__Titanic.ipynb', bytes: fs.readFileSync(corpusFile('agconti-titanic__Titanic.ipynb')), blobDir: path.join(store.dataDir, 'blobs') });
  const vis = await db.execute<{ id: number }>(sql`select id::int from visualisations where notebook_id = ${imported.notebookId} and blob_sha256 is not null order by id limit 10`);
  if (vis.length < 10) throw new Error(`expected 10 images in the Titanic notebook, got ${vis.length}`);
  const notebookId = imported.notebookId;
  if (notebookId === undefined) throw new Error('the Titanic notebook was not imported');
  const a = await createUser(db, { name: 'Ana Coder', email: 'ana@example.org', password: 'ana-password-1', role: 'coder' });
  const b = await createUser(db, { name: 'Ben Coder', email: 'ben@example.org', password: 'ben-password-1', role: 'coder' });
  const [s] = await db.insert(studies).values({ name: 'Machine as a coder', createdBy: a.id }).returning();
  await db.insert(studyMembers).values([
    { studyId: s.id, userId: a.id, role: 'coder' },
    { studyId: s.id, userId: b.id, role: 'coder' },
  ]);
  const [chart] = await db.insert(codes).values({ studyId: s.id, kind: 'category', name: 'Chart', createdBy: a.id }).returning();
  const ids = new Map<string, number>();
  for (const [i, name] of ['bar', 'line', 'hist'].entries()) {
    const [c] = await db.insert(codes).values({ studyId: s.id, parentId: chart.id, name, position: i, createdBy: a.id }).returning();
    ids.set(`Chart/${name}`, c.id);
  }
  const [sample] = await db.insert(samples).values({ studyId: s.id, name: 'Pilot', definition: {}, overlapPercent: 100, createdBy: a.id }).returning();
  const items = await db.insert(sampleItems).values(vis.map((v, position) => ({ sampleId: sample.id, visualisationId: Number(v.id), position }))).returning();
  // The analysis engine's labels, as its background job would store them (replacing any it stored already).
  for (const [i, v] of vis.entries()) {
    const label = { notebookId, analyserVersion: 'e2e', chartType: machine[i], library: 'matplotlib', mlStage: 'data_exploration', multiPanel: false, confidence: { chartType: 0.8, mlStage: 0.5 }, evidence: [], slice: { cells: [], lines: [], code: '' } };
    await db.insert(visualisationLabels).values({ visualisationId: Number(v.id), ...label }).onConflictDoUpdate({ target: visualisationLabels.visualisationId, set: label });
  }
  const seeded: SeededStudy = { studyId: s.id, sampleId: sample.id, items: items.map((i) => i.id), visualisations: vis.map((v) => Number(v.id)), code: (p) => ids.get(p)! };
  for (let i = 0; i < 10; i++) {
    await codeItem(db, seeded, seeded.items[i], a.id, [`Chart/${ana[i]}`]);
    await codeItem(db, seeded, seeded.items[i], b.id, ben[i] ? [`Chart/${ben[i]}`] : []);
    if (consensus[i]) await db.insert(consensusCodings).values({ sampleItemId: seeded.items[i], codeId: ids.get(`Chart/${consensus[i]}`)!, decidedBy: a.id });
  }
  return seeded;
}
