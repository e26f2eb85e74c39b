// Interactive figures as images, end to end: a notebook with a plotly, a Vega-Lite and a bokeh figure
// is imported into the running app; its worker draws each to a PNG in the background; the gallery
// shows their thumbnails, the bokeh figure is drawn by BokehJS on its page, and a coder codes a region
// of the plotly figure on its rendered image in the workspace.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figureNotebook } from '../helpers/figure-notebook';
import { api, authHeaders, chromiumMissing, openApp, screenshot, signIn, type RunningApp } from './app';

interface Gallery { items: { id: number; kind: string; blobSha256: string | null; hasThumbnail: boolean; rendered: boolean; renderError: string | null }[] }
const CODER = { name: 'Cleo Coder', email: 'cleo@example.org', password: 'cleo-password-1' };

describe.skipIf(chromiumMissing())('interactive figures rendered as images', () => {
  let app: RunningApp;
  let close: () => Promise<void>;
  let page: Page;
  let figures: Gallery['items'];
  const url = (p: string) => `${app.baseUrl}${p}`;
  const post = async (route: string, body: unknown) => {
    const res = await fetch(url(route), { method: 'POST', headers: authHeaders(app, { 'Content-Type': 'application/json' }), body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`POST ${route} answered ${res.status}: ${await res.text()}`);
    return res.json() as Promise<{ id: number | string }>;
  };

  beforeAll(async () => {
    ({ app, page, close } = await openApp({ page: { viewport: { width: 1400, height: 950 } } }));
    const form = new FormData();
    // 127.0.0.1:9 (discard): the plotly figure's remote image, which must never load.
    form.set('file', new File([new Uint8Array(figureNotebook('http://127.0.0.1:9'))], 'figures.ipynb'));
    const res = await fetch(url('/api/imports'), { method: 'POST', headers: authHeaders(app), body: form });
    expect(res.status).toBe(200);
  });
  afterAll(() => close?.());

  it('the worker draws every figure; the gallery shows their thumbnails', async () => {
    // Background work on a busy machine: each figure takes seconds.
    await expect
      .poll(async () => (figures = (await api<Gallery>(app, '/api/visualisations?limit=50')).items).filter((v) => v.hasThumbnail || v.renderError).length, { timeout: 240_000, interval: 2_000 })
      .toBe(4);
    expect(figures.map((v) => [v.kind, v.rendered, v.hasThumbnail, v.renderError])).toEqual([
      ['plotly', true, true, null],
      ['vega-lite', true, true, null],
      ['bokeh', true, true, null],
      ['plotly', false, false, 'plotly figure without a data array'],
    ]);
    await page.goto(url('/visualisations'));
    const thumbs = page.locator('img[data-rendered]');
    await expect.poll(() => thumbs.count(), { timeout: 30_000 }).toBe(3);
    // Each thumbnail loaded (a real image, not a broken one).
    await expect.poll(() => thumbs.evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth > 50 && (i as HTMLImageElement).complete)), { timeout: 30_000 }).toEqual([true, true, true]);
    await expect.poll(() => page.getByTestId('thumb').filter({ hasText: 'could not be drawn' }).count(), { timeout: 30_000 }).toBe(1);
    // Long MIME types stay inside their card.
    const overflow = await page.getByTestId('thumb').evaluateAll((cards) => cards.filter((c) => [...c.querySelectorAll('.meta *')].some((m) => m.getBoundingClientRect().right > c.getBoundingClientRect().right + 1)).length);
    expect(overflow).toBe(0);
    await screenshot(page, 'figures-gallery');
  });

  it('draws the bokeh figure with BokehJS on its page', async () => {
    const bokeh = figures.find((v) => v.kind === 'bokeh')!;
    await page.goto(url(`/visualisations/${bokeh.id}`));
    const frame = page.frameLocator('iframe[title="bokeh figure"]');
    // BokehJS draws into a canvas inside its shadow DOM; Playwright's locators pierce it.
    await frame.locator('canvas').first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(1500);
    await screenshot(page, 'figures-bokeh-page');
  });

  it('draws the plotly figure on its page without its remote layout image (no broken-image icon)', async () => {
    await page.goto(url(`/visualisations/${figures[0].id}`));
    const frame = page.frameLocator('iframe[title="plotly figure"]');
    await frame.locator('.main-svg').first().waitFor({ timeout: 60_000 });
    await frame.locator('.bars path').first().waitFor();
    // The figure's only layout image points at another host: it is left out, not drawn as a broken image.
    expect(await frame.locator('svg image').count()).toBe(0);
    await screenshot(page, 'figures-plotly-page');
  });

  it('a coder codes a region of the plotly figure on its rendered image', async () => {
    const plotly = figures[0];
    const studyId = Number((await post('/api/studies', { name: 'Figures' })).id);
    const coder = await post('/api/users', { ...CODER, role: 'coder' });
    await post(`/api/studies/${studyId}/members`, { userId: coder.id, role: 'coder' });
    await post(`/api/studies/${studyId}/codebook`, { name: 'Bar chart', shortcut: 'b' });
    const sample = await post(`/api/studies/${studyId}/samples`, { name: 'Plotly', filters: { kind: 'plotly' }, mode: 'all' });
    await post(`/api/studies/${studyId}/samples/${sample.id}/assign`, { coderIds: [coder.id], order: 'fixed' });

    await signIn(page, app, CODER);
    const queue = await api<{ items: { assignmentId: number; visualisationId: number }[] }>(app, '/api/coding/queue');
    const item = queue.items.find((i) => i.visualisationId === plotly.id)!;
    await page.goto(url(`/coding/${item.assignmentId}`));
    await page.locator('[data-testid="workspace"][data-keys="on"]').waitFor();
    // The workspace shows the rendered PNG (regions need pixels), not the live plotly frame.
    await expect.poll(() => page.locator(`img[src="/api/blobs/${plotly.blobSha256}"]`).evaluate((i) => (i as HTMLImageElement).naturalWidth), { timeout: 30_000 }).toBeGreaterThan(400);
    await page.keyboard.press('r');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowDown');
    await page.getByTestId('draft-region').waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('choose-region-code').waitFor();
    await page.keyboard.press('b');
    await page.getByTestId('my-region').waitFor();
    await screenshot(page, 'figures-plotly-region');
    // Saved in the background (autosave): as stored, a region in fractions of the rendered image.
    const mine = async () => (await api<{ mine: { region: unknown }[] }>(app, `/api/coding/assignments/${item.assignmentId}`)).mine.map((m) => m.region);
    await expect.poll(mine, { timeout: 30_000 }).toEqual([{ x: 0.3, y: 0.25, w: 0.5, h: 0.55 }]);
  });
});
