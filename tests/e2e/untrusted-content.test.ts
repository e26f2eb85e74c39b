// A hostile notebook: script in markdown, in an HTML output and in an SVG figure. Nothing of it
// may run in the app's pages, yet the harmless content around it must still be shown.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { api, authHeaders, chromiumMissing, imageWidth, openApp, screenshot, sleep, squash, type RunningApp } from './app';

const MARKDOWN = [
  '# Untrusted notebook\n',
  '\n',
  'Harmless words before the payloads.\n',
  '\n',
  '<script>window.__pwned=1;alert(1)</script>\n',
  '\n',
  '<img src=x onerror="window.__pwned=2;alert(2)">\n',
  '\n',
  'Here is a [link](javascript:alert(3)) in a sentence.\n',
  '\n',
  'Harmless words after the payloads.',
];
const HTML = '<script>parent.__pwned=3;alert(4)</script><img src=x onerror="alert(5)"><b>bold table</b>';
const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="240" height="120" onload="alert(7)">' +
  '<script>alert(6)</script><rect id="evil-rect" x="10" y="10" width="220" height="100" fill="#3366cc"/></svg>';

const code = (source: string, outputs: unknown[]) => ({ cell_type: 'code', execution_count: 1, metadata: {}, source, outputs });
const NOTEBOOK = {
  nbformat: 4,
  nbformat_minor: 5,
  metadata: { kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' } },
  cells: [
    { cell_type: 'markdown', metadata: {}, source: MARKDOWN },
    code('import matplotlib.pyplot as plt\ndisplay(SVG(evil_svg))', [
      { output_type: 'display_data', metadata: {}, data: { 'image/svg+xml': SVG, 'text/plain': '<SVG>' } },
    ]),
    { cell_type: 'markdown', metadata: {}, source: 'The figure above is an SVG.' },
    code('display(HTML(evil_html))', [{ output_type: 'display_data', metadata: {}, data: { 'text/html': HTML, 'text/plain': '<HTML>' } }]),
  ],
};

describe.skipIf(chromiumMissing())('untrusted notebook content', () => {
  let app: RunningApp;
  let close: () => Promise<void>;
  let page: Page;
  let tmp: string;
  const dialogs: string[] = [];
  const url = (p: string) => `${app.baseUrl}${p}`;

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vizmine-e2e-nb-'));
    fs.writeFileSync(path.join(tmp, 'untrusted.ipynb'), JSON.stringify(NOTEBOOK, null, 1));
    ({ app, page, close } = await openApp());
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      d.dismiss().catch(() => {}); // may already be gone (e.g. blocked in a frame)
    });
  });
  afterAll(async () => {
    await close?.();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** Nothing ran: no alert, no global set, none of the payloads left in the page's own DOM. */
  async function assertNothingRan() {
    await sleep(2_000);
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    const dom = await page.evaluate(() => {
      const body = document.body.cloneNode(true) as HTMLElement;
      body.querySelectorAll('iframe').forEach((f) => f.remove()); // sandboxed, checked on its own
      return body.outerHTML;
    });
    for (const payload of ['alert(1)', 'alert(2)', 'alert(3)', 'alert(6)', 'alert(7)', 'evil-rect', 'onerror']) expect(dom).not.toContain(payload);
  }

  let notebookId: number;
  let vis: { id: number; blobSha256: string };

  it('imports the notebook through the page', async () => {
    await page.goto(url('/import'));
    await page.getByTestId('file-input').setInputFiles(path.join(tmp, 'untrusted.ipynb'));
    const row = page.locator('table[data-testid="upload-results"] tr[data-status]');
    await row.waitFor({ timeout: 60_000 });
    expect(await row.getAttribute('data-status')).toBe('imported');
    notebookId = Number((await row.getByRole('link', { name: 'open' }).getAttribute('href'))!.split('/').pop());
    const { items } = await api<{ items: { id: number; blobSha256: string; mime: string }[] }>(app, `/api/visualisations?notebook=${notebookId}`);
    expect(items.map((v) => v.mime)).toEqual(['image/svg+xml']);
    vis = items[0];
    await screenshot(page, 'untrusted-import');
  });

  it('renders the notebook page without running any of it', async () => {
    await page.goto(url(`/notebooks/${notebookId}`));
    const md = page.locator('.nb .markdown').first();
    await md.getByRole('heading', { name: 'Untrusted notebook' }).waitFor();
    const text = squash(await md.innerText());
    expect(text).toContain('Harmless words before the payloads.');
    expect(text).toContain('Here is a link in a sentence.');
    expect(text).toContain('Harmless words after the payloads.');
    // The javascript: link lost its target; clicking it does nothing.
    const link = md.getByText('link', { exact: true });
    expect(await link.getAttribute('href')).toBeNull();
    await link.click();

    // The HTML output: its harmless part inside an iframe whose sandbox allows nothing.
    const frame = page.locator('iframe[title="notebook output"]');
    await frame.waitFor();
    const sandbox = await frame.getAttribute('sandbox');
    expect(sandbox).not.toBeNull();
    expect(sandbox).not.toContain('allow-scripts');
    await page.frameLocator('iframe[title="notebook output"]').locator('b', { hasText: 'bold table' }).waitFor({ state: 'visible' });

    // The SVG: an <img> of the blob, never inline markup.
    expect(await imageWidth(page, `.nb img[src="/api/blobs/${vis.blobSha256}"]`)).toBe(240);
    expect(await page.locator('.nb svg').count()).toBe(0);
    await assertNothingRan();
    await screenshot(page, 'untrusted-notebook');
  });

  it('renders the SVG visualisation page without running it', async () => {
    await page.goto(url(`/visualisations/${vis.id}`));
    expect(await imageWidth(page, `img[alt="visualisation ${vis.id}"]`)).toBe(240);
    expect(await page.locator('img[alt^="visualisation"]').getAttribute('src')).toBe(`/api/blobs/${vis.blobSha256}`);
    const before = page.getByTestId('context-before');
    await before.waitFor();
    expect(squash(await before.innerText())).toContain('Here is a link in a sentence.');
    expect(squash(await page.getByTestId('context-after').innerText())).toBe('The figure above is an SVG.');
    await assertNothingRan();
    await screenshot(page, 'untrusted-visualisation');
  });

  it('serves the SVG blob as a sandboxed document, even when opened directly', async () => {
    const res = await fetch(url(`/api/blobs/${vis.blobSha256}`), { headers: authHeaders(app) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('image/svg+xml');
    expect(res.headers.get('content-security-policy')).toMatch(/(^|;)\s*sandbox\b/);
    expect(await res.text()).toContain('alert(6)'); // stored as uploaded; only its serving is defused

    await page.goto(url(`/api/blobs/${vis.blobSha256}`));
    await sleep(2_000);
    expect(dialogs).toEqual([]);
  });
});
