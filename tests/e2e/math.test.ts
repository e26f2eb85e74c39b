// Math in notebook markdown ($…$ and $$…$$) is typeset by KaTeX inside the sanitiser: no script is
// added, and the stylesheet and fonts come from this app, never from another host.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumMissing, importOneThroughPage, openApp, RESULTS_DIR, screenshot, squash, type RunningApp } from './app';

const NOTEBOOK = {
  nbformat: 4,
  nbformat_minor: 5,
  metadata: { kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' } },
  cells: [
    { cell_type: 'markdown', metadata: {}, source: ['# Euler\n', '\n', "Euler's identity $e^{i\\pi}+1=0$ links five constants.\n", '\n', '$$\\sum_{k=1}^{n} k = \\frac{n(n+1)}{2}$$\n'] },
    { cell_type: 'code', execution_count: 1, metadata: {}, source: 'print(1)', outputs: [] },
  ],
};

describe.skipIf(chromiumMissing())('math in markdown', () => {
  let app: RunningApp;
  let close: () => Promise<void>;
  let page: Page;
  let tmp: string;
  const elsewhere: string[] = [];
  const fonts: string[] = [];

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vizmine-e2e-math-'));
    fs.writeFileSync(path.join(tmp, 'euler.ipynb'), JSON.stringify(NOTEBOOK));
    ({ app, page, close } = await openApp());
    const own = new URL(app.baseUrl).host;
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.protocol !== 'data:' && u.host !== own) elsewhere.push(r.url());
      if (r.resourceType() === 'font') fonts.push(r.url());
    });
  });
  afterAll(async () => {
    await close?.();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('renders $e^{i\\pi}+1=0$ as math, with no script and no request to another host', async () => {
    const notebookId = await importOneThroughPage(page, app, path.join(tmp, 'euler.ipynb'));

    await page.goto(`${app.baseUrl}/notebooks/${notebookId}`);
    const md = page.locator('.nb .markdown').first();
    await md.getByRole('heading', { name: 'Euler' }).waitFor();
    const inline = md.locator('p .katex').first();
    await inline.waitFor();
    // KaTeX keeps the TeX source in its MathML annotation and draws the formula in its own spans.
    expect(await inline.locator('annotation[encoding="application/x-tex"]').textContent()).toBe('e^{i\\pi}+1=0');
    expect(await inline.locator('.katex-html .msupsub').count()).toBeGreaterThan(0); // the superscript is typeset
    expect(await md.locator('.katex-display').count()).toBe(1); // $$…$$ as a block
    const text = squash(await md.innerText());
    expect(text).not.toContain('$e^');
    expect(text).not.toContain('$$');
    expect(await md.locator('script').count()).toBe(0);

    // KaTeX's fonts were loaded, from this app; nothing went to another host.
    await page.evaluate(() => document.fonts.ready);
    expect(await page.evaluate(() => document.fonts.check('16px KaTeX_Main'))).toBe(true);
    expect(fonts.some((f) => /KaTeX_Main/.test(f))).toBe(true);
    expect(elsewhere).toEqual([]);

    await screenshot(page, 'math-notebook');
    await md.screenshot({ path: path.join(RESULTS_DIR, 'math-markdown.png') });
  });
});
