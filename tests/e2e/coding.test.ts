// Coding end to end: real corpus notebooks imported, a study with three codes and two coders; the
// supervisor draws a 5-item sample on the samples page and assigns it to both (every item double
// coded, blind); each coder then codes all 5 items with the keyboard alone, including one region,
// and sees the other's codings only once both have submitted.
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusFile } from '../helpers/corpus';
import { ADMIN, api, authHeaders, chromiumMissing, openApp, screenshot, signIn, squash, type RunningApp } from './app';

const CODERS = [
  { name: 'Ann Coder', email: 'ann@example.org', password: 'ann-password-1' },
  { name: 'Bob Coder', email: 'bob@example.org', password: 'bob-password-1' },
];
interface Queue { items: { assignmentId: number; status: string; codings: number; flagged: boolean }[]; nextPendingId: number | null }
interface Item { mine: { codeId: number; region: { x: number; y: number; w: number; h: number } | null; memo: string }[]; others: { codings: unknown[] }[] | null; codes: { id: number; name: string }[] }

describe.skipIf(chromiumMissing())('coding with the keyboard', () => {
  let app: RunningApp;
  let close: () => Promise<void>;
  let page: Page;
  let studyId: number;
  const url = (p: string) => `${app.baseUrl}${p}`;
  // The item's heading is shown and its keyboard listener attached.
  const atItem = async (n: number) => {
    // (a flagged item's heading also says "flagged")
    await page.getByRole('heading', { name: new RegExp(`item ${n}\\s*(flagged)?$`) }).waitFor();
    await page.locator('[data-testid="workspace"][data-keys="on"]').waitFor();
  };
  const post = async (route: string, body: unknown) => {
    const res = await fetch(url(route), { method: 'POST', headers: authHeaders(app, { 'Content-Type': 'application/json' }), body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`POST ${route} answered ${res.status}: ${await res.text()}`);
    return res.json() as Promise<{ id: number | string }>;
  };

  beforeAll(async () => {
    ({ app, page, close } = await openApp({ page: { viewport: { width: 1500, height: 950 } } }));
    for (const file of ['agconti-titanic__Titanic.ipynb', 'anthropikos__train_val_loss_over_epoch.ipynb']) {
      const form = new FormData();
      form.set('file', new File([fs.readFileSync(corpusFile(file))], file));
      const res = await fetch(url('/api/imports'), { method: 'POST', headers: authHeaders(app), body: form });
      expect(res.status).toBe(200);
    }
    studyId = Number((await post('/api/studies', { name: 'How ML is tested' })).id);
    for (const c of CODERS) {
      const user = await post('/api/users', { ...c, role: 'coder' });
      await post(`/api/studies/${studyId}/members`, { userId: user.id, role: 'coder' });
    }
    await post(`/api/studies/${studyId}/codebook`, { name: 'Loss curve', shortcut: 'l' });
    await post(`/api/studies/${studyId}/codebook`, { name: 'Confusion matrix', shortcut: 'c' });
    await post(`/api/studies/${studyId}/codebook`, { name: 'Data distribution', shortcut: 'd' });
    // Found by its definition only: its name says nothing of epochs.
    await post(`/api/studies/${studyId}/codebook`, { name: 'Training dynamics', definition: 'How a metric changes over epochs of training.' });
    adminCookie = app.cookie!;
  });
  let adminCookie: string;
  // The study is closed (no open coding) until the admin, its creator, opens it halfway through Ann's work.
  const setOpenCoding = async (openCoding: boolean) => {
    const res = await fetch(url(`/api/studies/${studyId}`), { method: 'PATCH', headers: { cookie: adminCookie, 'Content-Type': 'application/json' }, body: JSON.stringify({ openCoding }) });
    expect(res.status).toBe(200);
  };
  afterAll(() => close?.());

  it('draws a 5-item sample with a live preview and assigns it to both coders, all double-coded', async () => {
    await page.goto(url(`/studies/${studyId}/samples`));
    await page.getByRole('heading', { name: 'No samples yet' }).waitFor();
    await page.getByLabel('Name').fill('Pilot');
    await page.getByLabel('N', { exact: true }).fill('5');
    await page.getByLabel('Seed').fill('3');
    await expect.poll(async () => squash(await page.getByTestId('sample-preview').innerText()), { timeout: 15_000 }).toMatch(/figures \(originals\) match · the sample would hold 5$/);
    await screenshot(page, 'coding-samples-form');
    await page.getByRole('button', { name: 'Draw the sample' }).click();
    const form = page.getByTestId('assign-form');
    await form.waitFor();
    await form.getByLabel('Double-coded %').fill('100');
    await form.getByLabel('Order per coder').selectOption('fixed');
    await form.getByRole('button', { name: 'Assign' }).click();
    await page.getByTestId('sample-progress').waitFor();
    expect(squash(await page.getByTestId('sample').innerText())).toContain('0 of 10 codings submitted');
    await screenshot(page, 'coding-samples-assigned');
  });

  for (const [n, coder] of CODERS.entries()) {
    it(`${coder.name} codes 5 items with the keyboard alone, one of them by region`, async () => {
      await signIn(page, app, coder);
      await page.goto(url('/coding'));
      await page.getByTestId('continue').waitFor();
      const queue = await api<Queue>(app, '/api/coding/queue');
      expect(queue.items).toHaveLength(5);
      await screenshot(page, `coding-queue-${n}`);
      await page.keyboard.press('Enter'); // opens the next pending item

      for (let i = 0; i < 5; i++) {
        await page.waitForURL(url(`/coding/${queue.items[i].assignmentId}`));
        await atItem(i + 1);
        if (i === 0) {
          // The other coder's work stays hidden until both submitted.
          expect(squash(await page.getByTestId('others').innerText())).toMatch(/^Blind: 1 other coder codes this item/);
          await page.keyboard.press('1'); // Loss curve, whole figure
          await page.keyboard.press('r'); // region: arrows move, Shift+arrows resize
          await page.keyboard.press('ArrowRight');
          await page.keyboard.press('Shift+ArrowDown');
          await page.getByTestId('draft-region').waitFor();
          await page.keyboard.press('Enter');
          await page.getByTestId('choose-region-code').waitFor();
          await page.keyboard.press('c'); // Confusion matrix, for the region
          await page.getByTestId('my-region').waitFor();
          await page.keyboard.press('m'); // memo on the last coding
          await page.keyboard.type(`region memo by ${coder.name}`);
          await page.keyboard.press('Enter');
          await screenshot(page, `coding-workspace-region-${n}`);
        } else if (i === 1) {
          await page.keyboard.press('/');
          await page.keyboard.type('distrib');
          await page.keyboard.press('Enter'); // applies the match
          await page.keyboard.press('f'); // flag
        } else if (i === 2 && n === 0) {
          // A closed study: a coder cannot create codes; Enter on no match does nothing.
          await page.keyboard.press('/');
          await page.keyboard.type('Feature importance');
          expect(squash(await page.getByTestId('no-match').innerText())).toBe('No code matches “Feature importance”; only the study’s supervisors add codes (unless the study allows open coding).');
          expect(await page.getByTestId('create-code').count()).toBe(0);
          await page.keyboard.press('Enter');
          await page.keyboard.press('Shift+Enter');
          expect(await page.getByTestId('my-coding').count()).toBe(0);
          await screenshot(page, 'coding-workspace-closed-study');
          await page.keyboard.press('Escape');
          // Open coding on: "Create …" is offered as the last option, but Enter alone still creates nothing.
          await setOpenCoding(true);
          await page.reload();
          await atItem(3);
          await page.keyboard.press('/');
          await page.keyboard.type('Feature importance');
          await page.getByTestId('create-code').getByText('Create “Feature importance”').waitFor();
          await page.keyboard.press('Enter');
          expect(await page.getByTestId('my-coding').count()).toBe(0);
          await screenshot(page, 'coding-workspace-create-option');
          await page.keyboard.press('Shift+Enter'); // the explicit choice: creates the code and applies it
          await page.getByTestId('my-coding').getByText('Feature importance').waitFor();
        } else if (i === 2 && n === 1) {
          // "epochs" is only in a definition: Enter picks that code, and creating stays the last option.
          await page.keyboard.press('/');
          await page.keyboard.type('epochs');
          const listed = page.getByTestId('codes').locator('button');
          await expect.poll(() => listed.count()).toBe(2);
          expect(squash(await listed.nth(0).innerText())).toMatch(/^Training dynamics\b/);
          expect(await listed.nth(1).getAttribute('data-testid')).toBe('create-code');
          expect(squash(await listed.nth(1).innerText())).toMatch(/^Create “epochs”/);
          await screenshot(page, 'coding-workspace-definition-search');
          await page.keyboard.press('Enter');
          await page.getByTestId('my-coding').getByText('Training dynamics').waitFor();
        } else {
          await page.keyboard.press(i % 2 ? 'l' : '2');
          await page.keyboard.press('n'); // item memo
          await page.keyboard.type('an item memo');
          await page.keyboard.press('Escape');
        }
        await expect.poll(() => page.getByTestId('my-coding').count()).toBe(i === 0 ? 2 : 1);
        await page.keyboard.press('Enter'); // submit and move on
        if (i < 4) await page.waitForURL((u) => !u.pathname.endsWith(`/${queue.items[i].assignmentId}`));
      }
      await page.waitForURL(/\/coding\?finished=1/);
      await page.getByRole('status').getByText('All your items are submitted').waitFor();
      await screenshot(page, `coding-queue-done-${n}`);

      const after = await api<Queue>(app, '/api/coding/queue');
      expect(after.items.map((i) => i.status)).toEqual(Array(5).fill('submitted'));
      expect(after.items.map((i) => i.codings)).toEqual([2, 1, 1, 1, 1]);
      expect(after.items.map((i) => i.flagged)).toEqual([false, true, false, false, false]);
      const first = await api<Item>(app, `/api/coding/assignments/${after.items[0].assignmentId}`);
      const name = (id: number) => first.codes.find((c) => c.id === id)?.name;
      expect(first.mine.map((m) => [name(m.codeId), m.region === null])).toEqual([['Loss curve', true], ['Confusion matrix', false]]);
      expect(first.mine[1].region).toEqual({ x: 0.3, y: 0.25, w: 0.5, h: 0.55 });
      expect(first.mine[1].memo).toBe(`region memo by ${coder.name}`);
      // Blind until both submitted: the first coder sees nothing of the second's; the second sees the first's.
      expect(first.others === null).toBe(n === 0);
    });
  }

  it('shows the other coder’s codings beside mine once both submitted', async () => {
    const queue = await api<Queue>(app, '/api/coding/queue');
    // From the last item back to the first with ←, as a coder reviews their work.
    await page.goto(url(`/coding/${queue.items[4].assignmentId}`));
    for (let i = 4; i > 0; i--) {
      await atItem(i + 1);
      await page.keyboard.press('ArrowLeft');
    }
    await atItem(1);
    await page.getByTestId('other-coding').first().waitFor();
    expect(await page.getByTestId('other-coding').count()).toBe(2);
    expect(await page.getByTestId('other-region').count()).toBe(1);
    expect(squash(await page.getByTestId('others').innerText())).toContain('region memo by Ann Coder');
    await screenshot(page, 'coding-workspace-both-submitted');

    // Reopen, add a code, leave and come back: the page shows what was saved, not a stale copy.
    await page.keyboard.press('o');
    await page.getByText('Reopened').waitFor();
    await page.keyboard.press('3');
    await page.keyboard.press('ArrowRight');
    await atItem(2);
    await page.keyboard.press('ArrowLeft');
    await atItem(1);
    await expect.poll(() => page.getByTestId('my-coding').count()).toBe(3);
    // Reopened, the item is blind again for both until it is resubmitted.
    expect(squash(await page.getByTestId('others').innerText())).toMatch(/^Blind: 1 other coder/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/coding\?finished=1/);
    await signIn(page, app, ADMIN);
    await page.goto(url(`/studies/${studyId}/samples`));
    await expect.poll(async () => squash(await page.getByTestId('sample').innerText())).toContain('10 of 10 codings submitted');
    await screenshot(page, 'coding-samples-progress');
  });
});
