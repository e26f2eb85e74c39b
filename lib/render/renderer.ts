import fs from 'node:fs';
import sharp from 'sharp';
import { chromium, type Browser, type BrowserContext, type Page, type Route } from 'playwright-core';
import { FIGURE_SANDBOX, HTML_SANDBOX, LIBRARY_SCRIPTS, figureDocument, htmlDocument } from '../figures/figure-document';
import type { FigureSource } from './figure-source';
import { vendorScript } from '../figures/vendor-scripts';

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

// The page around the figures' frames: it frames each figure as the viewer does (sandbox, srcdoc) and
// waits for the frame to say it has drawn. A frame `keep`s its library loaded for the next figure of
// that library (loading plotly.js takes seconds; a figure takes milliseconds); other frames are
// dropped after their screenshot. The figure the next screenshot is of is the frame with id="figure".
const HOST_HTML = `<!doctype html><style>html,body{margin:0;background:#fff}iframe{border:0;display:block}</style><body><script>
var kept = {};
var seq = 0;
function newFrame(o) {
  var f = document.createElement('iframe');
  f.setAttribute('sandbox', o.sandbox);
  var ready = new Promise(function (resolve) {
    // A frame with scripts off cannot say it has drawn: its load event is the end.
    if (o.sandbox === '') return f.addEventListener('load', function () { resolve(); });
    addEventListener('message', function on(e) {
      if (e.source === f.contentWindow && e.data === 'vizmine-figure-ready') removeEventListener('message', on), resolve();
    });
  });
  f.srcdoc = o.doc;
  var entry = { f: f, ready: ready };
  if (o.keep) kept[o.library] = entry, f.setAttribute('data-kept', '');
  return entry;
}
window.renderFigure = function (o) {
  var id = ++seq;
  var entry = (o.keep && kept[o.library]) || newFrame(o);
  var f = entry.f;
  document.querySelectorAll('iframe').forEach(function (x) { x.removeAttribute('id'); x.style.display = 'none'; });
  f.id = 'figure';
  f.style.display = 'block';
  f.style.width = o.width + 'px';
  f.style.height = o.height + 'px';
  if (!f.isConnected) document.body.appendChild(f);
  if (o.sandbox === '') return entry.ready.then(function () { return null; });
  return entry.ready.then(function () {
    f.getBoundingClientRect(); // laid out at its new size before the figure is drawn in it
    return new Promise(function (resolve, reject) {
      function on(e) {
        if (e.source !== f.contentWindow || !e.data || e.data.id !== id) return;
        if (e.data.vizmine === 'drawn') removeEventListener('message', on), resolve(null);
        else if (e.data.vizmine === 'failed') removeEventListener('message', on), resolve({ failed: String(e.data.message) });
      }
      addEventListener('message', on);
      f.contentWindow.postMessage({ figure: o.figure, id: id }, '*');
    });
  });
};
window.dropFigure = function () {
  var f = document.getElementById('figure');
  if (f && !f.hasAttribute('data-kept')) f.remove();
};
</script>`;

export interface FigureRenderer {
  /** The figure as a PNG; throws (with the reason) when it fails or takes longer than the timeout. */
  render(source: FigureSource): Promise<Buffer>;
  /** Requests the figures tried to make and that were refused (none reaches the network). */
  readonly refused: string[];
  /** How often each of our library scripts was loaded into a frame (once per page when frames are reused). */
  readonly loads: Record<string, number>;
  /** False once the browser has gone (crashed or closed): launch another. */
  connected(): boolean;
  close(): Promise<void>;
}

/**
 * One long-lived headless Chromium with no network. Each figure is drawn in a sandboxed frame (a unique
 * origin, as in the viewer) of a host page. Plotly and vega figures are data drawn by our library, so
 * their frame is kept and the next figure of its library is swapped in: the library loads once per page,
 * not once per figure. Bokeh documents can carry code (CustomJS) and HTML is the notebook's own: each
 * such figure gets a fresh frame. A page holds one figure at a time. A figure its library refused
 * (reported by its frame) leaves the page in use; a page that timed out or broke is closed, and a page
 * is renewed after MAX_USES figures.
 */
