// Which notebook is this, and which cell: the Notebooks list shows titles with their identity (Kaggle
// ref, linked, or the relative file name), search finds a notebook by file name, and one figure has
// the same cell number on its page, its gallery card, the coding workspace and the agreement pages.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Database } from '../../lib/db/client';
import { assignments, codes, codings, kaggleKernels } from '../../lib/db/schema';
import { chromiumMissing, openAppWithDatabase, screenshot, signIn, squash, type RunningApp } from './app';
import { ANA, coderStudy, importCorpusNotebook, pilotSample, TITANIC } from './seed';

const LOSS = 'anthropikos__train_val_loss_over_epoch.ipynb';

describe.skipIf(chromiumMissing())('notebook identity and one cell number', () => {
  let app: RunningApp;
  let close: () => Promise<void>;
  let page: Page;
  let store: Database;
  let seeded: { visId: number; cell: number; itemId: number; assignmentId: number };
  const url = (p: string) => `${app.baseUrl}${p}`;

  beforeAll(async () => {
    ({ app, page, store, close } = await openAppWithDatabase({ page: { viewport: { width: 1400, height: 1000 } } }));
    seeded = await seed(store);
  });
  afterAll(() => close?.());

  it('lists notebooks by title with their identity, and finds one by file name', async () => {
    await page.goto(url('/notebooks'));
    const rows = page.locator('table.list tbody tr');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(2);
    expect(squash(await page.getByTestId('notebook-count').innerText())).toBe('2 notebooks (originals)');
    const loss = rows.filter({ hasText: 'Training and validation loss' });
    expect(await loss.getByTestId('notebook-ref').getAttribute('href')).toBe('https://www.kaggle.com/code/anthropikos/train-val-loss-over-epoch');
    expect(squash(await loss.getByTestId('notebook-ref').innerText())).toBe('anthropikos/train-val-loss-over-epoch');
    const titanic = rows.filter({ hasText: 'agconti-titanic__Titanic' });
    expect(squash(await titanic.getByTestId('notebook-ref').innerText())).toBe(TITANIC);
    expect(await page.locator('body').innerText()).not.toMatch(/\/tmp\/|\/work\//); // no server path anywhere
    await screenshot(page, 'identity-notebooks');

    await page.getByRole('searchbox', { name: 'search notebooks' }).fill('agconti');
    await page.waitForURL(/q=agconti/);
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(1);
    expect(squash(await rows.first().innerText())).toContain(TITANIC);
    await screenshot(page, 'identity-search');

    await titanic.getByRole('link', { name: 'agconti-titanic__Titanic' }).click();
    await page.getByRole('heading', { name: 'agconti-titanic__Titanic' }).waitFor();
    expect(squash(await page.locator('.page-head').innerText())).toContain(TITANIC);
    expect(await page.locator('.page-head').innerText()).not.toMatch(/\/tmp\/|\/work\//);
  });

  it('shows the same cell number on the visualisation page, gallery card, agreement pages and workspace', async () => {
    const label = `cell ${seeded.cell}`;
    await page.goto(url(`/visualisations/${seeded.visId}`));
    const onPage = page.getByTestId('cell-number');
    await onPage.waitFor();
    expect(await onPage.textContent()).toBe(label);
    await screenshot(page, 'cell-number-visualisation');

    await page.goto(url(`/visualisations?notebook=${(await notebookOf(seeded.visId))}`));
    const card = page.getByTestId('thumb').filter({ has: page.locator(`img[alt="visualisation ${seeded.visId}"]`) });
    await card.waitFor();
    expect(squash(await card.locator('.meta .sub').last().innerText())).toMatch(new RegExp(`^${label} ·`));

    await page.goto(url('/agreement'));
    const disagreement = page.getByTestId('disagreements').locator('tbody tr').first();
    await disagreement.waitFor();
    expect(await disagreement.getByTestId('cell-number').textContent()).toBe(label);
    expect(squash(await disagreement.innerText())).toContain(TITANIC);
    await screenshot(page, 'cell-number-agreement');
    await page.goto(url(`/agreement/items/${seeded.itemId}`));
    await page.getByTestId('cell-number').waitFor();
    expect(await page.getByTestId('cell-number').textContent()).toBe(label);

    await page.context().clearCookies();
    await signIn(page, app, ANA);
    await page.goto(url(`/coding/${seeded.assignmentId}`));
    const inWorkspace = page.getByTestId('cell-number');
    await inWorkspace.waitFor();
    expect(await inWorkspace.textContent()).toBe(label);
    await screenshot(page, 'cell-number-workspace');
  });

  async function notebookOf(visId: number): Promise<number> {
    const [r] = await store.db.execute<{ id: number }>(sql`select notebook_id::int as id from visualisations where id = ${visId}`);
    return Number(r.id);
  }
});

async function seed(store: Database) {
  const db = store.db;
  const titanic = await importCorpusNotebook(store, TITANIC);
  const loss = await importCorpusNotebook(store, LOSS);
  // The second notebook as if collected from Kaggle: its title and ref come from there.
  await db.insert(kaggleKernels).values({ notebookId: loss, ref: 'anthropikos/train-val-loss-over-epoch', title: 'Training and validation loss', storedForm: 'with-outputs', source: 'api' });
  await db.execute(sql`update notebooks set title = 'Training and validation loss' where id = ${loss}`);
  // A Titanic figure late in the notebook, where a 1-based and a 0-based count differ visibly.
  const [vis] = await db.execute<{ id: number; cell: number }>(sql`select id::int, cell_position::int as cell from visualisations where notebook_id = ${titanic} and blob_sha256 is not null order by cell_position desc limit 1`);
  const { studyId, ana, ben } = await coderStudy(db, 'Cell numbers');
  const [bar, line] = await db.insert(codes).values([{ studyId, name: 'bar', createdBy: ana, position: 0 }, { studyId, name: 'line', createdBy: ana, position: 1 }]).returning();
  const { items: [item] } = await pilotSample(db, studyId, ana, [Number(vis.id)]);
  const [a] = await db.insert(assignments).values({ sampleItemId: item, userId: ana, position: 0, status: 'submitted', submittedAt: new Date() }).returning();
  await db.insert(assignments).values({ sampleItemId: item, userId: ben, position: 0, status: 'submitted', submittedAt: new Date() });
  await db.insert(codings).values([{ sampleItemId: item, userId: ana, codeId: bar.id }, { sampleItemId: item, userId: ben, codeId: line.id }]);
  return { visId: Number(vis.id), cell: Number(vis.cell), itemId: item, assignmentId: a.id };
}
