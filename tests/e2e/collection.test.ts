// Collecting from Kaggle in the browser: credentials from the environment, a strategy made through
// the form, its preview, a run watched to the end, the collected notebooks in the gallery's facets,
// and the sample as CSV. Kaggle is the local stand-in of tests/helpers/kaggle-server.ts.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startKaggleServer, type KaggleServer } from '../helpers/kaggle-server';
import { api, authHeaders, chromiumMissing, openApp, screenshot, sleep, squash, type RunningApp } from './app';
import { parseCsv } from '../../lib/csv/parse-csv';

const NAME = 'Top half of the two biggest competitions';
const SUMMARY = 'top 50 % by votes in each of the top 2 competitions by notebooks · python notebooks · seed 7';

interface Preview {
  found: number;
  sampled: number;
  competitions: string[];
  first: { ref: string }[];
}
interface Run {
  id: number;
  strategyId: number;
  status: string;
  seed: number;
  found: number;
  sampled: number;
  imported: number;
  duplicates: number;
  failed: number;
  items: { ref: string; competition: string | null; status: string; notebookId: number | null }[];
}

describe.skipIf(chromiumMissing())('collecting notebooks from Kaggle', () => {
  let kaggle: KaggleServer;
  let app: RunningApp;
  let close: () => Promise<void>;
  let page: Page;
  const pageErrors: string[] = [];
  const url = (p: string) => `${app.baseUrl}${p}`;
  let strategyId: number;
  let preview: Preview;
  let run: Run;

  beforeAll(async () => {
    kaggle = await startKaggleServer();
    // Only these credentials: none of the developer's own may leak into the app under test.
    ({ app, page, close } = await openApp({
      env: { KAGGLE_API_BASE_URL: kaggle.url, KAGGLE_API_TOKEN: 'test-token', KAGGLE_USERNAME: undefined, KAGGLE_KEY: undefined, KAGGLE_CONFIG_DIR: undefined },
      page: { acceptDownloads: true },
    }));
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });
  afterAll(async () => {
    await close?.();
    await kaggle?.close();
  });

  it('explains strategies before there are any', async () => {
    await page.goto(url('/strategies'));
    await page.getByRole('heading', { name: 'No strategies yet' }).waitFor();
    expect(await page.locator('.empty').innerText()).toContain('A strategy is a saved, repeatable rule');
    await screenshot(page, 'collection-strategies-empty');
  });

  it('shows where the Kaggle credentials come from, and never the secret', async () => {
    await page.goto(url('/settings'));
    const status = page.getByTestId('kaggle-status');
    await status.waitFor();
    expect(squash(await status.innerText())).toMatch(/^configured Using an API token from the environment/);
    await screenshot(page, 'collection-settings');

    // A token saved here wins over the environment's; it is not shown back; removing it falls back.
    const secret = 'a-token-typed-in-the-settings-page';
    await page.getByLabel('API token', { exact: true }).fill(secret);
    await page.getByLabel('API token', { exact: true }).press('Enter');
    await page.locator('.badge.ok', { hasText: 'saved' }).waitFor();
    await expect.poll(async () => squash(await status.innerText())).toContain('saved on this page');
    await screenshot(page, 'collection-settings-saved');
    expect(await page.getByLabel('API token', { exact: true }).inputValue()).toBe('');
    expect(await page.content()).not.toContain(secret);
    expect(JSON.stringify(await api(app, '/api/settings/kaggle'))).not.toContain(secret);
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Remove' }).click();
    await expect.poll(async () => squash(await status.innerText())).toContain('from the environment');
  });

  it('creates a strategy through the form, with client-side validation first', async () => {
    await page.goto(url('/strategies'));
    await page.getByRole('link', { name: 'Create a strategy' }).click();
    await page.waitForURL(url('/strategies/new'));
    await page.getByRole('radio', { name: /competitions by/ }).check();
    await page.getByLabel('Number of competitions', { exact: true }).fill('2');
    await page.getByRole('radio', { name: /% by votes in each competition/ }).check();
    await page.getByLabel('Percent', { exact: true }).fill('0');
    await page.getByLabel('Seed', { exact: true }).fill('7');
    // Enter submits; nothing is sent while the name is missing and the percentage is out of range.
    await page.getByLabel('Seed', { exact: true }).press('Enter');
    await page.getByText('Give the strategy a name').waitFor();
    await page.getByText('A percentage above 0 and at most 100').waitFor();
    await screenshot(page, 'collection-strategy-invalid');
    expect((await api<{ strategies: unknown[] }>(app, '/api/strategies')).strategies).toHaveLength(0);

    await page.getByLabel('Percent', { exact: true }).fill('50');
    await page.getByLabel('Name', { exact: true }).fill(NAME);
    await page.getByLabel('Name', { exact: true }).press('Enter');
    await page.waitForURL(/\/strategies\/\d+$/);
    strategyId = Number(page.url().split('/').pop());
    await page.getByRole('heading', { name: NAME }).waitFor();
    expect(squash(await page.getByTestId('strategy-summary').innerText())).toBe(SUMMARY);
    const saved = await api<{ definition: Record<string, unknown> }>(app, `/api/strategies/${strategyId}`);
    expect(saved.definition).toMatchObject({
      scope: { kind: 'top-competitions', n: 2, by: 'notebooks' },
      sampling: { kind: 'top-percent', percent: 50 },
      seed: 7,
      filters: { language: 'python', kernelType: 'notebook', sortBy: 'VOTE_COUNT' },
    });
  });

  it('previews it: the numbers shown are the API’s', async () => {
    const res = await fetch(url(`/api/strategies/${strategyId}/preview`), { method: 'POST', headers: authHeaders(app, { 'Content-Type': 'application/json' }), body: JSON.stringify({ source: 'api' }) });
    expect(res.status, await res.clone().text()).toBe(200);
    preview = (await res.json()) as Preview;
    expect(preview.sampled).toBeGreaterThan(0);
    expect(preview.sampled).toBeLessThan(preview.found);
    expect(preview.competitions.sort()).toEqual(['house-prices-advanced-regression-techniques', 'titanic']);

    // A source that cannot answer: the server's message is shown as it is.
    const failing = await fetch(url(`/api/strategies/${strategyId}/preview`), { method: 'POST', headers: authHeaders(app, { 'Content-Type': 'application/json' }), body: JSON.stringify({ source: 'meta-kaggle' }) });
    if (!failing.ok) {
      const { error } = (await failing.json()) as { error: { message: string } };
      await page.getByLabel('Source', { exact: true }).selectOption('meta-kaggle');
      await page.getByRole('button', { name: 'Preview', exact: true }).click();
      const alert = page.getByLabel('preview', { exact: true }).getByRole('alert');
      await alert.waitFor({ timeout: 60_000 });
      expect(squash(await alert.innerText())).toContain(squash(error.message));
      await screenshot(page, 'collection-strategy-preview-error');
    }

    await page.getByLabel('Source', { exact: true }).selectOption('api');
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    const found = page.getByTestId('preview-found').locator('.value');
    await found.waitFor({ timeout: 60_000 });
    expect(await found.innerText()).toBe(preview.found.toLocaleString('en'));
    expect(await page.getByTestId('preview-sampled').locator('.value').innerText()).toBe(preview.sampled.toLocaleString('en'));
    const rows = page.getByTestId('preview-first').locator('tbody tr');
    expect(await rows.count()).toBe(preview.first.length);
    expect(squash(await rows.first().innerText())).toContain(preview.first[0].ref);
    await screenshot(page, 'collection-strategy-preview');
  });

  it('runs it and shows the progress until it is done', async () => {
    // Slow each download down a little, so the progress can be seen moving.
    kaggle.script('GetKernel', { delayMs: 250 }, preview.sampled);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.waitForURL(/\/collection-runs\/\d+$/);
    const runId = Number(page.url().split('/').pop());
    const badge = page.locator('h1 .badge');
    const bar = page.getByRole('progressbar', { name: 'run progress' });
    const seen: number[] = [];
    let shotWhileRunning = false;
    const deadline = Date.now() + 150_000;
    for (let status = await badge.innerText(); status !== 'done'; status = await badge.innerText()) {
      if (Date.now() > deadline) throw new Error(`the run did not finish: ${status}\n${app.output().slice(-3000)}`);
      expect(['queued', 'running'], `the run ended ${status}: ${await page.locator('.error-box').allInnerTexts()}`).toContain(status);
      const now = await bar.getAttribute('aria-valuenow');
      if (now !== null) seen.push(Number(now));
      if (!shotWhileRunning && now !== null && Number(now) > 0) {
        await screenshot(page, 'collection-run-progress');
        shotWhileRunning = true;
      }
      await sleep(200);
    }
    // The bar only moved forward, and ended full.
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.some((v) => v > 0 && v < 100), `progress seen: ${seen.join(',')}`).toBe(true);
    await expect.poll(() => bar.getAttribute('aria-valuenow')).toBe('100');

    run = await api<Run>(app, `/api/collection-runs/${runId}`);
    expect(run.status).toBe('done');
    expect(run.sampled).toBe(preview.sampled);
    expect(run.found).toBe(preview.found);
    expect(run.imported + run.duplicates + run.failed).toBe(run.sampled);
    for (const [id, value] of [['found', run.found], ['sampled', run.sampled], ['imported', run.imported], ['failed', run.failed]] as const)
      expect(await page.getByTestId(`run-${id}`).locator('.value').innerText()).toBe(value.toLocaleString('en'));
    const items = page.getByTestId('run-items').locator('tbody tr');
    expect(await items.count()).toBe(run.sampled);
    expect(await items.evaluateAll((trs) => trs.filter((tr) => tr.getAttribute('data-status') === 'imported').length)).toBe(run.imported);
    // Imported notebooks link to their page in the app.
    const imported = run.items.find((i) => i.notebookId);
    expect(imported).toBeDefined();
    expect(await page.locator(`a[href="/notebooks/${imported!.notebookId}"]`).count()).toBe(1);
    // The app listed and downloaded with the environment's token.
    const rpcs = kaggle.requests.filter((r) => r.rpc);
    expect(rpcs.length).toBeGreaterThan(0);
    expect(rpcs.every((r) => r.auth?.kind === 'bearer' && r.auth.token === 'test-token')).toBe(true);
    await screenshot(page, 'collection-run-done');
  });

  it('downloads the sample as CSV: one row per sampled notebook, with its rule and seed', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download sample CSV' }).click()]);
    expect(download.suggestedFilename()).toBe(`vizmine-run-${run.id}-sample.csv`);
    const records = parseCsv(fs.readFileSync((await download.path())!, 'utf8'));
    expect(records.length).toBe(run.sampled + 1);
    const [header, ...rows] = records;
    for (const column of ['ref', 'votes', 'rank', 'seed', 'competition']) expect(header).toContain(column);
    const col = (name: string) => header.indexOf(name);
    expect(rows.every((r) => r[col('seed')] === '7')).toBe(true);
    expect(new Set(rows.map((r) => r[col('ref')]))).toEqual(new Set(run.items.map((i) => i.ref)));
    expect(new Set(rows.map((r) => r[col('competition')]))).toEqual(new Set(preview.competitions));
  });

  it('goes back to the strategy with Esc, which lists the run', async () => {
    await page.keyboard.press('Escape');
    await page.waitForURL(url(`/strategies/${strategyId}`));
    const runs = page.getByTestId('runs');
    await runs.waitFor();
    // The list cached while the run was queued is shown until its refetch answers.
    const row = () => runs.locator('tbody tr').first().innerText().then(squash);
    await expect.poll(row).toMatch(new RegExp(`^Run #${run.id} done Kaggle API ${[run.found, run.sampled, run.imported, run.duplicates, run.failed].map((n) => n.toLocaleString("en")).join(" ")} `));
    await screenshot(page, 'collection-strategy-runs');
  });

  it('lists the strategy with its rule and last run; duplicates and deletes', async () => {
    await page.goto(url('/strategies'));
    const table = page.getByTestId('strategies');
    await table.waitFor();
    const row = table.locator('tbody tr', { hasText: NAME });
    await row.locator('.badge', { hasText: 'done' }).waitFor();
    expect(squash(await row.innerText())).toContain(SUMMARY);
    expect(await row.getByRole('link', { name: `Run #${run.id}` }).getAttribute('href')).toBe(`/collection-runs/${run.id}`);
    await screenshot(page, 'collection-strategies');

    await row.getByRole('button', { name: 'Duplicate' }).click();
    await page.getByRole('heading', { name: `${NAME} (copy)` }).waitFor();
    await page.goto(url('/strategies'));
    const copy = table.locator('tbody tr', { hasText: `${NAME} (copy)` });
    await copy.waitFor();
    page.once('dialog', (d) => void d.accept());
    await copy.getByRole('button', { name: 'Delete' }).click();
    await copy.waitFor({ state: 'detached' });
    expect(await table.locator('tbody tr').count()).toBe(1);
  });

  it('shows the collected notebooks’ competitions as a gallery facet', async () => {
    // The many-valued facets (competition among them) come from their own request.
    const facetsApi = await api<Record<string, { value: string; label: string; count: number }[]>>(app, '/api/visualisations/facets/lists');
    await page.goto(url('/visualisations'));
    const facets = page.getByRole('complementary', { name: 'facets' });
    await facets.locator('.facet').first().waitFor();
    await page.getByTestId('thumb').first().waitFor({ timeout: 20_000 });
    await screenshot(page, 'collection-gallery');
    const collected = new Set(run.items.filter((i) => i.notebookId).map((i) => i.competition));
    expect(facetsApi.competition.length).toBeGreaterThan(0);
    for (const f of facetsApi.competition) expect(collected).toContain(f.value);
    const facet = facets.locator('.facet', { has: page.getByRole('heading', { name: 'Competition' }) });
    await facet.waitFor();
    const labels = await facet.locator('.l').allInnerTexts();
    expect(labels.sort()).toEqual(facetsApi.competition.map((f) => f.label).slice(0, 12).sort());
    // Every competition of the run whose notebooks have figures is there.
    expect(labels.sort()).toEqual([...preview.competitions].filter((c) => facetsApi.competition.some((f) => f.value === c)).sort());
  });

  it('cancels a second run of the strategy while it downloads', async () => {
    // Downloads slow enough to cancel in the middle; everything it gets is already imported.
    kaggle.script('GetKernel', { delayMs: 2_000 }, 100);
    await page.goto(url(`/strategies/${strategyId}`));
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.waitForURL(/\/collection-runs\/\d+$/);
    const second = Number(page.url().split('/').pop());
    expect(second).not.toBe(run.id);
    await page.getByTestId('run-progress-label').filter({ hasText: 'Downloading and importing' }).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.locator('h1 .badge', { hasText: 'cancelled' }).waitFor();
    expect(await page.getByRole('button', { name: 'Cancel' }).count()).toBe(0);
    const cancelled = await api<Run>(app, `/api/collection-runs/${second}`);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.imported + cancelled.duplicates + cancelled.failed).toBeLessThan(cancelled.sampled);
    expect(cancelled.imported).toBe(0);
    await screenshot(page, 'collection-run-cancelled');
  });

  it('threw no error in the pages', () => {
    expect(pageErrors).toEqual([]);
  });
});
