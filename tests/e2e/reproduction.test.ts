// Reproduction from the UI: import two real notebooks, tick them in the notebooks list, Reproduce,
// watch /runs until both jobs are done (the app's own worker runs them on this machine's Python),
// read the log, open an execution and a reproduced figure beside its original.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { corpusFile } from '../helpers/corpus';
import { hasHostPython } from '../helpers/system';
import { api, authHeaders, chromiumMissing, createFirstAdmin, imageWidth, launchBrowser, screenshot, squash, startApp, type RunningApp } from './app';

// Draws two scatter plots from scikit-learn's bundled iris data: reproducible without any dataset.
const LDA = 'pparkitn__lda-vs-pca.ipynb';
// Reads a CSV that is not there: fails with FileNotFoundError, as most notebooks without data do.
const LOSS = 'anthropikos__train_val_loss_over_epoch.ipynb';

const hasPython = hasHostPython('nbclient, ipykernel, matplotlib, sklearn');

interface Stats { depth: Record<string, number>; progress: { done: number; total: number } }
interface Jobs { items: Array<{ id: string; notebookTitle: string; state: string; status: string | null; exceptionType: string | null; executionId: number | null; notebookId: number }> }

describe.skipIf(chromiumMissing() || !hasPython)('reproducing notebooks from the UI', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  const url = (p: string) => `${app.baseUrl}${p}`;

  beforeAll(async () => {
    // The host executor, whatever container engine this machine has: the test is about the UI.
    app = await startApp({ env: { VIZMINE_EXECUTORS: 'host', VIZMINE_WORKER_CONCURRENCY: '2' } });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await createFirstAdmin(page, app);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('says how to start when nothing was reproduced yet', async () => {
    await page.goto(url('/runs'));
    await page.getByRole('heading', { name: 'No reproduction yet' }).waitFor();
    await screenshot(page, 'runs-empty');
  });

  it('shows the app\'s worker, live, offering the host executor', async () => {
    await page.goto(url('/workers'));
    const row = page.locator('table[data-testid="workers"] tr[data-state="live"]');
    await row.first().waitFor({ timeout: 30_000 });
    expect(await row.count()).toBe(1);
    expect(squash(await row.innerText())).toMatch(/0 \/ 2 host/);
    await screenshot(page, 'workers');
  });

  it('queues the notebooks ticked in the notebooks list', async () => {
    await page.goto(url('/import'));
    await page.getByTestId('file-input').setInputFiles([corpusFile(LDA), corpusFile(LOSS)]);
    const rows = page.locator('table[data-testid="upload-results"] tr[data-status="imported"]');
    await expect.poll(() => rows.count(), { timeout: 60_000 }).toBe(2);

    await page.goto(url('/notebooks'));
    await page.locator('table.list tbody tr').nth(1).waitFor();
    await page.getByRole('checkbox', { name: "select this page's notebooks" }).check();
    await page.getByRole('button', { name: 'Reproduce 2 selected' }).click();
    await expect.poll(async () => squash(await page.getByTestId('reproduce-result').innerText()), { timeout: 15_000 }).toMatch(/^2 queued/);
    await screenshot(page, 'notebooks-reproduce');
  });

  it('watches /runs update until every job is done', async () => {
    await page.getByRole('link', { name: 'watch on Runs →' }).click();
    await page.waitForURL(url('/runs'));
    await page.getByTestId('queue-depth').waitFor();
    await screenshot(page, 'runs-live');
    // The page polls by itself: no reload from here on.
    const done = page.locator('[data-testid="queue-depth"] [data-state="completed"] strong');
    await expect.poll(async () => Number(await done.innerText()), { timeout: 150_000, interval: 1000 }).toBe(2);
    await expect.poll(async () => page.locator('table[data-testid="jobs"] tr[data-state="completed"]').count(), { timeout: 10_000 }).toBe(2);
    const stats = await api<Stats>(app, '/api/jobs/stats');
    expect(stats.depth).toMatchObject({ created: 0, retry: 0, active: 0, completed: 2, failed: 0 });

    const table = page.getByTestId('jobs');
    const lda = table.locator('tr', { hasText: 'LDA' }).or(table.locator('tr', { hasText: 'lda' })).first();
    await expect.poll(async () => lda.locator('[data-status]').getAttribute('data-status'), { timeout: 10_000 }).toBe('ok');
    const loss = table.locator('tr[data-state="completed"]', { has: page.locator('[data-status="exception"]') });
    expect(squash(await loss.innerText())).toContain('FileNotFoundError');

    // The summary counts them: 1 ok, 1 exception (FileNotFoundError), shares of 2.
    const summary = page.getByTestId('summary-table');
    await expect.poll(async () => squash(await summary.locator('tr[data-metric="ok"]').innerText()), { timeout: 15_000 }).toBe('ok 50.0 % 1 of 2');
    expect(squash(await summary.locator('tr[data-metric="exception"]').innerText())).toBe('exception 50.0 % 1');
    await page.locator('[data-testid="summary"] [role="figure"] svg').first().waitFor();
    await screenshot(page, 'runs-done');

    const csv = await (await fetch(url('/api/executions/summary?format=csv'), { headers: authHeaders(app) })).text();
    expect(csv).toContain('share_ok,0.5,2');
    expect(csv).toContain('exception:FileNotFoundError,1,1');
  });

  it('opens a job\'s log in the drawer', async () => {
    const row = page.getByTestId('jobs').locator('tr', { has: page.locator('[data-status="exception"]') });
    await row.locator('td').nth(1).click();
    const drawer = page.getByTestId('log-drawer');
    await drawer.waitFor();
    await expect.poll(async () => (await drawer.getByTestId('job-log').innerText()).length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(squash(await drawer.innerText())).toContain('FileNotFoundError');
    await screenshot(page, 'runs-log');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
  });

  it('opens the execution: per-cell durations and each figure beside its original', async () => {
    const { items } = await api<Jobs>(app, '/api/jobs');
    const ok = items.find((j) => j.status === 'ok')!;
    expect(ok?.executionId).toBeTruthy();
    await page.getByTestId('jobs').locator(`tr[data-job="${ok.id}"]`).getByRole('link', { name: 'result →' }).click();
    await page.waitForURL(url(`/executions/${ok.executionId}`));
    const pairs = page.getByTestId('pairs').locator(':scope > [data-outcome]');
    await pairs.first().waitFor();
    expect(await pairs.count()).toBe(2);
    // Both sides of the first pair are real images, and the outcome is one of the four.
    expect(await imageWidth(page, '[data-testid="pairs"] img[alt="original figure"]')).toBeGreaterThan(0);
    expect(await imageWidth(page, '[data-testid="pairs"] img[alt="reproduced figure"]')).toBeGreaterThan(0);
    expect(['same', 'different']).toContain(await pairs.first().getAttribute('data-outcome'));
    await page.locator('[role="figure"][aria-label="seconds per cell"] svg').waitFor();
    await screenshot(page, 'execution');
  });

  it('opens a reproduced visualisation, which links back to its original', async () => {
    await page.getByRole('link', { name: /^reproduced visualisation/ }).first().click();
    await page.waitForURL(/\/visualisations\/\d+$/);
    const links = page.getByTestId('figure-links');
    await links.waitFor();
    const original = links.getByRole('link', { name: /^original figure #\d+/ });
    await original.waitFor();
    await screenshot(page, 'reproduced-visualisation');
    await original.click();
    await page.waitForURL(/\/visualisations\/\d+$/);
    await page.getByTestId('figure-links').getByRole('link', { name: /^reproduced figure #\d+/ }).waitFor();
  });

  it('lists the reproduction on the original notebook\'s page', async () => {
    const { items } = await api<Jobs>(app, '/api/jobs');
    const ok = items.find((j) => j.status === 'ok')!;
    await page.goto(url(`/notebooks/${ok.notebookId}`));
    const rows = page.getByTestId('reproductions').locator('tr[data-execution]');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    expect(squash(await rows.innerText())).toContain('ok');
    await screenshot(page, 'notebook-reproductions');

    // Reproducing it again from its page: the job shows there while it waits and runs, then its result.
    await page.getByTestId('reproduce').click();
    await expect.poll(async () => squash(await page.getByTestId('reproduce-result').innerText()), { timeout: 15_000 }).toMatch(/^1 queued/);
    await page.getByTestId('pending-job').first().waitFor({ timeout: 10_000 });
    await expect.poll(() => rows.count(), { timeout: 120_000, interval: 1000 }).toBe(2);
    await page.getByTestId('pending-job').first().waitFor({ state: 'detached', timeout: 10_000 });
  });

  it('marks an executed notebook as a reproduction of its original, without a Reproduce button', async () => {
    const { items } = await api<Jobs>(app, '/api/jobs');
    const ok = items.find((j) => j.status === 'ok')!;
    const detail = await api<{ executedNotebookId: number | null; notebookId: number }>(app, `/api/executions/${ok.executionId}`);
    expect(detail.executedNotebookId).toBeTruthy();
    await page.goto(url(`/notebooks/${detail.executedNotebookId}`));
    const box = page.getByTestId('reproductions');
    await box.waitFor();
    expect(squash(await box.innerText())).toMatch(/^This notebook is a reproduction: the executed version of the original notebook \(execution #\d+, ok\)\.$/);
    expect(await box.getByRole('link', { name: 'the original notebook' }).getAttribute('href')).toBe(`/notebooks/${detail.notebookId}`);
    expect(await page.getByTestId('reproduce').count()).toBe(0);
  });

  it('pauses the queue, cancels and retries a waiting job, and resumes', async () => {
    await page.goto(url('/runs'));
    await page.getByTestId('pause').click();
    const depth = page.getByTestId('queue-depth');
    await depth.getByText('queue paused').waitFor();
    await page.getByRole('button', { name: 'Reproduce all notebooks' }).click();
    await expect.poll(async () => squash(await page.getByTestId('reproduce-result').innerText()), { timeout: 15_000 }).toMatch(/^2 queued/);

    // Paused: the jobs wait, however long the worker polls.
    const waitingRows = page.locator('table[data-testid="jobs"] tr[data-state="created"]');
    await expect.poll(() => waitingRows.count(), { timeout: 10_000 }).toBe(2);
    await new Promise((r) => setTimeout(r, 4000));
    expect(await waitingRows.count()).toBe(2);
    expect(await depth.locator('[data-state="active"] strong').innerText()).toBe('0');
    await screenshot(page, 'runs-paused');

    const job = await waitingRows.first().getAttribute('data-job');
    const row = page.locator(`table[data-testid="jobs"] tr[data-job="${job}"]`);
    await row.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 10_000 }).toBe('cancelled');
    await row.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 10_000 }).toBe('created');

    // P resumes (the keyboard shortcut), and both run to the end.
    await page.keyboard.press('p');
    await depth.getByText('queue paused').waitFor({ state: 'detached', timeout: 10_000 });
    await expect.poll(async () => (await api<Stats>(app, '/api/jobs/stats')).depth, { timeout: 120_000, interval: 1000 }).toMatchObject({ created: 0, retry: 0, active: 0 });
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 10_000 }).toBe('completed');
  });
});
