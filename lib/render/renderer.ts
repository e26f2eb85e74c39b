import fs from 'node:fs';
import sharp from 'sharp';
import { chromium, type Browser, type BrowserContext, type Route } from 'playwright-core';
import { FIGURE_SANDBOX, HTML_SANDBOX, LIBRARY_SCRIPTS, figureDocument, htmlDocument } from './figure-document';
import type { FigureSource } from './figure-source';
import { vendorScriptFile } from './vendor-scripts';

export const CHROMIUM_PATH = process.env.VIZMINE_CHROMIUM ?? '/usr/bin/chromium';
// Plotly.js (4.8 MB) alone takes many seconds to compile on a busy 2-core machine: 60 s by default,
// VIZMINE_RENDER_TIMEOUT_MS to change. A figure that times out keeps its placeholder and says so.
export const RENDER_TIMEOUT_MS = Number(process.env.VIZMINE_RENDER_TIMEOUT_MS) || 60_000;
// A name that resolves nowhere: every request to it is answered by the route below, or refused.
const ORIGIN = 'http://vizmine-render.invalid';
const HOST_URL = `${ORIGIN}/host`;
const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run',
  // Sandboxed frames in a process of their own start fetching before the route below is attached to
  // them: kept in the page's process, every request of theirs goes through it.
  '--disable-features=IsolateSandboxedIframes',
  '--host-resolver-rules=MAP * ~NOTFOUND'];

// The page around the figure's frame: it frames the figure exactly as the viewer does (sandbox, srcdoc)
// and waits for the frame to say it has drawn.
const HOST_HTML = `<!doctype html><style>html,body{margin:0;background:#fff}iframe{border:0;display:block}</style><body><script>
window.renderFigure = function (o) {
  return new Promise(function (resolve, reject) {
    var f = document.createElement('iframe');
    f.setAttribute('sandbox', o.sandbox);
    f.style.width = o.width + 'px';
    f.style.height = o.height + 'px';
    addEventListener('message', function (e) {
      if (e.source !== f.contentWindow || !e.data) return;
      if (e.data.vizmine === 'drawn') resolve({ width: e.data.width, height: e.data.height });
      else if (e.data.vizmine === 'failed') reject(new Error(e.data.message));
    });
    // A frame with scripts off cannot say it has drawn: its load event is the end.
    if (o.sandbox === '') f.addEventListener('load', function () { resolve({ width: o.width, height: o.height }); });
    f.srcdoc = o.doc;
    document.body.appendChild(f);
  });
};
</script>`;

export interface FigureRenderer {
  /** The figure as a PNG; throws (with the reason) when it fails or takes longer than the timeout. */
  render(source: FigureSource): Promise<Buffer>;
  /** Requests the figures tried to make and that were refused (none reaches the network). */
  readonly refused: string[];
  /** False once the browser has gone (crashed or closed): launch another. */
  connected(): boolean;
  close(): Promise<void>;
}

/** One long-lived headless Chromium with no network; each figure gets a page of its own. */
export async function launchRenderer(opts: { timeoutMs?: number } = {}): Promise<FigureRenderer> {
  if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH} (apt-get install chromium, or set VIZMINE_CHROMIUM)`);
  const timeoutMs = opts.timeoutMs ?? RENDER_TIMEOUT_MS;
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: LAUNCH_ARGS, headless: true });
  const refused: string[] = [];
  const context: BrowserContext = await browser.newContext({ viewport: { width: 1300, height: 1000 }, serviceWorkers: 'block', acceptDownloads: false });
  await context.route('**/*', (route) => serve(route, refused));
  if (process.env.VIZMINE_RENDER_DEBUG) context.on('console', (m) => console.log('[render console]', m.text().slice(0, 300)));
  return {
    refused,
    render: (source) => renderOne(context, source, timeoutMs),
    connected: () => browser.isConnected(),
    async close() {
      await browser.close().catch(() => {});
    },
  };
}

async function serve(route: Route, refused: string[]): Promise<void> {
  const url = route.request().url();
  if (url === HOST_URL) return route.fulfill({ status: 200, contentType: 'text/html', body: HOST_HTML });
  const file = url.startsWith(`${ORIGIN}/vendor/`) ? vendorScriptFile(url.slice(`${ORIGIN}/vendor/`.length)) : null;
  if (file) return route.fulfill({ status: 200, contentType: 'text/javascript', body: await fs.promises.readFile(file) });
  refused.push(url.slice(0, 200));
  return route.abort('blockedbyclient');
}

async function renderOne(context: BrowserContext, source: FigureSource, timeoutMs: number): Promise<Buffer> {
  const page = await context.newPage();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`rendering took longer than ${timeoutMs / 1000} s`)), timeoutMs);
  });
  try {
    return await Promise.race([draw(page, source), timeout]);
  } finally {
    clearTimeout(timer);
    await page.close().catch(() => {});
  }
}

async function draw(page: import('playwright-core').Page, source: FigureSource): Promise<Buffer> {
  await page.goto(HOST_URL);
  const doc =
    'library' in source
      ? figureDocument({ library: source.library, scriptSrcs: LIBRARY_SCRIPTS[source.library].map((n) => `${ORIGIN}/vendor/${n}`), figure: source.figure })
      : htmlDocument(source.html);
  const sandbox = 'library' in source ? FIGURE_SANDBOX : HTML_SANDBOX;
  await page.evaluate((o) => (window as unknown as { renderFigure(o: unknown): Promise<{ width: number; height: number }> }).renderFigure(o), {
    doc,
    sandbox,
    width: source.width,
    height: source.height,
  });
  const png = await page.locator('iframe').screenshot({ type: 'png' });
  if ('library' in source && source.library === 'plotly') return png;
  // Vega, bokeh and HTML draw at their own size inside a large white canvas: keep what they cover.
  return sharp(png).trim({ background: '#ffffff', threshold: 10 }).extend({ top: 8, bottom: 8, left: 8, right: 8, background: '#ffffff' }).png().toBuffer();
}
