// The analysis in the product: two real notebooks imported through the app, analysed (as the analyse
// job does, with analyseStoredNotebook on the app's own database), then the gallery filtered by chart
// type and stage, a figure drawn through a helper function with the helper's cell in its slice, and
// the notebook's Analysis tab.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { and, eq } from 'drizzle-orm';
import { notebookAnalyses, notebooks, visualisationLabels, visualisations } from '../../lib/db/schema';
import { analyseStoredNotebook } from '../../lib/analysis-store';
import { corpusFile } from '../helpers/corpus';
import { chromiumMissing, imageWidth, importThroughPage, openApp, openAppDatabase, RESULTS_DIR, screenshot, squash, type RunningApp } from './app';

const HELPER = 'mateuszk098__spaceship_titanic.ipynb'; // cell 27 draws through plot_categories (cell 24)
const TITANIC = 'agconti-titanic__Titanic.ipynb';

interface Label { visualisationId: number; notebookId: number; chartType: string; mlStage: string }

describe.skipIf(chromiumMissing())('analysis in the product', () => {
  let app: RunningApp;
  let close: () => Promise<void>;
  let page: Page;
  let labels: Label[] = [];
  let helperVis = 0;
  let helperNotebook = 0;
  let cellStages = 0;
  const url = (p: string) => `${app.baseUrl}${p}`;

  beforeAll(async () => {
    ({ app, page, close } = await openApp());
  });
  afterAll(() => close?.());

  it('imports two notebooks and analyses them (as the analyse job does)', async () => {
    await importThroughPage(page, app, [corpusFile(HELPER), corpusFile(TITANIC)]);
    const store = await openAppDatabase(app);
    try {
      for (const n of await store.db.select({ id: notebooks.id }).from(notebooks)) {
        expect((await analyseStoredNotebook(store.db, n.id)).status).toBe('analysed');
      }
      labels = await store.db.select().from(visualisationLabels);
      const [h] = await store.db
        .select({ id: visualisations.id, notebookId: visualisations.notebookId })
        .from(visualisations)
        .innerJoin(notebooks, eq(notebooks.id, visualisations.notebookId))
        .where(and(eq(notebooks.fileName, HELPER), eq(visualisations.cellPosition, 27), eq(visualisations.outputIndex, 0)));
      ({ id: helperVis, notebookId: helperNotebook } = h);
      const [a] = await store.db.select().from(notebookAnalyses).where(eq(notebookAnalyses.notebookId, helperNotebook));
      cellStages = (a.result as { cellStages: unknown[] }).cellStages.length;
    } finally {
      await store.close();
    }
    expect(labels.length).toBeGreaterThan(10);
  }, 300_000);

  it('filters the gallery by two chart types and a stage, kept in the URL', async () => {
    const count = (chart: string) => labels.filter((l) => l.chartType === chart).length;
    const charts = [...new Set(labels.map((l) => l.chartType))].sort((a, b) => count(b) - count(a)).slice(0, 2);
    const stage = labels.find((l) => l.chartType === charts[0])!.mlStage;
    const want = labels.filter((l) => charts.includes(l.chartType) && l.mlStage === stage).length;

    await page.goto(url('/visualisations'));
    const facets = page.getByRole('complementary', { name: 'facets' });
    const facet = (title: string) => facets.locator('.facet', { has: page.getByRole('heading', { name: title }) });
    await expect.poll(() => page.getByTestId('thumb').count(), { timeout: 20_000 }).toBe(labels.length);
    // One click at a time: each waits for the URL (the next toggle reads the filters from it).
    const pick = async (title: string, key: string, value: string) => {
      await facet(title).getByRole('button', { name: new RegExp(`^${value.replace(/_/g, ' ')}\\s*\\d`) }).click();
      await page.waitForURL((u) => u.searchParams.getAll(key).includes(value));
    };
    for (const c of charts) await pick('Chart type', 'chartType', c);
    await pick('ML stage', 'stage', stage);
    await expect.poll(() => page.getByTestId('thumb').count(), { timeout: 20_000 }).toBe(want);
    const u = new URL(page.url());
    expect(u.searchParams.getAll('chartType').sort()).toEqual([...charts].sort());
    expect(u.searchParams.getAll('stage')).toEqual([stage]);
    await screenshot(page, 'analysis-gallery-filtered');
    // The shared URL opens the same view.
    await page.goto(page.url());
    await expect.poll(() => page.getByTestId('thumb').count(), { timeout: 20_000 }).toBe(want);
  });

  it("shows a figure drawn through a helper with the helper's cell in its slice", async () => {
    await page.goto(url(`/visualisations/${helperVis}`));
    const slice = page.getByTestId('slice');
    await slice.waitFor();
    const text = await slice.innerText();
    expect(text).toContain('# cell 24');
    expect(text).toContain('def plot_categories');
    expect(squash(await page.getByTestId('labels').innerText())).toMatch(/Chart type .+ confidence \d+ %/);
    expect(await imageWidth(page, `img[alt="visualisation ${helperVis}"]`)).toBeGreaterThan(0);
    await screenshot(page, 'analysis-figure-slice');

    await page.getByRole('link', { name: 'notebook', exact: true }).click();
    await page.waitForURL((u) => u.searchParams.get('slice') === String(helperVis));
    await page.locator('#cell-24.in-slice').waitFor();
    expect(await page.locator('#cell-24 .slice-line').count()).toBeGreaterThan(0);
    expect(squash(await page.locator('#cell-24 .slice-line').first().innerText())).toContain('def plot_categories');
    // The notebook is long: the viewport at the helper's cell, not the whole page.
    await page.locator('#cell-24').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(RESULTS_DIR, 'analysis-notebook-slice.png') });
  });

  it("shows the notebook's Analysis tab: a stage ribbon linked to its cells, lints, outline", async () => {
    await page.goto(url(`/notebooks/${helperNotebook}`));
    await page.getByRole('tab', { name: 'Analysis' }).click();
    const ribbon = page.getByTestId('stage-ribbon');
    await ribbon.waitFor();
    expect(await ribbon.locator('a').count()).toBe(cellStages);
    expect(await page.getByTestId('lints').locator('li').count()).toBeGreaterThan(0);
    await screenshot(page, 'analysis-tab');
    const first = ribbon.locator('a').nth(3);
    const cell = Number((await first.getAttribute('href'))!.replace('#cell-', ''));
    await first.click();
    await page.locator(`#cell-${cell}.highlight`).waitFor();
    expect(page.url()).toContain(`#cell-${cell}`);
  });
});
