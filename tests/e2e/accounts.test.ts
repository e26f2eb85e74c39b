import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, chromiumMissing, createFirstAdmin, openApp, screenshot, signIn, squash, type RunningApp } from './app';

// The first account becomes admin; the admin creates a coder and two studies, puts the coder in one;
// the coder signs in and sees only that one.
describe.skipIf(chromiumMissing())('accounts, roles and study membership', () => {
  let app: RunningApp;
  let close: () => Promise<void>;
  let page: Page;
  const url = (p: string) => `${app.baseUrl}${p}`;
  const CODER = { name: 'Cody Coder', email: 'cody@example.org', password: 'cody-password-1' };
  let otherStudyUrl: string;

  beforeAll(async () => {
    ({ app, page, close } = await openApp({ admin: false }));
  });
  afterAll(() => close?.());

  it('sends a visitor without a session to sign-in, which offers to create the first account', async () => {
    await page.goto(url('/visualisations'));
    await page.getByRole('heading', { name: 'Create the first account (admin)' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/visualisations');
    const api = await fetch(url('/api/stats'));
    expect(api.status).toBe(401);
    await screenshot(page, 'accounts-first-account');
  });

  it('makes the first account admin', async () => {
    await createFirstAdmin(page, app);
    expect(squash(await page.getByTestId('nav-user').innerText())).toContain(`${ADMIN.name} admin`);
    // public sign-up is now closed
    const res = await fetch(url('/api/auth/sign-up/email'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: app.baseUrl },
      body: JSON.stringify({ name: 'Eve', email: 'eve@example.org', password: 'eve-password-1' }),
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { message: string }).message).toMatch(/Sign-up is closed/);
  });

  it('lets the admin create a coder', async () => {
    await page.goto(url('/admin/users'));
    const form = page.getByRole('form', { name: 'Create an account' });
    await form.getByLabel('Name').fill(CODER.name);
    await form.getByLabel('Email').fill(CODER.email);
    await form.getByLabel('Initial password').fill(CODER.password);
    await form.getByLabel('Role').selectOption('coder');
    await form.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('status').getByText(`${CODER.name} (${CODER.email}) can now sign in as coder.`).waitFor();
    const rows = page.getByTestId('users').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    expect(squash(await page.getByTestId('users').innerText())).toContain(CODER.email);
    await screenshot(page, 'accounts-admin-users');
  });

  it('lets the admin create two studies and add the coder to one', async () => {
    for (const name of ['Confusion matrices', 'Loss curves']) {
      await page.goto(url('/studies'));
      await page.getByRole('button', { name: /New study|Create a study/ }).first().click();
      await page.getByLabel('Name').fill(name);
      await page.getByRole('button', { name: 'Create study' }).click();
      await page.getByRole('heading', { name }).waitFor();
      if (name === 'Confusion matrices') otherStudyUrl = new URL(page.url()).pathname;
    }
    const add = page.getByRole('form', { name: 'Add a member' });
    await add.getByLabel('User to add').selectOption({ label: `${CODER.name} — ${CODER.email}` });
    await add.getByRole('button', { name: 'Add' }).click();
    await page.getByTestId('members').getByText(CODER.email).waitFor();
    expect(squash(await page.getByTestId('members').innerText())).toContain(`${ADMIN.name} you ${ADMIN.email}`);
    await screenshot(page, 'accounts-study-overview');
    await page.goto(url('/studies'));
    await expect.poll(() => page.getByTestId('studies').locator('tbody tr').count(), { timeout: 15_000 }).toBe(2);
    await screenshot(page, 'accounts-studies-admin');
  });

  it('signs out', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to vizmine' }).waitFor();
    await page.goto(url('/studies'));
    await page.getByRole('heading', { name: 'Sign in to vizmine' }).waitFor();
    // a wrong password says what to do
    await page.getByLabel('Email').fill(CODER.email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText(/do not match an account/).waitFor();
    await screenshot(page, 'accounts-sign-in-error');
  });

  it('lands a coder on their coding queue, with a nav free of supervisor actions', async () => {
    await signIn(page, app, CODER);
    expect(squash(await page.getByTestId('nav-user').innerText())).toContain(`${CODER.name} coder`);
    expect(new URL(page.url()).pathname).toBe('/coding');
    const nav = page.locator('nav.nav');
    for (const name of ['Coding', 'Notebooks', 'Studies']) await nav.getByRole('link', { name, exact: true }).waitFor();
    for (const name of ['Import', 'Settings', 'Strategies', 'Runs', 'Users']) expect(await nav.getByRole('link', { name, exact: true }).count()).toBe(0);
    await screenshot(page, 'accounts-coder-nav');
    // the notebooks list offers a coder no reproduction (no ticks, no Reproduce button)
    await page.goto(url('/notebooks'));
    await page.getByRole('heading', { name: 'Notebooks', exact: true }).waitFor();
    await page.getByText('No notebooks yet').waitFor();
    expect(await page.getByRole('link', { name: 'Import notebooks' }).count()).toBe(0);
  });

  it('shows a coder a not-allowed page for every supervisor page, checked on the server', async () => {
    for (const path of ['/import', '/strategies', '/strategies/new', '/runs', '/workers', '/settings', '/collection-runs/1', '/executions/1']) {
      const res = await page.goto(url(path));
      expect(res?.status(), path).toBe(200);
      const box = page.getByTestId('not-allowed');
      await box.waitFor();
      expect(squash(await box.innerText()), path).toContain(`${path} is for the admin or supervisor role; you are signed in as a coder.`);
      // nothing of the page itself was sent: the server redirected before rendering it
      expect(new URL(page.url()).pathname, path).toBe('/not-allowed');
      if (path === '/import') await screenshot(page, 'accounts-coder-import-not-allowed');
    }
    await page.getByTestId('not-allowed').getByRole('link', { name: 'Go to your coding queue' }).click();
    await page.waitForURL(/\/coding$/);
  });

  it('shows the coder only the study they belong to', async () => {
    await page.goto(url('/studies'));
    const rows = page.getByTestId('studies').locator('tbody tr');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(1);
    expect(squash(await rows.first().innerText())).toContain('Loss curves coder 2');
    expect(await page.getByRole('button', { name: 'New study' }).count()).toBe(0);
    await screenshot(page, 'accounts-studies-coder');

    await page.goto(url(otherStudyUrl));
    await page.getByRole('alert').getByText(/or you are not a member of it/).waitFor();
    await page.goto(url('/admin/users'));
    await page.getByTestId('not-allowed').getByText('/admin/users is for the admin role; you are signed in as a coder.').waitFor();
    expect(await page.getByRole('link', { name: 'Users' }).count()).toBe(0);
    await screenshot(page, 'accounts-coder-not-admin');
  });
});
