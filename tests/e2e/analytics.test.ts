// The analytics page over two real notebooks (imported through the API, their figures labelled by the
// app's own background analysis job), and /analyse on a dropped notebook.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { corpusFile } from '../helpers/corpus';
import { authHeaders, chromiumMissing, openApp, openAppDatabase, screenshot, squash, type RunningApp } from './app';
import type { Database } from '../../lib/db/client';
import { analyseNotebook } from '../../lib/analysis';
import { parseNotebook } from '../../lib/notebooks';

const FILES = ['agconti-titanic__Titanic.ipynb', 'anthropikos__train_val_loss_over_epoch.ipynb'];

describe.skipIf(chromiumMissing())('analytics and analyse pages', () => {
  let app: RunningApp;
  let close: () => Promise<void>;
  let page: Page;
  let store: Database | undefined;
  let labelled = 0;
  let testingFigures = 0;
  const url = (p: string) => `${app.baseUrl}${p}`;

  beforeAll(async () => {
    ({ app, page, close } = await openApp());
  });
  afterAll(async () => {
    await store?.close();
    await close?.();
  });

  it('says what to do before anything is labelled', async () => {
    await page.goto(url('/analytics'));
    await page.getByRole('heading', { name: 'No labelled visualisations here yet' }).waitFor();
    expect(await page.getByText('Analysis runs in the background after import').count()).toBe(1);
    await screenshot(page, 'analytics-empty');
  });

  it('shows a chart type × stage heatmap with its χ² and downloads its CSV', async () => {
    for (const f of FILES) {
      const form = new FormData();
      form.set('file', new File([fs.readFileSync(corpusFile(f))], f));
      const res = await fetch(url('/api/imports'), { method: 'POST', headers: authHeaders(app), body: form });
      expect(res.status).toBe(200);
    }
    // The app's own worker analyses each imported notebook in the background (the analyse job): wait
    // until every stored figure of both notebooks has its labels, then count them from the database.
    store = await openAppDatabase(app);
    const names = FILES.map((f) => '%' + f);
    const deadline = Date.now() + 180_000;
    for (;;) {
      const [row] = await store.db.execute<{ figures: number; labelled: number; testing: number }>(sql`
        select count(*)::int as figures, count(l.visualisation_id)::int as labelled,
               count(*) filter (where l.ml_stage in ('model_evaluation', 'explainability', 'fairness'))::int as testing
        from visualisations v join notebooks n on n.id = v.notebook_id
        left join visualisation_labels l on l.visualisation_id = v.id
        where n.file_name like ${names[0]} or n.file_name like ${names[1]}`);
      if (row.figures > 0 && row.labelled === row.figures) {
        labelled = row.labelled;
        testingFigures = row.testing;
        break;
      }
      if (Date.now() > deadline) throw new Error(`analysis did not label the imported figures: ${JSON.stringify(row)}\n${app.output().slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(labelled).toBeGreaterThanOrEqual(10);

    await page.goto(url('/analytics'));
    const panel = page.getByRole('region', { name: 'Chart type × ML stage' });
    await panel.locator('svg').first().waitFor({ timeout: 30_000 });
    expect(squash(await page.getByTestId('population').innerText())).toContain('labelled visualisations of originals in the whole corpus');
    expect(await page.getByTestId('chi2').innerText()).toMatch(/χ² = \d+\.\d\d, df = \d+/);
    await screenshot(page, 'analytics-heatmap');

    await panel.getByRole('button', { name: 'Numbers' }).click();
    const numbers = squash(await page.getByTestId('crosstab-numbers').innerText());
    expect(numbers).toMatch(new RegExp(`total( \\d+)+ ${labelled}$`));
    await screenshot(page, 'analytics-numbers');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()]);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(download.suggestedFilename()).toBe('vizmine-chart_type-by-ml_stage.csv');
    expect(csv.split('\r\n')[0]).toBe('# population: labelled visualisations of originals in the whole corpus');
    expect(csv).toMatch(/# chi2: chi2=/);
    expect(csv).toContain(`\r\ntotal,`);
    expect(csv.trimEnd().endsWith(`,${labelled}`)).toBe(true);

    await page.getByRole('tab', { name: 'How is ML tested here?' }).click();
    if (testingFigures > 0) {
      await page.getByRole('region', { name: 'Chart type × Library' }).waitFor();
      expect(squash(await page.getByTestId('population').innerText())).toContain('ML stage in (model_evaluation, explainability, fairness)');
    } else {
      await page.getByRole('heading', { name: 'No labelled visualisations here yet' }).waitFor();
    }
    await screenshot(page, 'analytics-testing');
  });

  it('analyses a dropped notebook and shows its report', async () => {
    const file = FILES[1];
    const text = fs.readFileSync(corpusFile(file), 'utf8');
    // The engine loads inside Next's server (web-tree-sitter's wasm): the API answers first.
    const direct = await fetch(url(`/api/analyse?name=${file}`), { method: 'POST', headers: authHeaders(app), body: text });
    if (direct.status !== 200) console.log(app.output().slice(-4000));
    expect({ status: direct.status, body: direct.status === 200 ? '' : await direct.text() }).toEqual({ status: 200, body: '' });
    await page.goto(url('/analyse'));
    await page.getByTestId('dropzone').waitFor();
    await page.evaluate(({ name, text }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name, { type: 'application/x-ipynb+json' }));
      document.querySelector('[data-testid="dropzone"]')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, { name: file, text });
    await page.locator('[data-testid="report"], .error-box').first().waitFor({ timeout: 90_000 });
    await screenshot(page, 'analyse-after-drop');
    expect(await page.locator('.error-box').count()).toBe(0);
    const expected = (await analyseNotebook(parseNotebook(Buffer.from(text)))).visualisations;
    await expect.poll(() => page.getByTestId('report-figure').count()).toBe(expected.length);
    expect(await page.getByTestId('chart-type').allInnerTexts()).toEqual(expected.map((v) => v.chartType));
    const widths = await page.locator('[data-testid="report-figure"] img').evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth));
    expect(widths.every((w) => w > 0)).toBe(true);
    expect(squash(await page.getByTestId('flags').innerText())).toMatch(/out of order: (yes|no)/);
    await screenshot(page, 'analyse-report');
    const [html] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download HTML' }).click()]);
    const body = fs.readFileSync((await html.path())!, 'utf8');
    expect(body).not.toMatch(/<script/i);
    expect(body).toContain(`<h1>${file}</h1>`);
  });
});
