// A strategy preview with no Kaggle credentials, in the browser: the Strategies page says none are
// configured and links to Settings, and the preview names the missing credentials at once — not
// "something went wrong" after a long wait.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { authHeaders, chromiumMissing, openApp, screenshot, type RunningApp } from './app';

describe.skipIf(chromiumMissing())('strategy errors that say how to fix them', () => {
  let app: RunningApp;
  let page: Page;
  let close: () => Promise<void>;
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'vizmine-nohome-'));
  const url = (p: string) => `${app.baseUrl}${p}`;

  beforeAll(async () => {
    // No credentials anywhere: none in the environment, no ~/.kaggle of the developer's.
    ({ app, page, close } = await openApp({
      env: { HOME: home, KAGGLE_API_TOKEN: undefined, KAGGLE_USERNAME: undefined, KAGGLE_KEY: undefined, KAGGLE_CONFIG_DIR: undefined, KAGGLE_API_BASE_URL: 'http://127.0.0.1:9' },
    }));
  });
  afterAll(async () => close?.());

  it('says on the Strategies page that no credentials are configured, with a link to Settings', async () => {
    await page.goto(url('/strategies'));
    const note = page.getByText('No Kaggle credentials are configured.');
    await note.waitFor({ timeout: 30_000 });
    expect(await page.getByRole('link', { name: 'add them in Settings' }).getAttribute('href')).toBe('/settings');
    await screenshot(page, 'strategy-errors-no-credentials');
  });

  it('names the missing credentials when a preview is asked for', async () => {
    const res = await fetch(url('/api/strategies'), {
      method: 'POST',
      headers: authHeaders(app, { 'Content-Type': 'application/json' }),
      body: JSON.stringify({ name: 'Titanic top 10', filters: { competitions: ['titanic'] }, sampling: { kind: 'top-k', k: 10 } }),
    });
    expect(res.status).toBeLessThan(300);
    const { id } = (await res.json()) as { id: number };
    await page.goto(url(`/strategies/${id}`));
    const started = Date.now();
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    const error = page.getByRole('region', { name: 'preview' });
    await error.getByText(/No Kaggle credentials are configured/).waitFor({ timeout: 30_000 });
    const text = await error.innerText();
    expect(text).toMatch(/Settings page/);
    expect(text).not.toMatch(/Something went wrong/);
    expect(Date.now() - started).toBeLessThan(15_000);
    await screenshot(page, 'strategy-errors-preview');
  });
});
