// The whole qualitative-coding flow of issue #5, end to end in Chromium and through the UI only:
// the first account (admin), a coder account, a study with both as members, a three-code codebook,
// a real notebook imported, a 5-item sample with 100 % overlap assigned to the admin and the coder,
// each of them coding the 5 items with the keyboard alone (one region each), the agreement page
// showing κ and α (checked against the arithmetic below), one disagreement resolved, and the study
// downloaded as a .qdpx whose project.qde validates against the REFI-QDA schema.
import fs from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusFile } from '../helpers/corpus';
import { validateWithXmllint } from '../helpers/xmllint';
import { ADMIN, api, chromiumMissing, createFirstAdmin, openApp, screenshot, signIn, squash, type RunningApp } from './app';

const CODER = { name: 'Cody Coder', email: 'cody@example.org', password: 'cody-password-1' };
const NOTEBOOK = 'agconti-titanic__Titanic.ipynb'; // ten PNG figures
// Created in this order, so 1–3 in the workspace are these (it lists codes in codebook order).
const CODES = [
  { name: 'Confusion matrix', key: 'c', definition: 'A grid of predicted against actual classes.' },
  { name: 'Data distribution', key: 'd', definition: 'A histogram, density or box plot of the data.' },
  { name: 'Loss curve', key: 'l', definition: 'A training or validation loss over epochs.' },
];
type Region = { x: number; y: number; w: number; h: number };
/** What each coder does on each item, as keys only. */
type Step = { keys: 'region'; nudge: boolean; then: string; code: string } | { keys: string[]; code: string };
const PLAN: Record<'admin' | 'coder', Step[]> = {
  // Ada: Loss curve on a region moved right and grown down; then a number, a letter, a number, a letter.
  admin: [
    { keys: 'region', nudge: true, then: 'l', code: 'Loss curve' },
    { keys: ['1'], code: 'Confusion matrix' },
    { keys: ['d'], code: 'Data distribution' },
    { keys: ['3'], code: 'Loss curve' },
    { keys: ['c'], code: 'Confusion matrix' },
  ],
  // Cody: Loss curve on the region as it starts; a letter, a search, a letter, a number.
  coder: [
    { keys: 'region', nudge: false, then: '3', code: 'Loss curve' },
    { keys: ['c'], code: 'Confusion matrix' },
    { keys: ['/', 'distrib', 'Enter'], code: 'Data distribution' },
    { keys: ['l'], code: 'Loss curve' },
    { keys: ['2'], code: 'Data distribution' }, // the one disagreement: Ada said Confusion matrix
  ],
};
const ADMIN_REGION: Region = { x: 0.3, y: 0.25, w: 0.5, h: 0.55 }; // the start (.25,.25,.5,.5), → once, Shift+↓ once (steps of .05)
const CODER_REGION: Region = { x: 0.25, y: 0.25, w: 0.5, h: 0.5 };

interface Queue { items: { assignmentId: number; status: string; codings: number }[] }
interface Item { mine: { codeId: number; region: Region | null }[]; codes: { id: number; name: string }[] }
type Attrs = Record<string, string>;
type Selection = Attrs & { Coding: Array<Attrs & { CodeRef: Attrs }> };

