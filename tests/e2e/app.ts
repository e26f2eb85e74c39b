// End-to-end helpers: the app started the way a user starts it, a headless Chromium, screenshots.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { freePort } from '../../lib/net/free-port';
import { openDatabase, type Database } from '../../lib/db/client';
import { expect } from 'vitest';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CHROMIUM = '/usr/bin/chromium';
export const RESULTS_DIR = path.join(ROOT, 'test-results');
const START_TIMEOUT_MS = 180_000;

export interface RunningApp {
  baseUrl: string;
  dataDir: string;
  /** The session cookie of the last account signed in through the helpers below (for api()). */
  cookie?: string;
  /** Everything the app printed so far (stdout and stderr interleaved). */
  output(): string;
  stop(): Promise<void>;
}

/**
 * `tsx scripts/start.ts` with a fresh data dir and no DATABASE_URL, so it runs its own embedded
 * PostgreSQL there (and rebuilds the Next app first if the build is stale). Resolves once
 * GET /api/auth/first-account (public: no account exists yet) answers 200.
 */
export async function startApp(opts: { env?: Record<string, string | undefined> } = {}): Promise<RunningApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vizmine-e2e-'));
  const port = await freePort();
  // No DATABASE_URL (undefined is left out of a child's environment): the app runs its own
  // PostgreSQL. NODE_ENV as `next start` has it, not the "test" vitest sets.
  // `opts.env` adds to (or, with undefined, removes from) that environment, e.g. KAGGLE_API_BASE_URL.
  const env = { ...process.env, PORT: String(port), VIZMINE_DATA_DIR: dataDir, DATABASE_URL: undefined, NODE_ENV: 'production' as const, ...opts.env };
  // The tsx CLI is what `npx tsx` runs; it relays SIGTERM to the script.
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/start.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const baseUrl = `http://127.0.0.1:${port}`;
  const app: RunningApp = {
    baseUrl,
    dataDir,
    output: () => log,
    stop: () => stopApp(child, exited, dataDir),
  };
  const deadline = Date.now() + START_TIMEOUT_MS;
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  while (Date.now() < deadline && exitCode === undefined) {
    try {
      const res = await fetch(`${baseUrl}/api/auth/first-account`, { signal: AbortSignal.timeout(5_000) });
      if (res.status === 200) return app;
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  const why = exitCode !== undefined ? `exited with code ${exitCode}` : `did not answer GET /api/auth/first-account within ${START_TIMEOUT_MS / 1000} s`;
  await app.stop();
  throw new Error(`vizmine ${why}. Last lines of its output:\n${lastLines(log, 40)}`);
}

async function stopApp(child: ChildProcess, exited: Promise<number | null>, dataDir: string): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGTERM');
    const done = await Promise.race([exited.then(() => true), sleep(30_000).then(() => false)]);
    if (!done) {
      child.kill('SIGKILL');
      await exited;
    }
  }
  // A clean stop releases the launcher's lease and stops the embedded PostgreSQL it started. If it did
  // not, stop the server anyway (so nothing leaks), then fail: that is a bug in the shutdown path.
  const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
  const leaked = fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]) : 0;
  if (leaked > 0) {
    try {
      process.kill(leaked, 'SIGTERM');
      await sleep(2_000);
    } catch {
      // already gone
    }
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (leaked > 0) throw new Error(`the app stopped but left its embedded PostgreSQL (pid ${leaked}) running`);
}

/**
 * True when the browser tests must be skipped: Chromium is missing and this is not CI.
 * On CI a missing Chromium is an error, never a silent skip.
 */
export function chromiumMissing(): boolean {
  if (fs.existsSync(CHROMIUM)) return false;
  if (process.env.CI) throw new Error(`Chromium is missing: apt-get install chromium (expected at ${CHROMIUM})`);
  console.warn(`\n⚠️  SKIPPING end-to-end browser tests: ${CHROMIUM} not found. Install it with: apt-get install chromium\n`);
  return true;
}

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error('Chromium is missing: apt-get install chromium');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
}

