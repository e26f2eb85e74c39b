// Full-text search in the browser: a phrase typed in the nav's search box, its ranked hit with the
// words marked, and a click that opens the notebook at that cell.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { corpusFile } from '../helpers/corpus';
import { sql } from 'drizzle-orm';
import { RANK_WINDOW } from '../../lib/search/search-cells';
import { chromiumMissing, importOneThroughPage, openApp, openAppDatabase, screenshot, type RunningApp } from './app';

const TITANIC = 'agconti-titanic__Titanic.ipynb';

describe.skipIf(chromiumMissing())('searching markdown and code', () => {
  let app: RunningApp;
  let close: () => Promise<void>;
  let page: Page;
  const url = (p: string) => `${app.baseUrl}${p}`;

  beforeAll(async () => {
    ({ app, page, close } = await openApp());
  });
  afterAll(() => close?.());

  it('finds a stemmed phrase from the nav box, marks it, and jumps to its cell', async () => {
    await importOneThroughPage(page, app, corpusFile(TITANIC));
    await page.goto(url('/notebooks'));
    const box = page.locator('form.nav-search input[type=search]');
    await box.fill('"thumb waving"'); // the markdown says "a thumb wave": the phrase matches by stems
    await box.press('Enter');
    await page.waitForURL(/\/search\?q=/);
    const hits = page.getByTestId('search-hit');
    await hits.first().waitFor({ timeout: 30_000 });
    const first = page.locator('.search-hit').first();
    expect(await first.innerText()).toMatch(/cell 43/);
    const marked = await first.locator('mark').allInnerTexts();
    expect(marked.map((m) => m.toLowerCase())).toEqual(expect.arrayContaining(['thumb']));
    await screenshot(page, 'search-results');

    await hits.first().click();
    await page.waitForURL(/\/notebooks\/\d+#cell-43$/);
    const cell = page.locator('#cell-43');
    await cell.waitFor({ timeout: 30_000 });
    await expect.poll(() => cell.isVisible()).toBe(true);
    expect(await cell.innerText()).toMatch(/thumb/i);
    await screenshot(page, 'search-jump-to-cell');
  });

  it('says when a common word was ranked among its first matches only, counts them all, and ranks them all on request', async () => {
    // A notebook of RANK_WINDOW + 50 markdown cells that all say "calibration", inserted beside the app.
    const extra = RANK_WINDOW + 50;
    const store = await openAppDatabase(app);
    try {
      const [{ id }] = await store.db.execute<{ id: number }>(sql`
        insert into notebooks (content_hash, file_name, title, status, original_nbformat, nbformat_minor, language, code_cells, markdown_cells, visualisation_count, bytes, metadata)
        values ('e2e-calibration', 'calibration.ipynb', 'Calibration study', 'imported', 4, 5, 'python', 0, ${extra}, 0, 1, '{}') returning id`);
      await store.db.execute(sql`
        insert into cells (notebook_id, position, cell_type, source, outputs, metadata)
        select ${id}, p, 'markdown', 'Calibration of the model, part ' || p, '[]', '{}' from generate_series(0, ${extra - 1}) p`);
    } finally {
      await store.close();
    }
    await page.goto(url('/search?q=calibration'));
    const total = page.getByTestId('search-total');
    await expect.poll(() => total.innerText(), { timeout: 30_000 }).toMatch(/2,050 cells in 1 notebook match\. Ranked: the best of the first 2,000 found/);
    expect(await page.locator('.search-hit').count()).toBe(30);
    expect(await page.getByText('1–30 of the first 2,000').count()).toBe(1);
    await screenshot(page, 'search-bounded');

    await page.getByTestId('search-exact').click();
    await page.waitForURL(/exact=1/);
    await expect.poll(() => total.innerText(), { timeout: 30_000 }).toBe('2,050 cells of the original notebooks match');
    expect(await page.getByText('1–30 of 2,050').count()).toBe(1);
  });
});