describe.skipIf(chromiumMissing())('a study from the first account to the .qdpx, through the UI', () => {
  let app: RunningApp;
  let close: () => Promise<void>;
  let page: Page;
  let studyPath: string; // /studies/<id>
  const url = (p: string) => `${app.baseUrl}${p}`;
  const studyId = () => Number(studyPath.split('/').pop());

  beforeAll(async () => {
    ({ app, page, close } = await openApp({ admin: false, page: { viewport: { width: 1400, height: 950 }, acceptDownloads: true } }));
  });
  afterAll(() => close?.());

  it('creates the first account (admin), then a coder account', async () => {
    await createFirstAdmin(page, app);
    await page.goto(url('/admin/users'));
    const form = page.getByRole('form', { name: 'Create an account' });
    await form.getByLabel('Name').fill(CODER.name);
    await form.getByLabel('Email').fill(CODER.email);
    await form.getByLabel('Initial password').fill(CODER.password);
    await form.getByLabel('Role').selectOption('coder');
    await form.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('status').getByText(`${CODER.name} (${CODER.email}) can now sign in as coder.`).waitFor();
    await expect.poll(() => page.getByTestId('users').locator('tbody tr').count()).toBe(2);
    await screenshot(page, 'flow-01-users');
  });

  it('imports a real notebook on the import page', async () => {
    await page.goto(url('/import'));
    await page.getByTestId('file-input').setInputFiles([corpusFile(NOTEBOOK)]);
    const rows = page.locator('table[data-testid="upload-results"] tr[data-status="imported"]');
    await expect.poll(() => rows.count(), { timeout: 60_000 }).toBe(1);
    await screenshot(page, 'flow-02-import');
  });

  it('creates a study and makes the coder a member', async () => {
    await page.goto(url('/studies'));
    await page.getByRole('button', { name: /New study|Create a study/ }).first().click();
    await page.getByLabel('Name').fill('Testing in Titanic notebooks');
    await page.getByRole('button', { name: 'Create study' }).click();
    await page.getByRole('heading', { name: 'Testing in Titanic notebooks' }).waitFor();
    studyPath = new URL(page.url()).pathname;
    expect(studyPath).toMatch(/^\/studies\/\d+$/);
    const add = page.getByRole('form', { name: 'Add a member' });
    await add.getByLabel('User to add').selectOption({ label: `${CODER.name} — ${CODER.email}` });
    await add.getByRole('button', { name: 'Add' }).click();
    await page.getByTestId('members').getByText(CODER.email).waitFor();
    expect(await page.getByTestId('members').locator('tbody tr').count()).toBe(2);
    await screenshot(page, 'flow-03-study');
  });

  it('builds a three-code codebook, each code with its key', async () => {
    await page.getByRole('navigation', { name: 'Study sections' }).getByRole('link', { name: /^Codebook/ }).click();
    await page.getByRole('heading', { name: 'No codes yet' }).waitFor();
    await page.getByRole('button', { name: 'New code' }).click();
    for (const [i, c] of CODES.entries()) {
      // After the first, "n" starts the next code beside the one just created (at the top level).
      if (i > 0) await page.locator('body').press('n');
      await page.getByRole('heading', { name: 'New code at the top level' }).waitFor();
      await page.getByLabel('Name').fill(c.name);
      await page.getByLabel('Shortcut key').fill(c.key);
      await page.getByLabel('Definition', { exact: true }).fill(c.definition);
      await page.getByRole('button', { name: 'Create code' }).click();
      await page.getByRole('status').getByText(`Created “${c.name}”.`).waitFor();
    }
    const tree = page.getByRole('tree', { name: 'Codebook' });
    expect((await tree.getByRole('treeitem').allTextContents()).map(squash)).toEqual(CODES.map((c) => `${c.name}0×${c.key}`));
    await screenshot(page, 'flow-04-codebook');
  });

  it('draws a 5-item sample and assigns it to the admin and the coder with 100 % overlap', async () => {
    // The form's filters offer no near-duplicate group, so it never asks for the groups (the slowest facet list).
    const asked: string[] = [];
    const onRequest = (r: { url(): string }) => asked.push(new URL(r.url()).pathname);
    page.on('request', onRequest);
    await page.goto(url(`${studyPath}/samples`));
    await page.getByRole('heading', { name: 'No samples yet' }).waitFor();
    await page.getByLabel('Name').fill('Pilot');
    await page.locator('#filter-mime').selectOption('image/png');
    await page.getByLabel('N', { exact: true }).fill('5');
    await page.getByLabel('Seed').fill('7');
    await expect.poll(async () => squash(await page.getByTestId('sample-preview').innerText()), { timeout: 15_000 }).toMatch(/figures \(originals\) match · the sample would hold 5$/);
    await screenshot(page, 'flow-05-sample-form');
    page.off('request', onRequest);
    expect(asked).toContain('/api/visualisations/facets/lists');
    expect(asked).not.toContain('/api/visualisations/facets/groups');
    await page.getByRole('button', { name: 'Draw the sample' }).click();
    const form = page.getByTestId('assign-form');
    await form.waitFor();
    // The coder is ticked already; the admin (the study's supervisor) codes too.
    await form.getByLabel(`${ADMIN.name} (supervisor)`).check();
    expect(await form.getByLabel(`${CODER.name} (coder)`).isChecked()).toBe(true);
    await form.getByLabel('Double-coded %').fill('100');
    await form.getByLabel('Order per coder').selectOption('fixed');
    await screenshot(page, 'flow-05-assign');
    await form.getByRole('button', { name: 'Assign' }).click();
    await page.getByTestId('sample-progress').waitFor();
    const card = squash(await page.getByTestId('sample').innerText());
    expect(card).toContain('0 of 10 codings submitted');
    expect(card).toContain('100 % double-coded');
    await screenshot(page, 'flow-06-assigned');
  });

  for (const who of ['admin', 'coder'] as const) {
    const person = who === 'admin' ? ADMIN : CODER;
    it(`${person.name} codes the 5 items with the keyboard alone, one of them by region`, async () => {
      if (who === 'coder') await signIn(page, app, CODER);
      await page.goto(url('/coding'));
      await page.getByTestId('continue').waitFor();
      const queue = await api<Queue>(app, '/api/coding/queue');
      expect(queue.items).toHaveLength(5);
      await screenshot(page, `flow-07-queue-${who}`);
      await page.keyboard.press('Enter'); // opens the next pending item

      for (const [i, step] of PLAN[who].entries()) {
        await page.waitForURL(url(`/coding/${queue.items[i].assignmentId}`));
        await page.getByRole('heading', { name: new RegExp(`item ${i + 1}$`) }).waitFor();
        await page.locator('[data-testid="workspace"][data-keys="on"]').waitFor();
        if (i === 0 && who === 'admin') expect(squash(await page.getByTestId('others').innerText())).toMatch(/^Blind: 1 other coder codes this item/);
        if (step.keys === 'region') {
          await page.keyboard.press('r');
          await page.getByTestId('draft-region').waitFor();
          if (step.nudge) {
            await page.keyboard.press('ArrowRight');
            await page.keyboard.press('Shift+ArrowDown');
          }
          await screenshot(page, `flow-08-region-draft-${who}`);
          await page.keyboard.press('Enter');
          await page.getByTestId('choose-region-code').waitFor();
          await page.keyboard.press(step.then);
          await page.getByTestId('my-region').waitFor();
        } else {
          for (const k of step.keys) {
            if (k.length > 1 && k !== 'Enter') await page.keyboard.type(k);
            else await page.keyboard.press(k);
          }
        }
        const mine = page.getByTestId('my-coding');
        await expect.poll(() => mine.count()).toBe(1);
        expect(squash(await mine.innerText())).toContain(step.code);
        if (i === 0) await screenshot(page, `flow-09-region-${who}`);
        if (i === 4) await screenshot(page, `flow-10-last-item-${who}`);
        await page.keyboard.press('Enter'); // submit and go to the next pending item
        if (i < 4) await page.waitForURL((u) => !u.pathname.endsWith(`/${queue.items[i].assignmentId}`));
      }
      await page.waitForURL(/\/coding\?finished=1/);
      await page.getByRole('status').getByText('All your items are submitted').waitFor();
      await screenshot(page, `flow-11-done-${who}`);

      const after = await api<Queue>(app, '/api/coding/queue');
      expect(after.items.map((i) => [i.status, i.codings])).toEqual(Array(5).fill(['submitted', 1]));
      const first = await api<Item>(app, `/api/coding/assignments/${after.items[0].assignmentId}`);
      expect(first.mine).toHaveLength(1);
      expect(first.codes.find((c) => c.id === first.mine[0].codeId)?.name).toBe('Loss curve');
      expect(first.mine[0].region).toEqual(who === 'admin' ? ADMIN_REGION : CODER_REGION);
    });
  }

  it('shows Cohen’s κ and Krippendorff’s α of the two coders on the agreement page', async () => {
    await signIn(page, app, ADMIN);
    await page.goto(url(studyPath));
    await page.getByRole('navigation', { name: 'Study sections' }).getByRole('link', { name: /^Agreement/ }).click();
    const overall = page.getByTestId('overall');
    await overall.waitFor();
    expect(page.url()).toContain(`study=${studyId()}`);
    // Each coder applied exactly one code per item (the region's code counts like any other), so an
    // item's code set is a single label: Ada L C D L C, Cody L C D L D (C = Confusion matrix,
    // D = Data distribution, L = Loss curve); they differ on item 5 only.
    //   % agreement p_o = 4/5 = 80.0 %.
    //   Cohen's κ: marginals Ada L2 C2 D1, Cody L2 C1 D2; p_e = (2·2 + 2·1 + 1·2)/25 = 8/25 = 0.32;
    //     κ = (0.8 − 0.32)/(1 − 0.32) = 0.48/0.68 = 0.70588 → 0.706.
    //   Krippendorff's α (MASI over sets; two different singletons are at distance 1, so nominal):
    //     n = 10 values, L4 C3 D3; observed disagreement: item 5 gives o_CD = o_DC = 1;
    //     α = 1 − (n − 1)·Σo_ck / Σn_c·n_k (c ≠ k) = 1 − 9·2/(100 − 16 − 9 − 9) = 1 − 18/66 = 0.72727 → 0.727.
    //   Per code (applied or not, nominal): Loss curve agrees everywhere: κ = α = 1. Confusion matrix:
    //     Ada yes on 2, 5, Cody on 2; p_o = 0.8, p_e = 0.4·0.2 + 0.6·0.8 = 0.56, κ = 0.24/0.44 = 0.545;
    //     α: yes 3, no 7, α = 1 − 9·2/(2·3·7) = 1 − 18/42 = 0.571. Data distribution: the mirror image.
    const cell = (k: string, n: number) => overall.locator(`tr[data-coefficient="${k}"] td`).nth(n).textContent();
    expect(await cell('percentAgreement', 1)).toBe('80.0 %');
    expect(await cell('cohenKappa', 1)).toBe('0.706');
    expect(await cell('alpha', 1)).toBe('0.727');
    expect(await cell('alpha', 2)).toBe('5'); // items
    expect(await cell('alpha', 3)).toBe('2'); // coders
    const perCode = page.getByTestId('per-code');
    const codeRow = async (name: string) => (await perCode.locator('tbody tr', { hasText: name }).locator('td').allTextContents()).map((t) => t.trim());
    // Code, items, coders, %, Cohen's κ, Fleiss' κ, α
    expect((await codeRow('Loss curve')).filter((_, i) => [0, 3, 4, 6].includes(i))).toEqual(['Loss curve', '100.0 %', '1.000', '1.000']);
    expect((await codeRow('Confusion matrix')).filter((_, i) => [0, 3, 4, 6].includes(i))).toEqual(['Confusion matrix', '80.0 %', '0.545', '0.571']);
    expect((await codeRow('Data distribution')).filter((_, i) => [0, 3, 4, 6].includes(i))).toEqual(['Data distribution', '80.0 %', '0.545', '0.571']);
    await page.getByRole('figure', { name: "Krippendorff's alpha per code" }).locator('svg').first().waitFor();
    const rows = page.getByTestId('disagreements').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    const row = squash(await rows.first().innerText());
    expect(row).toContain(`${ADMIN.email}: Confusion matrix`);
    expect(row).toContain(`${CODER.email}: Data distribution`);
    expect(row).toContain('open');
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="disagreements"] img')].every((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0), undefined, { timeout: 15_000 });
    await screenshot(page, 'flow-12-agreement');
  });

  it('resolves the disagreement, and the consensus is shown', async () => {
    await page.getByTestId('disagreements').getByRole('link', { name: 'Resolve' }).click();
    await page.getByTestId('side-by-side').waitFor();
    expect(await page.getByTestId('side-by-side').locator('section').count()).toBe(2);
    await page.getByTestId('consensus-empty').waitFor();
    await page.getByRole('button', { name: `Use ${CODER.email}'s Data distribution` }).click();
    await page.getByTestId('consensus-drafts').getByText('Data distribution').waitFor();
    await page.getByLabel('Memo for Data distribution').fill('a histogram of ages');
    await page.getByRole('button', { name: 'Save consensus' }).click();
    await page.getByRole('status').getByText('Saved').waitFor();
    await screenshot(page, 'flow-13-consensus');

    // Reloaded, the item shows the recorded consensus; the list says "recorded"; the figures do not move.
    await page.reload();
    await page.getByTestId('consensus-drafts').getByText('Data distribution').waitFor();
    expect(await page.getByLabel('Memo for Data distribution').inputValue()).toBe('a histogram of ages');
    await page.getByRole('link', { name: '← Agreement' }).click();
    await page.getByTestId('disagreements').getByText('recorded').waitFor();
    expect(await page.getByTestId('disagreements').getByRole('link', { name: 'Review' }).count()).toBe(1);
    expect(await page.getByTestId('overall').locator('tr[data-coefficient="alpha"] td').nth(1).textContent()).toBe('0.727');
    await screenshot(page, 'flow-14-agreement-resolved');
  });

  it('downloads the study as a .qdpx whose project.qde validates, with every coding, the consensus and the regions in pixels', async () => {
    await page.goto(url(`${studyPath}/codebook`));
    const link = page.getByRole('link', { name: 'REFI-QDA project (.qdpx)' });
    await link.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(`study-${studyId()}.qdpx`);
    const zip = unzipSync(new Uint8Array(fs.readFileSync((await download.path())!)));
    const images = Object.keys(zip).filter((f) => f.startsWith('Sources/'));
    expect(images).toHaveLength(5);
    const qde = strFromU8(zip['project.qde']);
    const check = validateWithXmllint(qde, 'Project-mrt2019.xsd');
    expect(check.output).toContain('validates');
    expect(check.ok).toBe(true);

    const isArray = (n: string) => ['User', 'Code', 'PictureSource', 'PictureSelection', 'Coding', 'Note'].includes(n);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray }).parse(qde).Project;
    const users = new Map<string, string>(doc.Users.User.map((u: Attrs) => [u.guid, u.name]));
    expect([...users.values()].sort()).toEqual([ADMIN.name, CODER.name, 'Consensus'].sort());
    const codes = new Map<string, string>(doc.CodeBook.Codes.Code.map((c: Attrs) => [c.guid, c.name]));
    expect([...codes.values()]).toEqual(CODES.map((c) => c.name));

    const sources = doc.Sources.PictureSource as Array<Attrs & { PictureSelection: Selection[] }>;
    expect(sources).toHaveLength(5);
    const codings = sources.flatMap((s) => s.PictureSelection.flatMap((sel) => sel.Coding.map((c) => ({ by: users.get(c.creatingUser), code: codes.get(c.CodeRef.targetGUID) }))));
    expect(codings).toHaveLength(11); // 5 items × 2 coders + the consensus
    const count = (by: string) => codings.filter((c) => c.by === by).map((c) => c.code).sort();
    expect(count(ADMIN.name)).toEqual(PLAN.admin.map((s) => s.code).sort());
    expect(count(CODER.name)).toEqual(PLAN.coder.map((s) => s.code).sort());
    expect(count('Consensus')).toEqual(['Data distribution']);
    const notes = (doc.Notes.Note as Array<{ PlainTextContent: string }>).map((n) => n.PlainTextContent);
    expect(notes).toContain('a histogram of ages');

    // The regions: one PictureSelection per coder on the first item, in pixels of that image.
    const regions = sources.flatMap((s) => s.PictureSelection.filter((sel) => sel.name.endsWith(': region')).map((sel) => ({ source: s, sel })));
    expect(regions.map((r) => r.sel.name).sort()).toEqual([`${ADMIN.name}: region`, `${CODER.name}: region`]);
    expect(regions[0].source.guid).toBe(regions[1].source.guid);
    const { width, height } = pngSize(zip[`Sources/${regions[0].source.path.replace('internal://', '')}`]);
    const px = (r: Region) => [Math.round(r.x * width), Math.round(r.y * height), Math.round((r.x + r.w) * width), Math.round((r.y + r.h) * height)];
    const box = (sel: Selection) => ['firstX', 'firstY', 'secondX', 'secondY'].map((k) => Number(sel[k]));
    for (const { sel } of regions) {
      expect(box(sel)).toEqual(px(sel.name.startsWith(ADMIN.name) ? ADMIN_REGION : CODER_REGION));
      expect(sel.Coding.map((c) => codes.get(c.CodeRef.targetGUID))).toEqual(['Loss curve']);
    }
    // Every other selection is the whole image.
    const whole = sources.flatMap((s) => s.PictureSelection.filter((sel) => sel.name.endsWith(': whole image')).map((sel) => ({ s, sel })));
    expect(whole).toHaveLength(9);
    for (const { s, sel } of whole) {
      const size = pngSize(zip[`Sources/${s.path.replace('internal://', '')}`]);
      expect(box(sel)).toEqual([0, 0, size.width, size.height]);
    }
  });
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Uint8Array | undefined): { width: number; height: number } {
  if (!bytes) throw new Error('image missing from the .qdpx');
  const b = Buffer.from(bytes);
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}
