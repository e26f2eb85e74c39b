// A supervisor's agreement session: two coders have coded ten real figures (vector 6 of the
// published agreement test vectors); the page shows κ and α, one disagreement is resolved with a
// coder's coding carried over, another by keyboard with a newly drawn region, the codings CSV downloads, and the dashboard shows the funnel.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Database } from '../../lib/db/client';
import { codes, consensusCodings, sampleItems, samples, studies } from '../../lib/db/schema';
import { readCodingsCsv } from '../../lib/agreement/read-codings';
import { agreementReport } from '../../lib/agreement/codings-report';
import { codeItem, type SeededStudy } from '../integration/agreement-page-fixtures';
import { chromiumMissing, openAppWithDatabase, screenshot, type RunningApp } from './app';
import { coderStudy, pilotSample, titanicFigures } from './seed';

describe.skipIf(chromiumMissing())('agreement page, consensus and codings export', () => {
  let app: RunningApp;
  let close: () => Promise<void>;
  let page: Page;
  let store: Database;
  let study: SeededStudy;
  const url = (p: string) => `${app.baseUrl}${p}`;

  beforeAll(async () => {
    // The test writes the coders' work straight into the app's database (the coding workspace has its own tests).
    ({ app, page, store, close } = await openAppWithDatabase({ page: { viewport: { width: 1400, height: 1000 } } }));
    study = await seed(store);
  });
  afterAll(() => close?.());

  it('shows Cohen’s κ and Krippendorff’s α of the seeded codings, with items and coders behind them', async () => {
    await page.goto(url('/agreement'));
    const overall = page.getByTestId('overall');
    await overall.waitFor();
    expect(page.url()).toContain(`study=${study.studyId}`);
    const row = (k: string) => overall.locator(`tr[data-coefficient="${k}"] td`);
    expect(await row('cohenKappa').nth(1).textContent()).toBe('0.091');
    expect(await row('alpha').nth(1).textContent()).toBe('0.095');
    expect(await row('percentAgreement').nth(1).textContent()).toBe('60.0 %');
    expect(await row('alpha').nth(2).textContent()).toBe('10');
    expect(await row('alpha').nth(3).textContent()).toBe('2');
    await page.getByRole('figure', { name: "Krippendorff's alpha per code" }).locator('svg').first().waitFor();
    expect(await page.getByTestId('disagreements').locator('tbody tr').count()).toBe(4);
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="disagreements"] img')].every((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0), undefined, { timeout: 15_000 });
    await screenshot(page, 'agreement-page');
  });

  it('resolves a disagreement by carrying a coder’s coding (with its region) into the consensus', async () => {
    await page.getByTestId('disagreements').getByRole('link', { name: 'Resolve' }).first().click();
    await page.getByTestId('side-by-side').waitFor();
    expect(await page.getByTestId('side-by-side').locator('section').count()).toBe(2);
    await page.locator('[data-region="Chart / bar"]').first().waitFor();
    await page.getByRole('button', { name: "Use ana@example.org's Chart / bar" }).click();
    await page.getByTestId('consensus-drafts').getByText('Chart / bar').waitFor();
    await page.getByRole('button', { name: 'Save consensus' }).click();
    await page.getByRole('status').getByText('Saved').waitFor();
    await screenshot(page, 'agreement-item');
    const rows = await store.db.select().from(consensusCodings);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ sampleItemId: study.items[0], codeId: study.code('Chart / bar'), region: { x: 0.1, y: 0.15, w: 0.5, h: 0.4 } });
    await page.getByRole('link', { name: '← Agreement' }).click();
    await page.getByTestId('disagreements').getByText('recorded').waitFor();
    // The consensus does not move the figures.
    expect(await page.getByTestId('overall').locator('tr[data-coefficient="alpha"] td').nth(1).textContent()).toBe('0.095');
  });

  it('downloads the codings CSV, which the CLI reader turns into the same figures', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Codings CSV' }).click()]);
    expect(download.suggestedFilename()).toBe(`study-${study.studyId}-codings.csv`);
    const text = fs.readFileSync((await download.path())!, 'utf8');
    expect(text.split('\r\n')[0]).toBe('item,notebook_ref,cell,coder,code_path,region,memo,time,kind');
    expect(text.match(/,consensus\r\n/g)).toHaveLength(1);
    const bar = agreementReport(readCodingsCsv(text)).perCode.find((c) => c.code === 'Chart / bar')!;
    expect(bar.cohenKappa).toBeCloseTo(0.090909, 6);
    expect(bar.alpha).toBeCloseTo(0.095238, 6);
  });

  it('the dashboard shows the funnel, with its numbers one click away', async () => {
    await page.goto(url(`/progress?study=${study.studyId}`));
    const funnel = page.getByRole('region', { name: 'Funnel' });
    await funnel.locator('svg').first().waitFor();
    await funnel.getByRole('button', { name: 'Numbers' }).click();
    const numbers = page.getByTestId('funnel-numbers');
    const value = async (stage: string) => (await numbers.locator('tr', { hasText: stage }).first().locator('td.num').textContent())?.trim();
    expect(await value('sampled')).toBe('10');
    expect(await value('double-coded')).toBe('10');
    expect(await value('agreed')).toBe('7'); // 6 identical + 1 consensus
    expect(await value('reproduced')).toBe('0'); // nothing was run again in this test
    await screenshot(page, 'progress-page');
  });

  it('by keyboard alone: u + a coder’s number carries their codings over, r draws a new region, Ctrl+Enter saves (a drag draws too)', async () => {
    // Item 3 of vector 6: ana applied nothing, ben applied Chart / bar to the whole figure.
    await page.goto(url(`/agreement/items/${study.items[2]}?study=${study.studyId}`));
    await page.locator('section[aria-label="Consensus"][data-keys="ready"]').waitFor();
    const columns = await page.getByTestId('side-by-side').locator('section').evaluateAll((s) => s.map((e) => e.getAttribute('aria-label')));
    const ben = columns.indexOf('Codings of ben@example.org') + 1;
    expect(ben).toBeGreaterThan(0);
    await page.keyboard.press('u');
    await page.getByTestId('choose-coder').waitFor();
    await page.keyboard.press(String(ben));
    await page.getByTestId('consensus-drafts').getByText('Chart / bar').waitFor();
    // r, then arrows move and Shift+arrows resize the draft (steps of 0.05 from 0.25,0.25 0.5×0.5), Enter, then the code's key.
    await page.keyboard.press('r');
    await page.getByTestId('drawing-region').waitFor();
    for (const k of ['ArrowRight', 'ArrowDown', 'Shift+ArrowRight', 'Shift+ArrowUp']) await page.keyboard.press(k);
    await page.getByTestId('draft-region').waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('choose-region-code').waitFor();
    await page.keyboard.press('b');
    await page.getByTestId('consensus-drafts').getByText('region 30%,30% 55×45%').waitFor();
    await page.getByRole('region', { name: 'Consensus regions' }).getByTestId('my-region').waitFor();
    // A drag draws one too (here cancelled with Esc, so it is not saved).
    await page.getByRole('button', { name: /Draw a region/ }).click();
    const box = (await page.getByTestId('figure').locator('img').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.1, box.y + box.height * 0.1);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.3, { steps: 4 });
    await page.mouse.up();
    await page.getByTestId('choose-region-code').waitFor();
    expect(await page.getByTestId('draft-region').count()).toBe(1);
    await page.keyboard.press('Escape');
    await page.getByTestId('draft-region').waitFor({ state: 'detached' });
    await page.keyboard.press('Control+Enter');
    await page.getByRole('status').getByText('Saved').waitFor();
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="side-by-side"] img, [data-testid="figure"] img')].every((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0), undefined, { timeout: 15_000 });
    await screenshot(page, 'agreement-item-drawn-region');
    const rows = await store.db.select().from(consensusCodings).where(sql`${consensusCodings.sampleItemId} = ${study.items[2]}`).orderBy(consensusCodings.id);
    expect(rows.map((r) => ({ codeId: r.codeId, region: r.region }))).toEqual([
      { codeId: study.code('Chart / bar'), region: null },
      { codeId: study.code('Chart / bar'), region: { x: 0.3, y: 0.3, w: 0.55, h: 0.45 } },
    ]);
  });

  it('per sample: the picker scopes the figures, and an undefined α says why', async () => {
    // A second sample of two figures on which both coders applied Chart / bar: no variation.
    const [second] = await store.db.insert(samples).values({ studyId: study.studyId, name: 'Second', definition: {}, createdBy: 'x' }).returning();
    const items = await store.db.insert(sampleItems).values(study.visualisations.slice(0, 2).map((v, position) => ({ sampleId: second.id, visualisationId: v, position }))).returning();
    const [ana, ben] = (await store.db.execute<{ id: string }>(sql`select id from users where email in ('ana@example.org', 'ben@example.org') order by email`)).map((u) => u.id);
    for (const item of items) for (const coder of [ana, ben]) await codeItem(store.db, study, item.id, coder, ['Chart / bar']);
    await page.goto(url(`/agreement?study=${study.studyId}`));
    await page.getByTestId('by-sample').waitFor();
    expect(await page.getByTestId('by-sample').locator('tbody tr').count()).toBe(2);
    await page.getByLabel('Sample').selectOption({ label: 'Second' });
    await page.waitForURL(new RegExp(`sample=${second.id}`));
    const alpha = page.getByTestId('overall').locator('tr[data-coefficient="alpha"] td');
    await page.waitForFunction(() => document.querySelector('[data-testid="overall"] tr[data-coefficient="alpha"] td:nth-child(3)')?.textContent === '2');
    expect(await alpha.nth(1).textContent()).toBe('—');
    expect(await alpha.nth(4).textContent()).toMatch(/Undefined: every coder gave the same answer on every item.*no variation/);
    await screenshot(page, 'agreement-sample');
  });

  it('a study nobody has coded yet says what to do, on both pages', async () => {
    const [empty] = await store.db.insert(studies).values({ name: 'Not started', createdBy: 'nobody' }).returning();
    await page.goto(url(`/agreement?study=${empty.id}`));
    await page.getByRole('heading', { name: 'Nothing to compare yet' }).waitFor();
    expect(await page.getByText('Draw a sample with an overlap').count()).toBe(1);
    await screenshot(page, 'agreement-empty');
    await page.goto(url(`/progress?study=${empty.id}`));
    await page.getByText('No assignments yet: assign a sample to coders').waitFor();
    expect(await page.getByText('No item has been submitted by two coders yet').count()).toBe(1);
    await screenshot(page, 'progress-empty');
  });
});

