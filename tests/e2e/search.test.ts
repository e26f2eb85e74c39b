// Full-text search in the browser: a phrase typed in the nav's search box, its ranked hit with the
// words marked, and a click that opens the notebook at that cell.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { corpusFile } from '../helpers/corpus';
import { chromiumMissing, importOneThroughPage, openApp, screenshot, type RunningApp } from './app';

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
});
