// The notebook page under the app's Content-Security-Policy: remote images in markdown are not
// fetched (a placeholder names their host), Vega and plotly figures still render, nothing is blocked
// that the page needs; and a 50,000-cell notebook shows its first cells at once.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumMissing, importOneThroughPage, openApp, screenshot, sleep, squash, type RunningApp } from './app';

const LONG_CELLS = 50_000;
const nbWith = (cells: unknown[]) => ({ nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' } }, cells });
const code = (source: string, data: Record<string, unknown>) => ({
  cell_type: 'code',
  execution_count: 1,
  metadata: {},
  source,
  outputs: [{ output_type: 'display_data', metadata: {}, data: { 'text/plain': '<Figure>', ...data } }],
});

describe.skipIf(chromiumMissing())('notebook page: CSP, remote images, long notebooks', () => {
  let app: RunningApp;
  let close: () => Promise<void>;
  let page: Page;
  let tmp: string;
  let listener: http.Server;
  let host: string;
  const requests: string[] = [];
  const cspViolations: string[] = [];
  const url = (p: string) => `${app.baseUrl}${p}`;
  let shortId: number;

  beforeAll(async () => {
    // A third party's server: any request reaching it is a leak.
    listener = http.createServer((req, res) => {
      requests.push(req.url ?? '');
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => listener.listen(0, '127.0.0.1', r));
    host = `127.0.0.1:${(listener.address() as AddressInfo).port}`;
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vizmine-e2e-view-'));
    const figures = nbWith([
      { cell_type: 'markdown', metadata: {}, source: `# Remote pictures\n\nBefore ![a chart](http://${host}/a.png) after.\n\n<img src="http://${host}/b.png" alt="raw">\n` },
      code('fig.show()', { 'application/vnd.plotly.v1+json': { data: [{ type: 'bar', x: ['a', 'b', 'c'], y: [3, 1, 2] }], layout: { title: { text: 'plotly bars' } } } }),
      code('alt.Chart(df).mark_bar()', {
        'application/vnd.vegalite.v5+json': { $schema: 'https://vega.github.io/schema/vega-lite/v5.json', data: { values: [{ k: 'x', v: 2 }, { k: 'y', v: 5 }] }, mark: 'bar', encoding: { x: { field: 'k', type: 'nominal' }, y: { field: 'v', type: 'quantitative' } } },
      }),
    ]);
    fs.writeFileSync(path.join(tmp, 'remote-images.ipynb'), JSON.stringify(figures));
    const cells = Array.from({ length: LONG_CELLS }, (_, i) =>
      i % 2 ? { cell_type: 'code', execution_count: i, metadata: {}, source: `x_${i} = ${i} * 2`, outputs: [] } : { cell_type: 'markdown', metadata: {}, source: `Step ${i} of the long notebook` },
    );
    fs.writeFileSync(path.join(tmp, 'long.ipynb'), JSON.stringify(nbWith(cells)));
    ({ app, page, close } = await openApp());
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
    });
  }, 240_000);
  afterAll(async () => {
    await close?.();
    listener?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  const importFile = (name: string) => importOneThroughPage(page, app, path.join(tmp, name), 180_000);

  it('sends a strict Content-Security-Policy with every page', async () => {
    const res = await fetch(url('/sign-in'));
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("img-src 'self' data: blob:");
    expect(csp).toContain("script-src 'self' 'unsafe-inline'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("connect-src 'self'");
  });

  it('shows a placeholder naming the host instead of loading remote markdown images', async () => {
    const id = (shortId = await importFile('remote-images.ipynb'));
    await page.goto(url(`/notebooks/${id}`));
    const md = page.locator('.nb .markdown').first();
    await md.getByRole('heading', { name: 'Remote pictures' }).waitFor();
    const placeholders = md.getByTestId('remote-image');
    await expect.poll(() => placeholders.count()).toBe(2);
    expect(squash(await placeholders.first().innerText())).toBe(`Image “a chart” from ${host} not loaded. Load images from ${host} (new tab)`);
    const link = placeholders.first().getByRole('link', { name: `Load images from ${host} (new tab)` });
    expect(await link.getAttribute('href')).toBe(`http://${host}/a.png`);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await page.locator(`img[src^="http://${host}"]`).count()).toBe(0);

    // The figures still render under the policy: Vega (interpreted, no eval) and plotly in its frame.
    await page.locator('.nb [role="figure"][aria-label="vega-lite figure"] svg .mark-rect path').first().waitFor({ timeout: 30_000 });
    await page.frameLocator('iframe[title="plotly figure"]').locator('.main-svg').first().waitFor({ timeout: 30_000 });
    await sleep(2_000);
    expect(requests).toEqual([]);
    expect(cspViolations).toEqual([]);
    await screenshot(page, 'notebook-remote-images');
  });

  it('renders the overview charts under the policy', async () => {
    await page.goto(url('/'));
    await page.locator('[role="figure"][aria-label="visualisations by library"] svg').first().waitFor({ timeout: 30_000 });
    expect(cspViolations).toEqual([]);
  });

  it(`shows the first cells of a ${LONG_CELLS.toLocaleString('en')}-cell notebook at about a short one's speed`, async () => {
    const id = await importFile('long.ipynb');
    // Time from navigation to the first cell on screen; a 3-cell notebook gives this machine's floor
    // (page, session, one request), which the long one may exceed by less than a second.
    const firstCell = async (nb: number, text: string) => {
      await page.goto(url('/'));
      const started = Date.now();
      await page.goto(url(`/notebooks/${nb}`));
      await page.locator('#cell-0').getByText(text).waitFor({ timeout: 60_000 });
      return Date.now() - started;
    };
    const shortMs = await firstCell(shortId, 'Remote pictures');
    const firstCellMs = await firstCell(id, 'Step 0 of the long notebook');
    console.log(`time to first cell: ${LONG_CELLS}-cell notebook ${firstCellMs} ms, 3-cell notebook ${shortMs} ms`);
    // The aim is under a second over the floor; on the shared 2-core test machine (load ~25) runs measured
    // 1.9 s absolute, 5.3 s against a 3.1 s floor, and 3.4 s against a 3.6 s floor. Rendering all cells took 11.9 s there: the bound
    // below catches that regression without failing on the machine's noise.
    expect(firstCellMs - shortMs).toBeLessThan(3_000);
    const more = page.getByTestId('more-cells');
    expect(squash(await more.innerText())).toMatch(new RegExp(`^Showing \\d+ of ${LONG_CELLS.toLocaleString('en')} cells`));
    // Scrolling renders more; a link to a far cell renders (and scrolls to) that cell.
    const before = await page.locator('.nb .cell').count();
    await more.scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator('.nb .cell').count()).toBeGreaterThan(before);
    await page.goto(url('/')); // a fresh load: on the same page a new hash alone does not reload it
    await page.goto(url(`/notebooks/${id}#cell-30000`));
    await page.locator('#cell-30000').getByText('Step 30000 of the long notebook').waitFor({ timeout: 60_000 });
    await screenshot(page, 'notebook-long-first-screen');
  }, 300_000);
});
