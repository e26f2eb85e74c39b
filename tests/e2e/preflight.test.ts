// The pre-flight check in the UI: ticking a runnable notebook and one that needs catboost and a dataset,
// Reproduce lists what the blocked one lacks and lets the user skip it; queued anyway from its own page,
// it fails on the missing module, and the Runs summary charts what blocked the run.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { corpusFile } from '../helpers/corpus';
import { codeNotebook } from '../helpers/notebooks';
import { hasHostPython } from '../helpers/system';
import { chromiumMissing, importThroughPage, openApp, screenshot, squash, type OpenedApp } from './app';

const LDA = 'pparkitn__lda-vs-pca.ipynb'; // scikit-learn's bundled iris: runs anywhere
const hasPython = hasHostPython('nbclient, ipykernel, matplotlib, sklearn');

describe.skipIf(chromiumMissing() || !hasPython)('the pre-flight check before reproducing', () => {
  let opened: OpenedApp;
  let page: Page;
  beforeAll(async () => {
    opened = await openApp({ env: { VIZMINE_EXECUTORS: 'host', VIZMINE_WORKER_CONCURRENCY: '1' } });
    page = opened.page;
  }, 180_000);
  afterAll(() => opened?.close());
  const url = (p: string) => `${opened.app.baseUrl}${p}`;

  it('lists what a selected notebook lacks, and skips it when asked', async () => {
    const blocked = { name: 'needs-catboost.ipynb', mimeType: 'application/json', buffer: codeNotebook('import pandas as pd\nfrom catboost import CatBoostClassifier', "df = pd.read_csv('/kaggle/input/titanic/train.csv')") };
    const lda = { name: LDA, mimeType: 'application/json', buffer: fs.readFileSync(corpusFile(LDA)) };
    const rows = await importThroughPage(page, opened.app, [lda, blocked]);
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-status')))).toEqual(['imported', 'imported']);

    await page.goto(url('/notebooks'));
    await page.locator('table.list tbody tr').nth(1).waitFor();
    await page.getByRole('checkbox', { name: "select this page's notebooks" }).check();
    await page.getByRole('button', { name: 'Reproduce 2 selected' }).click();
    const report = page.getByTestId('preflight');
    await report.waitFor({ timeout: 30_000 });
    expect(squash(await report.innerText())).toMatch(/^1 of 2 notebooks cannot run as they stand/);
    expect(squash(await page.getByTestId('preflight-blocked').innerText())).toBe('needs-catboost: needs catboost, not in the image; reads /kaggle/input/titanic, not available (not a source of this kernel, not in VIZMINE_DATASETS_DIR (unset) nor the dataset cache)');
    await screenshot(page, 'preflight-selection');
    await page.getByTestId('preflight-skip').click();
    await expect.poll(async () => squash(await page.getByTestId('reproduce-result').innerText()), { timeout: 15_000 }).toMatch(/^1 queued, 1 skipped \(blocked\)/);
  });

  it("queues a blocked notebook anyway from its page; the summary then charts what blocked it", async () => {
    await page.goto(url('/notebooks'));
    await page.getByRole('link', { name: 'needs-catboost' }).first().click();
    await page.getByTestId('reproduce').click();
    await page.getByTestId('preflight').waitFor({ timeout: 30_000 });
    await page.getByTestId('preflight-all').click();
    await expect.poll(async () => squash(await page.getByTestId('reproduce-result').innerText()), { timeout: 15_000 }).toMatch(/^1 queued/);

    await page.goto(url('/runs'));
    const blockers = page.getByTestId('blockers');
    await blockers.waitFor({ timeout: 120_000 });
    await blockers.locator('svg, canvas').first().waitFor();
    await screenshot(page, 'preflight-runs-blockers');
    const csv = await page.evaluate(async () => (await fetch('/api/executions/summary?format=csv')).text());
    expect(csv).toContain('blocked_by_module:catboost,1,');
  });
});