export async function launchRenderer(opts: { timeoutMs?: number } = {}): Promise<FigureRenderer> {
  if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH} (apt-get install chromium, or set VIZMINE_CHROMIUM)`);
  const timeoutMs = opts.timeoutMs ?? RENDER_TIMEOUT_MS;
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: LAUNCH_ARGS, headless: true });
  const refused: string[] = [];
  const loads: Record<string, number> = {};
  const idle: HostPage[] = [];
  const context: BrowserContext = await browser.newContext({ viewport: { width: 1300, height: 1000 }, serviceWorkers: 'block', acceptDownloads: false });
  await context.route('**/*', (route) => serve(route, refused, loads));
  if (process.env.VIZMINE_RENDER_DEBUG) context.on('console', (m) => console.log('[render console]', m.text().slice(0, 300)));
  return {
    refused,
    loads,
    render: (source) => renderOne(context, idle, source, timeoutMs),
    connected: () => browser.isConnected(),
    async close() {
      await browser.close().catch(() => {});
    },
  };
}

async function serve(route: Route, refused: string[], loads: Record<string, number>): Promise<void> {
  const url = route.request().url();
  if (url === HOST_URL) return route.fulfill({ status: 200, contentType: 'text/html', body: HOST_HTML });
  const name = url.startsWith(`${ORIGIN}/vendor/`) ? url.slice(`${ORIGIN}/vendor/`.length) : '';
  const script = vendorScript(name);
  if (script) {
    loads[name] = (loads[name] ?? 0) + 1;
    return route.fulfill({ status: 200, contentType: 'text/javascript', body: await script });
  }
  refused.push(url.slice(0, 200));
  return route.abort('blockedbyclient');
}

// Bounds what one page can accumulate (memory, or anything a figure left behind in its library's frame).
const MAX_USES = 100;
interface HostPage {
  page: Page;
  uses: number;
}

async function renderOne(context: BrowserContext, idle: HostPage[], source: FigureSource, timeoutMs: number): Promise<Buffer> {
  const host = idle.pop() ?? { page: await hostPage(context), uses: 0 };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`rendering took longer than ${timeoutMs / 1000} s`)), timeoutMs);
  });
  let reusable = false;
  try {
    const png = await Promise.race([draw(host.page, source), timeout]);
    reusable = ++host.uses < MAX_USES;
    return png;
  } catch (e) {
    reusable = e instanceof FigureFailed && ++host.uses < MAX_USES;
    throw e;
  } finally {
    clearTimeout(timer);
    if (reusable) idle.push(host);
    else await host.page.close().catch(() => {});
  }
}

/** The figure's library could not draw it (the frame said so and is fine for the next one). */
class FigureFailed extends Error {}

async function hostPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(HOST_URL).catch(async (e) => {
    await page.close().catch(() => {});
    throw e;
  });
  return page;
}

async function draw(page: Page, source: FigureSource): Promise<Buffer> {
  const frame =
    'library' in source
      ? {
          library: source.library,
          keep: source.library !== 'bokeh',
          figure: source.figure,
          sandbox: FIGURE_SANDBOX,
          doc: figureDocument({ library: source.library, scriptSrcs: LIBRARY_SCRIPTS[source.library].map((n) => `${ORIGIN}/vendor/${n}`) }),
        }
      : { library: null, keep: false, figure: null, sandbox: HTML_SANDBOX, doc: htmlDocument(source.html) };
  const result = await page.evaluate((o) => (window as unknown as { renderFigure(o: unknown): Promise<{ failed: string } | null> }).renderFigure(o), {
    ...frame,
    width: source.width,
    height: source.height,
  });
  if (result) throw new FigureFailed(result.failed);
  const png = await page.locator('#figure').screenshot({ type: 'png' });
  await page.evaluate(() => (window as unknown as { dropFigure(): void }).dropFigure());
  if (frame.library === 'plotly') return png;
  // Vega, bokeh and HTML draw at their own size inside a large white canvas: keep what they cover.
  return sharp(png).trim({ background: '#ffffff', threshold: 10 }).extend({ top: 8, bottom: 8, left: 8, right: 8, background: '#ffffff' }).png().toBuffer();
}
