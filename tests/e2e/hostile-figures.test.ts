// Hostile interactive figures (plotly JSON, plotly HTML, Vega-Lite, bokeh, HTML outputs) that try to
// reach another host, run script in the app, read its cookies and storage, navigate it, open dialogs
// and submit forms. A listener on 127.0.0.1 (its own port: the app is on another) stands in for the
// other host; nothing may reach it, and the app's page must stay as it was.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { api, chromiumMissing, importOneThroughPage, openApp, screenshot, sleep, type RunningApp } from './app';
import { ESCAPED_SCRIPT, hostileNotebook } from './hostile-notebook';

describe.skipIf(chromiumMissing())('hostile interactive figures', () => {
  let app: RunningApp;
  let close: () => Promise<void>;
  let page: Page;
  let tmp: string;
  let listener: http.Server;
  let L: string; // the other host: http://127.0.0.1:<listener port>
  const reached: string[] = []; // every connection and request that reached the listener
  const answered: string[] = []; // every response the browser got from it (requests the CSP blocks never get one)
  const dialogs: string[] = [];
  const mainFrameUrls: string[] = [];
  const url = (p: string) => `${app.baseUrl}${p}`;
  let vis: Array<{ id: number; kind: string; cellPosition: number }> = [];

  beforeAll(async () => {
    listener = http.createServer((req, res) => {
      reached.push(`${req.method} ${req.url}`);
      res.end('pwned');
    });
    listener.on('connection', () => reached.push('connection'));
    await new Promise<void>((r) => listener.listen(0, '127.0.0.1', r));
    L = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vizmine-e2e-hostile-'));
    fs.writeFileSync(path.join(tmp, 'hostile.ipynb'), JSON.stringify(hostileNotebook(L), null, 1));
    ({ app, page, close } = await openApp());
    expect(new URL(app.baseUrl).port).not.toBe(new URL(L).port);
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      d.dismiss().catch(() => {});
    });
    page.on('response', (r) => {
      if (r.url().startsWith(L)) answered.push(r.url());
    });
    page.on('framenavigated', (f) => {
      if (f === page.mainFrame()) mainFrameUrls.push(f.url());
    });
    await page.evaluate(() => localStorage.setItem('vizmine-sentinel', 'kept'));
  });
  afterAll(async () => {
    await close?.();
    await new Promise((r) => listener?.close(r));
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  let cookiesBefore: string;
  const cookies = async () => JSON.stringify((await page.context().cookies()).map((c) => [c.name, c.value, c.domain, c.path]).sort());

  /** Nothing got out: no request, no dialog, cookies and storage as they were, the page where it was. */
  async function assertContained(at: string) {
    await sleep(2_000);
    expect(reached, 'requests that reached the other host').toEqual([]);
    expect(answered, 'responses from the other host').toEqual([]);
    expect(dialogs).toEqual([]);
    expect(await cookies()).toBe(cookiesBefore);
    expect(await page.evaluate(() => ({ ...localStorage }))).toEqual({ 'vizmine-sentinel': 'kept' });
    expect(page.url()).toBe(url(at));
    expect(mainFrameUrls.every((u) => u.startsWith(app.baseUrl)), mainFrameUrls.join(', ')).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  }

  /** Clicks every link and submit button inside the figure and output frames (a user would): none may go anywhere. */
  async function clickInFrames() {
    for (const frame of page.frames().filter((f) => f !== page.mainFrame())) {
      const targets = await frame.$$('input[type=submit], a').catch(() => []);
      for (const el of targets) await el.click({ force: true, timeout: 2_000 }).catch(() => {}); // inert content refuses the click
    }
  }

  it('imports the hostile notebook: each figure is extracted with its kind', async () => {
    const notebookId = await importOneThroughPage(page, app, path.join(tmp, 'hostile.ipynb'));
    ({ items: vis } = await api<{ items: typeof vis }>(app, `/api/visualisations?notebook=${notebookId}`));
    expect(vis.map((v) => v.kind)).toEqual(['plotly', 'plotly', 'vega-lite', 'vega-lite', 'bokeh', 'html']);
    cookiesBefore = await cookies();
    expect(cookiesBefore).not.toBe('[]'); // signed in: there is a session cookie to protect
    await page.goto(url(`/notebooks/${notebookId}`));
    await page.locator('iframe[title="plotly figure"]').first().waitFor({ timeout: 60_000 });
    await assertContained(`/notebooks/${notebookId}`);
    await screenshot(page, 'hostile-figures-notebook-top');
  });

  it('the notebook page draws every figure and lets none of them out', async () => {
    const at = new URL(page.url()).pathname;
    // The figures really are drawn: both plotly figures, the Vega-Lite chart, the HTML outputs.
    const plotly = page.locator('iframe[title="plotly figure"]');
    expect(await plotly.count()).toBe(2);
    for (let i = 0; i < 2; i++) await page.frameLocator('iframe[title="plotly figure"]').nth(i).locator('.main-svg').first().waitFor({ timeout: 120_000 });
    await page.locator('[role="figure"][aria-label="vega-lite figure"] svg .mark-rect').first().waitFor();
    await page.frameLocator('iframe[title="notebook output"]').first().getByText('Harmless table').waitFor();
    await clickInFrames();
    // A click on a Vega mark with an href: the loader refuses the link.
    await page.locator('[role="figure"][aria-label="vega-lite figure"] svg .mark-rect path').first().click({ force: true });
    await assertContained(at);
    await screenshot(page, 'hostile-figures-notebook');
  });

  it('each visualisation page draws its figure and lets nothing out', async () => {
    for (const v of vis) {
      await page.goto(url(`/visualisations/${v.id}`));
      if (v.kind === 'plotly') await page.frameLocator('iframe[title="plotly figure"]').locator('.main-svg').first().waitFor({ timeout: 120_000 });
      if (v.kind === 'vega-lite') await page.locator('[role="figure"][aria-label="vega-lite figure"]').waitFor();
      if (v.kind === 'bokeh') await page.getByText('bokeh figure').waitFor();
      if (v.kind === 'html') await page.frameLocator('iframe[title^="HTML figure"]').getByText('Harmless bokeh text').waitFor();
      await clickInFrames();
      await assertContained(`/visualisations/${v.id}`);
      await screenshot(page, `hostile-figures-vis-${v.cellPosition}-${v.kind}`);
    }
  });

  it('even script running inside the plotly frame (as a plotly.js flaw would allow) is contained', async () => {
    const v = vis.find((x) => x.kind === 'plotly')!;
    await page.goto(url(`/visualisations/${v.id}`));
    await page.frameLocator('iframe[title="plotly figure"]').locator('.main-svg').first().waitFor({ timeout: 120_000 });
    const frame = page.frames().find((f) => f !== page.mainFrame()) as Frame;
    const outcome = await frame.evaluate(ESCAPED_SCRIPT, L);
    expect(outcome).toEqual({
      fetch: 'blocked',
      xhr: 'blocked',
      beacon: 'done', // queued; the CSP then drops it (nothing reaches the listener)
      websocket: 'blocked',
      image: 'blocked',
      font: 'blocked',
      cookie: 'blocked',
      localStorage: 'blocked',
      parentDocument: 'blocked',
      parentStorage: 'blocked',
      topLocation: 'blocked',
      open: 'blocked',
      alert: 'done', // returns at once: the sandbox ignores it (no dialog; checked below)
      form: 'done', // submit() returns; the sandbox drops the submission (nothing reaches the listener)
    });
    await assertContained(`/visualisations/${v.id}`);
  });
});