/** A full-page PNG in test-results/<name>.png (git-ignored). */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.png`);
  // Chromium does not paint sandboxed (cross-origin) iframes outside the viewport, so they come
  // out blank in a full-page capture: for such pages the viewport is stretched to the whole page.
  const viewport = page.viewportSize();
  const height = await page.evaluate(() => (document.querySelector('iframe') ? document.documentElement.scrollHeight : 0));
  if (viewport && height > viewport.height) {
    await page.setViewportSize({ width: viewport.width, height: Math.min(height, 30_000) });
    await sleep(500);
  }
  await page.screenshot({ path: file, fullPage: true });
  if (viewport) await page.setViewportSize(viewport);
  return file;
}

export interface OpenedApp {
  app: RunningApp;
  page: Page;
  /** Closes the browser and stops the app. */
  close(): Promise<void>;
}

/**
 * How a browser test starts: the app (see startApp), a headless Chromium and one page on it (1400×900
 * unless `page` says otherwise), signed in as the first account, an admin (unless `admin: false`, for
 * tests that create it themselves). Should a step fail, what had started is stopped before the error.
 */
export async function openApp(opts: { env?: Record<string, string | undefined>; page?: BrowserContextOptions; admin?: boolean } = {}): Promise<OpenedApp> {
  const app = await startApp({ env: opts.env });
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await app.stop();
  };
  try {
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, ...opts.page });
    if (opts.admin !== false) await createFirstAdmin(page, app);
    return { app, page, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/**
 * The app's own database, opened the way any vizmine process on its data dir opens it: its embedded
 * PostgreSQL, not a DATABASE_URL the test runner may carry (left as it was afterwards).
 */
export async function openAppDatabase(app: RunningApp): Promise<Database> {
  const saved = process.env.DATABASE_URL;
  delete process.env.DATABASE_URL;
  try {
    return await openDatabase({ dataDir: app.dataDir, max: 2 });
  } finally {
    if (saved !== undefined) process.env.DATABASE_URL = saved;
  }
}

/** openApp, plus the app's database (see openAppDatabase) for tests that seed it; `close` closes both. */
export async function openAppWithDatabase(opts: Parameters<typeof openApp>[0] = {}): Promise<OpenedApp & { store: Database }> {
  const opened = await openApp(opts);
  try {
    const store = await openAppDatabase(opened.app);
    return { ...opened, store, close: () => store.close().finally(opened.close) };
  } catch (e) {
    await opened.close();
    throw e;
  }
}

type Upload = Parameters<Page['setInputFiles']>[1];

/**
 * Uploads `files` (paths or in-memory files) through the import page's file input and waits until it
 * lists one result row per file, whatever its status; returns those rows (`tr[data-status]`).
 */
export async function importThroughPage(page: Page, app: RunningApp, files: Upload, timeout = 60_000): Promise<Locator> {
  await page.goto(`${app.baseUrl}/import`);
  await page.getByTestId('file-input').setInputFiles(files);
  const rows = page.locator('table[data-testid="upload-results"] tr[data-status]');
  await expect.poll(() => rows.count(), { timeout }).toBe(Array.isArray(files) ? files.length : 1);
  return rows;
}

/** importThroughPage for one notebook that must come out imported; its notebook id (the row's "open" link). */
export async function importOneThroughPage(page: Page, app: RunningApp, file: Upload, timeout = 60_000): Promise<number> {
  const row = await importThroughPage(page, app, file, timeout);
  expect(await row.getAttribute('data-status')).toBe('imported');
  return Number((await row.getByRole('link', { name: 'open' }).getAttribute('href'))!.split('/').pop());
}

export const ADMIN = { name: 'Ada Admin', email: 'ada@example.org', password: 'ada-password-1' };

/**
 * Creates the first account (which becomes admin) through the sign-in page of a fresh app, and
 * leaves `page` signed in as it; `app.cookie` then carries its session for api() and authHeaders().
 */
export async function createFirstAdmin(page: Page, app: RunningApp, who = ADMIN): Promise<void> {
  await page.goto(`${app.baseUrl}/sign-in`);
  await page.getByRole('heading', { name: 'Create the first account (admin)' }).waitFor();
  await page.getByLabel('Name').fill(who.name);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Create the admin account' }).click();
  await page.getByTestId('nav-user').getByText(who.name).waitFor();
  await keepCookie(page, app);
}

/** Signs in through the sign-in page (signing out whoever is signed in first); sets `app.cookie`. */
export async function signIn(page: Page, app: RunningApp, who: { name: string; email: string; password: string }): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${app.baseUrl}/sign-in`);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('nav-user').getByText(who.name).waitFor();
  await keepCookie(page, app);
}

async function keepCookie(page: Page, app: RunningApp): Promise<void> {
  const cookies = await page.context().cookies(app.baseUrl);
  app.cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

/** Headers for fetch() calls to the app as the signed-in account (see createFirstAdmin, signIn). */
export function authHeaders(app: RunningApp, extra: Record<string, string> = {}): Record<string, string> {
  return app.cookie ? { ...extra, cookie: app.cookie } : extra;
}

/** GET a JSON API of the running app (as the signed-in account), failing loudly on any non-2xx answer. */
export async function api<T>(app: RunningApp, route: string): Promise<T> {
  const res = await fetch(`${app.baseUrl}${route}`, { headers: authHeaders(app) });
  if (!res.ok) throw new Error(`GET ${route} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** Waits until an <img> has been decoded; returns its natural width (0 = broken image). */
export async function imageWidth(page: Page, selector: string): Promise<number> {
  const img = page.locator(selector).first();
  await img.waitFor({ state: 'visible' });
  await page.waitForFunction((el) => (el as HTMLImageElement).complete, await img.elementHandle(), { timeout: 15_000 });
  return img.evaluate((el) => (el as HTMLImageElement).naturalWidth);
}

/** Collapses whitespace, so text from sources compares with text as the browser lays it out. */
export const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

export function lastLines(text: string, n: number): string {
  return text.trimEnd().split('\n').slice(-n).join('\n');
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
