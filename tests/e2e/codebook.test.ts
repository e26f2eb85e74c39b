// A supervisor builds a codebook in the UI: categories and codes with shortcut keys, a rename and a
// deprecation with reasons, the history and the as-of view with its diff, saturation of seeded
// codings, a CSV import, and a REFI-QDA export that validates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { blobDir } from '../../lib/config';
import { importFigures, makeSample, submitCoding } from '../helpers/codebook-fixture';
import { validateWithXmllint } from '../helpers/xmllint';
import { api, authHeaders, chromiumMissing, openApp, openAppDatabase, screenshot, squash, type RunningApp } from './app';

type Code = { id: number; name: string; status: string; shortcut: string | null; parentId: number | null };

describe.skipIf(chromiumMissing())('codebook page', () => {
  let app: RunningApp;
  let close: () => Promise<void>;
  let page: Page;
  let studyId: number;
  const url = (p: string) => `${app.baseUrl}${p}`;
  const codes = async () => (await api<{ codes: Code[] }>(app, `/api/studies/${studyId}/codebook`)).codes;

  beforeAll(async () => {
    ({ app, page, close } = await openApp({ page: { viewport: { width: 1400, height: 950 } } }));
    const res = await fetch(url('/api/studies'), { method: 'POST', headers: authHeaders(app, { 'content-type': 'application/json' }), body: JSON.stringify({ name: 'Vis in ML testing' }) });
    expect(res.status).toBe(200);
    studyId = ((await res.json()) as { id: number }).id;
  });
  afterAll(() => close?.());

  it('starts empty, saying what to do', async () => {
    await page.goto(url(`/studies/${studyId}/codebook`));
    await page.getByRole('heading', { name: 'No codes yet' }).waitFor();
    expect(await page.getByText('import a codebook from a REFI-QDA .qdc or CSV file').count()).toBe(1);
    await screenshot(page, 'codebook-empty');
  });

  it('builds categories and codes, with keyboard shortcuts for new codes', async () => {
    await page.getByRole('button', { name: 'New category' }).click();
    await page.getByLabel('Name').fill('Chart type');
    await page.getByLabel('Short definition').fill('What kind of chart it is');
    await page.getByRole('button', { name: 'Create category' }).click();
    await page.getByRole('status').getByText('Created “Chart type”.').waitFor();

    // The new category is selected: "n" starts a code under it.
    await page.locator('body').press('n');
    await page.getByRole('heading', { name: 'New code under “Chart type”' }).waitFor();
    await page.getByLabel('Name').fill('Bar chart');
    await page.getByLabel('Shortcut key').fill('b');
    await page.getByLabel('Definition', { exact: true }).fill('Rectangles whose length encodes a value.');
    await page.getByRole('button', { name: 'Create code' }).click();
    await page.getByRole('status').getByText('Created “Bar chart”.').waitFor();

    await page.locator('body').press('n');
    await page.getByLabel('Name').fill('Line chart');
    await page.getByLabel('Shortcut key').fill('b');
    await page.getByRole('button', { name: 'Create code' }).click();
    // A clash says which code has the key.
    await page.getByRole('alert').getByText('already used by code “Bar chart”').waitFor();
    await page.getByLabel('Shortcut key').fill('l');
    await page.getByRole('button', { name: 'Create code' }).click();
    await page.getByRole('status').getByText('Created “Line chart”.').waitFor();

    const tree = page.getByRole('tree', { name: 'Codebook' });
    expect(await tree.getByRole('treeitem').allTextContents().then((t) => t.map(squash))).toEqual([
      'Chart typecategoryWhat kind of chart it is',
      'Bar chart0×b',
      'Line chart0×l',
    ]);
    const list = await codes();
    expect(list.map((c) => [c.name, c.shortcut])).toEqual([
      ['Chart type', null],
      ['Bar chart', 'b'],
      ['Line chart', 'l'],
    ]);
    expect(list[1].parentId).toBe(list[0].id);
    await screenshot(page, 'codebook-tree');
  });

  it('renames and deprecates with reasons, which the history shows', async () => {
    const tree = page.getByRole('tree', { name: 'Codebook' });
    await tree.getByRole('treeitem').filter({ hasText: 'Line chart' }).click();
    await page.getByLabel('Name').fill('Line plot');
    await page.getByLabel('Why (kept in the history)').fill('the paper says plot');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').getByText('Saved “Line plot”.').waitFor();

    await page.getByRole('button', { name: 'Deprecate…' }).click();
    const deprecate = page.getByRole('button', { name: 'Deprecate “Line plot”' });
    expect(await deprecate.isDisabled()).toBe(true); // a reason is required
    await page.getByLabel('Why? (required, kept in the history)').fill('no line charts in the sample');
    await deprecate.click();
    await page.getByRole('status').getByText('Deprecated 1 code.').waitFor();
    expect((await codes()).find((c) => c.name === 'Line plot')!.status).toBe('deprecated');
    await screenshot(page, 'codebook-deprecated');

    await page.getByRole('tab', { name: 'History' }).click();
    const rows = page.getByTestId('codebook-history').locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(5);
    expect(squash((await rows.nth(0).textContent()) ?? '')).toContain('deprecate');
    expect(squash((await rows.nth(0).textContent()) ?? '')).toContain('no line charts in the sample');
    expect(squash((await rows.nth(1).textContent()) ?? '')).toContain('name: Line chart → Line plot');
    expect(squash((await rows.nth(1).textContent()) ?? '')).toContain('Ada Admin');
    await screenshot(page, 'codebook-history');

    // As of right after "Bar chart" was created: Line chart did not exist yet.
    await rows.nth(3).getByRole('button', { name: 'View as of then' }).click();
    const then = page.getByRole('tree', { name: 'Codebook then' });
    await then.waitFor();
    expect((await then.getByRole('treeitem').allTextContents()).map(squash)).toEqual(['Chart typecategoryWhat kind of chart it is', 'Bar chartb']);
    const diff = page.getByTestId('codebook-diff');
    await diff.waitFor();
    expect(squash((await diff.textContent()) ?? '')).toContain('+ Chart type / Line plot');
    await screenshot(page, 'codebook-as-of');
  });

  it('draws saturation from submitted codings', async () => {
    const store = await openAppDatabase(app);
    try {
      const list = await codes();
      const [bar] = list.filter((c) => c.name === 'Bar chart');
      const vis = await importFigures(store.db, blobDir(app.dataDir), [[40, 30], [41, 30], [42, 30], [43, 30]], { name: 'e2e-sat' });
      const items = await makeSample(store.db, studyId, vis);
      const line = list.find((c) => c.name === 'Line plot')!;
      await submitCoding(store.db, items[0], 'coder-a', new Date('2026-01-01T10:00:00Z'), [bar.id]);
      await submitCoding(store.db, items[1], 'coder-a', new Date('2026-01-01T11:00:00Z'), [bar.id, line.id]);
      await submitCoding(store.db, items[2], 'coder-a', new Date('2026-01-01T12:00:00Z'), [bar.id]);
      await submitCoding(store.db, items[3], 'coder-a', new Date('2026-01-01T13:00:00Z'), [bar.id]);
    } finally {
      await store.close();
    }
    await page.getByRole('tab', { name: 'Saturation' }).click();
    await page.getByLabel('Batch size').fill('2');
    await page.getByText('4 visualisations coded; 2 codes in use; the last batch brought 0 new codes.').waitFor();
    await page.getByRole('figure', { name: 'New codes per batch of coded visualisations' }).locator('svg').first().waitFor();
    await screenshot(page, 'codebook-saturation');
  });

  it('splits a code, sending chosen codings to the new codes', async () => {
    await page.getByRole('tab', { name: 'Codebook' }).click();
    await page.getByRole('tree', { name: 'Codebook' }).getByRole('treeitem').filter({ hasText: 'Bar chart' }).click();
    await page.getByRole('button', { name: 'Split…' }).click();
    await page.getByLabel('New codes, one name per line').fill('Vertical bars\nHorizontal bars');
    const rows = page.getByTestId('split-codings').locator('label');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(4);
    await rows.nth(0).locator('select').selectOption({ label: '→ Vertical bars' });
    await rows.nth(1).locator('select').selectOption({ label: '→ Horizontal bars' });
    await page.getByLabel('Why? (required, kept in the history)').fill('orientation matters');
    await screenshot(page, 'codebook-split');
    await page.getByRole('button', { name: 'Split “Bar chart”' }).click();
    await page.getByRole('status').getByText('Split “Bar chart” into “Vertical bars”, “Horizontal bars”; 2 codings moved.').waitFor();
    const after = await api<{ codes: Array<Code & { uses: number }> }>(app, `/api/studies/${studyId}/codebook`);
    const uses = Object.fromEntries(after.codes.map((c) => [c.name, [c.status, c.uses]]));
    expect(uses).toMatchObject({ 'Bar chart': ['deprecated', 2], 'Vertical bars': ['active', 1], 'Horizontal bars': ['active', 1] });
  });

  it('imports a CSV and exports a .qdc that validates against the REFI-QDA schema', async () => {
    const csv = 'path,kind,name,short_definition,colour,shortcut\nPurpose,category,Purpose,Why the chart is there,#aa3377,\nPurpose / Model evaluation,code,Model evaluation,Judging a trained model,#228833,e\n';
    await page.getByTestId('codebook-import').setInputFiles({ name: 'pilot.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('status').getByText('pilot.csv: 2 created, 0 updated, 0 unchanged.').waitFor();
    await page.getByRole('tree', { name: 'Codebook' }).getByRole('treeitem').filter({ hasText: 'Model evaluation' }).waitFor();
    await screenshot(page, 'codebook-imported');

    const res = await fetch(url(`/api/studies/${studyId}/export/codebook.qdc`), { headers: authHeaders(app) });
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const qdc = await res.text();
    const check = validateWithXmllint(qdc, 'Codebook.xsd');
    expect(check.output).toContain('validates');
    expect(qdc).toContain('name="Model evaluation" isCodable="true" color="#228833"');
  });
});