/** Vector 6 on ten real figures of the Titanic notebook: ana and ben apply Chart / bar or nothing. */
async function seed(store: Database): Promise<SeededStudy> {
  const db = store.db;
  const { figures } = await titanicFigures(store, 10);
  const { studyId, ana, ben } = await coderStudy(db, 'Testing in Titanic notebooks');
  const [chart] = await db.insert(codes).values({ studyId, kind: 'category', name: 'Chart', createdBy: ana }).returning();
  const [bar] = await db.insert(codes).values({ studyId, parentId: chart.id, name: 'bar', shortcut: 'b', colour: '#e45756', createdBy: ana }).returning();
  const { sampleId, items } = await pilotSample(db, studyId, ana, figures);
  const seeded: SeededStudy = { studyId, sampleId, items, visualisations: figures, code: () => bar.id };
  const a = [1, 1, 0, 0, 0, 0, 0, 0, 0, 0];
  const b = [0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
  for (let i = 0; i < 10; i++) {
    await codeItem(db, seeded, seeded.items[i], ana, a[i] ? ['Chart / bar'] : [], { region: { x: 0.1, y: 0.15, w: 0.5, h: 0.4 } });
    await codeItem(db, seeded, seeded.items[i], ben, b[i] ? ['Chart / bar'] : []);
  }
  return seeded;
}
