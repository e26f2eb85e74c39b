// The machine as a coder, in the browser: a supervisor (the admin) maps codes to chart types on the
// codebook page, then reads the analysis engine's κ against consensus and a coder on the agreement
// page, with the confusion matrix's numbers one click away; turning suggestions on warns about anchoring.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Database } from '../../lib/db/client';
import { codes, consensusCodings, studies, visualisationLabels } from '../../lib/db/schema';
import { codeItem, type SeededStudy } from '../integration/agreement-page-fixtures';
import { chromiumMissing, openAppWithDatabase, screenshot, type RunningApp } from './app';
import { coderStudy, pilotSample, titanicFigures } from './seed';

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
    ({ app, page, store, close } = await openAppWithDatabase({ page: { viewport: { width: 1400, height: 1100 } } }));
    study = await seed(store);
  });
  afterAll(() => close?.());

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
  const { notebookId, figures } = await titanicFigures(store, 10);
  const { studyId, ana: a, ben: b } = await coderStudy(db, 'Machine as a coder');
  const [chart] = await db.insert(codes).values({ studyId, kind: 'category', name: 'Chart', createdBy: a }).returning();
  const ids = new Map<string, number>();
  for (const [i, name] of ['bar', 'line', 'hist'].entries()) {
    const [c] = await db.insert(codes).values({ studyId, parentId: chart.id, name, position: i, createdBy: a }).returning();
    ids.set(`Chart/${name}`, c.id);
  }
  const { sampleId, items } = await pilotSample(db, studyId, a, figures);
  // The analysis engine's labels, as its background job would store them (replacing any it stored already).
  for (const [i, v] of figures.entries()) {
    const label = { notebookId, analyserVersion: 'e2e', chartType: machine[i], library: 'matplotlib', mlStage: 'data_exploration', multiPanel: false, confidence: { chartType: 0.8, mlStage: 0.5 }, evidence: [], slice: { cells: [], lines: [], code: '' } };
    await db.insert(visualisationLabels).values({ visualisationId: v, ...label }).onConflictDoUpdate({ target: visualisationLabels.visualisationId, set: label });
  }
  const seeded: SeededStudy = { studyId, sampleId, items, visualisations: figures, code: (p) => ids.get(p)! };
  for (let i = 0; i < 10; i++) {
    await codeItem(db, seeded, seeded.items[i], a, [`Chart/${ana[i]}`]);
    await codeItem(db, seeded, seeded.items[i], b, ben[i] ? [`Chart/${ben[i]}`] : []);
    if (consensus[i]) await db.insert(consensusCodings).values({ sampleItemId: seeded.items[i], codeId: ids.get(`Chart/${consensus[i]}`)!, decidedBy: a });
  }
  return seeded;
}
