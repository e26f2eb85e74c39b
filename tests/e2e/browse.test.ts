// A user's first session: an empty corpus, two real notebooks uploaded through the import page,
// then the gallery, a visualisation with its code and markdown context, and its notebook.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import { corpusFile } from '../helpers/corpus';
import { api, chromiumMissing, imageWidth, importThroughPage, openApp, screenshot, squash, type RunningApp } from './app';

const TITANIC = 'agconti-titanic__Titanic.ipynb';
const LOSS = 'anthropikos__train_val_loss_over_epoch.ipynb';

interface GalleryItem { id: number; notebookId: number }
interface Detail {
  id: number;
  notebook: { id: number };
  cellPosition: number;
  code: { source: string } | null;
  contextBefore: { source: string }[];
  nextId: number | null;
}

describe.skipIf(chromiumMissing())('browsing an imported corpus', () => {
  let app: RunningApp;
  let close: () => Promise<void>;
  let page: Page;
  const url = (p: string) => `${app.baseUrl}${p}`;

  beforeAll(async () => {
    ({ app, page, close } = await openApp());
  });
  afterAll(() => close?.());

  it('shows the empty state before anything is imported', async () => {
    await page.goto(url('/'));
    await page.getByRole('heading', { name: 'No notebooks yet' }).waitFor();
    await screenshot(page, 'overview-empty');
    // The gallery says what to do too; its sidebar says why it has no filters, once all three facet requests are in.
    await page.goto(url('/visualisations'));
    await page.getByRole('heading', { name: 'No visualisations yet' }).waitFor();
    await page.getByTestId('no-facets').waitFor();
    await page.getByTestId('facet-lists-pending').waitFor({ state: 'detached' });
    await page.getByTestId('facet-groups-pending').waitFor({ state: 'detached' });
    await screenshot(page, 'gallery-empty');
  });

  it('imports two notebooks through the file input', async () => {
    const rows = await importThroughPage(page, app, [corpusFile(TITANIC), corpusFile(LOSS)]);
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-status')))).toEqual(['imported', 'imported']);
    const text = squash(await page.getByTestId('upload-results').innerText());
    expect(text).toContain(TITANIC);
    expect(text).toContain(LOSS);
    await screenshot(page, 'import');

    await page.goto(url('/'));
    const imported = page.locator('.stat', { hasText: 'notebooks imported' });
    await imported.waitFor();
    expect(squash(await imported.innerText())).toBe('2 notebooks imported (originals)');
    await screenshot(page, 'overview');
  });

  it('lists the notebooks', async () => {
    await page.goto(url('/notebooks'));
    await page.locator('table.list tbody tr').first().waitFor();
    expect(await page.locator('table.list tbody tr').count()).toBe(2);
    await screenshot(page, 'notebooks');
  });

  it('shows every visualisation in the gallery, with a library facet', async () => {
    const all = await allVisualisations();
    expect(all.length).toBeGreaterThanOrEqual(11);
    await page.goto(url('/visualisations'));
    await expect.poll(() => page.getByTestId('thumb').count(), { timeout: 20_000 }).toBe(all.length);
    // Every thumb shows its image (the thumbnail, or the original until the worker has made one).
    const widths = () => page.locator('[data-testid="thumb"] img').evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth));
    await expect.poll(async () => (await widths()).filter((w) => w > 0).length, { timeout: 20_000 }).toBe(all.length);
    const facets = page.getByRole('complementary', { name: 'facets' });
    // Libraries are the analysis engine's labels (tests/e2e/analysis.test.ts); until analysed, 'not analysed'.
    await facets.getByRole('heading', { name: 'Library' }).waitFor();
    // The notebook list arrives in its own request: both notebooks, with their figure counts.
    const notebookFacet = facets.locator('.facet', { has: page.getByRole('heading', { name: 'Notebook' }) });
    await notebookFacet.waitFor();
    const perNotebook = new Map<number, number>();
    for (const v of all) perNotebook.set(v.notebookId, (perNotebook.get(v.notebookId) ?? 0) + 1);
    expect((await notebookFacet.locator('.n').allInnerTexts()).map(Number).sort((a, b) => a - b)).toEqual([...perNotebook.values()].sort((a, b) => a - b));
    await screenshot(page, 'gallery');
    // A phone-sized window: the facets and thumbnails stack instead of overflowing.
    const wide = page.viewportSize()!;
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'gallery-narrow');
    const sticking = await page.evaluate(() => [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > 391).map((e) => `${e.tagName}.${e.className}`));
    expect(sticking).toEqual([]);
    await page.setViewportSize(wide);
  });

  it('shows the facet counts at once and says the slower lists are still being counted', async () => {
    // The notebook and competition lists, and the near-duplicate groups, come from requests of their own:
    // both held back here, then let go one after the other.
    const hold = (pattern: string) => {
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      return { pattern, release: () => release(), handler: async (route: Route) => { await held; await route.continue(); } };
    };
    const lists = hold('**/api/visualisations/facets/lists**');
    const groups = hold('**/api/visualisations/facets/groups**');
    for (const h of [lists, groups]) await page.route(h.pattern, h.handler);
    try {
      await page.goto(url('/visualisations'));
      const facets = page.getByRole('complementary', { name: 'facets' });
      await facets.getByRole('heading', { name: 'Chart type' }).waitFor();
      await page.getByTestId('facet-lists-pending').waitFor();
      await page.getByTestId('facet-groups-pending').waitFor();
      expect(await facets.getByRole('heading', { name: 'Notebook' }).count()).toBe(0);
      await screenshot(page, 'gallery-lists-pending');
      lists.release();
      await facets.getByRole('heading', { name: 'Notebook' }).waitFor();
      await page.getByTestId('facet-lists-pending').waitFor({ state: 'detached' });
      // The notebook list does not wait for the groups.
      expect(await page.getByTestId('facet-groups-pending').isVisible()).toBe(true);
      groups.release();
      await page.getByTestId('facet-groups-pending').waitFor({ state: 'detached' });
    } finally {
      for (const h of [lists, groups]) {
        h.release();
        await page.unroute(h.pattern);
      }
    }
  });

  it('opens a visualisation with its image, code and markdown context, and moves on with →', async () => {
    // A Titanic figure that has markdown before it and a neighbour after it.
    const { items: notebooks } = await api<{ items: { id: number; fileName: string }[] }>(app, '/api/notebooks');
    const titanic = notebooks.find((n) => n.fileName.endsWith(TITANIC))!;
    expect(titanic).toBeDefined();
    const ids = (await allVisualisations()).filter((v) => v.notebookId === titanic.id).map((v) => v.id);
    expect(ids.length).toBe(10);
    let vis: Detail | undefined;
    for (const id of ids) {
      const d = await api<Detail>(app, `/api/visualisations/${id}`);
      if (d.contextBefore.length > 0 && d.code && d.nextId && ids.includes(d.nextId)) {
        vis = d;
        break;
      }
    }
    expect(vis, 'a Titanic visualisation with markdown context').toBeDefined();
    const { id, code, contextBefore, nextId } = vis!;

    await page.goto(url('/visualisations'));
    const thumb = page.getByTestId('thumb').filter({ has: page.locator(`img[alt="visualisation ${id}"]`) });
    await thumb.click();
    await page.waitForURL(url(`/visualisations/${id}`));

    expect(await imageWidth(page, `img[alt="visualisation ${id}"]`)).toBeGreaterThan(0);
    const codeLine = distinctiveLine(code!.source);
    // The page opens on the figure's slice when it has one; the generating cell is one click away.
    const cellButton = page.getByRole('button', { name: 'cell', exact: true });
    if (await cellButton.count()) await cellButton.click();
    const codeBox = page.locator('.code').first();
    await codeBox.waitFor();
    expect(squash(await codeBox.innerText())).toContain(codeLine);
    const mdText = plainText(contextBefore[contextBefore.length - 1].source);
    const before = page.getByTestId('context-before').last();
    await before.waitFor();
    expect(squash(await before.innerText())).toContain(mdText);
    await screenshot(page, 'visualisation');

    await page.keyboard.press('ArrowRight');
    await page.waitForURL(url(`/visualisations/${nextId}`));
    await page.getByRole('heading', { name: `Visualisation #${nextId}` }).waitFor();
  });

  it('opens the notebook from a visualisation, rendered like Jupyter', async () => {
    // The generating code's "notebook" view: the notebook at the figure's cell (its slice highlighted once analysed).
    const link = page.getByRole('link', { name: 'notebook', exact: true });
    await link.click();
    await page.waitForURL(/\/notebooks\/\d+\?slice=\d+#cell-\d+$/);
    const cells = page.locator('.nb .cell');
    await cells.first().waitFor();
    expect(await cells.count()).toBeGreaterThan(20);
    // The link lands on the figure's cell, highlighted, with the figure in it.
    const cell = new URL(page.url()).hash; // #cell-N
    await page.locator(`${cell}.cell.highlight`).waitFor();
    expect(await imageWidth(page, `${cell} .output img`)).toBeGreaterThan(0);
    // Markdown headings ("### Data Handling") become real headings.
    await page.locator('.nb .markdown h3', { hasText: 'Data Handling' }).waitFor();
    // Code is syntax-highlighted: keywords are tokens in their own colour.
    const keyword = page.locator('.nb .code .token.keyword', { hasText: /^import$/ }).first();
    await keyword.waitFor();
    const colours = await keyword.evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el.closest('pre')!).color]);
    expect(colours[0]).not.toBe(colours[1]);
    await screenshot(page, 'notebook');
  });

  /** Every gallery item, page after page. */
  async function allVisualisations(): Promise<GalleryItem[]> {
    const out: GalleryItem[] = [];
    let cursor: number | null = null;
    do {
      const page: { items: GalleryItem[]; nextCursor: number | null } = await api(app, `/api/visualisations${cursor ? `?cursor=${cursor}` : ''}`);
      out.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return out;
  }
});

/** The longest line of a code cell, which is the one least likely to occur elsewhere. */
function distinctiveLine(source: string): string {
  return squash(source.split('\n').reduce((a, b) => (squash(b).length > squash(a).length ? b : a), ''));
}

/** The longest run of plain words in a markdown source: text that must appear as rendered. */
function plainText(markdown: string): string {
  const runs = markdown.match(/[A-Za-z0-9][A-Za-z0-9 ,.'’]{10,}/g) ?? [];
  const longest = runs.reduce((a, b) => (b.length > a.length ? b : a), '');
  return squash(longest).slice(0, 60).trim();
}
