import type { Page } from 'playwright-core';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activateUser, Client, createUser, login, nextIp, strongPassword, type Session } from '../support/auth';
import type { BrowserSession } from '../support/browser';
import { axeBothThemes, launchPerson, screenshotAll, signIn, startSpaStack } from '../support/spa';
import type { RunningStack } from '../support/stack';

// Sign-in through the SPA against the real API: password, the TOTP step, the session kept in
// memory and restored from the refresh cookie, navigation by role, sign out.
describe('SPA sign-in and session (real Chromium, real API)', () => {
  let stack: RunningStack;
  let client: Client;
  let admin: Session;
  const adminPassword = strongPassword();
  const browsers: BrowserSession[] = [];

  const openPage = (): Promise<{ page: Page; errors: string[] }> => launchPerson(stack.apiUrl, browsers);

  beforeAll(async () => {
    stack = await startSpaStack({ adminPassword, browsers });
    client = new Client(stack.apiUrl);
    admin = await login(client, 'admin', adminPassword, { xff: nextIp() });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('sends a visitor to /login, signs in, returns to the page asked for, and keeps the session across a reload', async () => {
    const { page, errors } = await openPage();
    await page.goto('/');
    await page.waitForURL('**/login');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await screenshotAll(page, 'login');
    expect(await axeBothThemes(page)).toEqual({ light: [], dark: [] });

    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /invalid/i })
      .waitFor();

    await page.getByLabel('Password').fill(adminPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.getByTestId('account-role').innerText()).toBe('admin');
    // The access token never reaches storage.
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }))).not.toMatch(/eyJ/);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    expect(await page.getByTestId('account-username').innerText()).toBe('admin');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/login');
    await page.goto('/');
    await page.waitForURL('**/login');
    expect(errors).toEqual([]);
  });

  it('asks for the authenticator code when the user has two-factor authentication on', async () => {
    const created = await createUser(client, admin.accessToken, { role: 'operator' });
    const operator = await activateUser(client, created, { xff: nextIp() });
    const setup = await client.call<{ secret: string }>('POST', '/api/v1/auth/mfa/setup', { token: operator.accessToken });
    expect(setup.status).toBe(200);
    const enable = await client.call('POST', '/api/v1/auth/mfa/enable', {
      token: operator.accessToken,
      body: { totp: await generate({ secret: setup.body.secret }) },
    });
    expect(enable.status).toBeLessThan(300);

    const { page, errors } = await openPage();
    // A code from the next 30 s window: the one used to enable may not be used again.
    await signIn(page, operator, {
      totp: () => generate({ secret: setup.body.secret, epoch: Math.floor(Date.now() / 1000) + 30 }),
      next: '/health',
    });
    await page.waitForURL('**/health');
    expect(await page.getByTestId('account-role').innerText()).toBe('operator');
    expect(errors).toEqual([]);
  });

  it('lists only the pages a viewer may see', async () => {
    const created = await createUser(client, admin.accessToken, { role: 'viewer' });
    const viewer = await activateUser(client, created, { xff: nextIp() });
    const { page } = await openPage();
    await signIn(page, viewer);
    const nav = page.getByRole('navigation', { name: 'Main' });
    const labels = await nav.getByRole('link').allInnerTexts();
    expect(labels).toContain('Dashboard');
    expect(labels).toContain('System health');
    expect(labels).not.toContain('Audit log');

    // A tablet: the pages sit behind the menu button, and nothing overflows sideways.
    await page.setViewportSize({ width: 900, height: 800 });
    await page.getByRole('button', { name: 'Open menu' }).click();
    await nav.getByRole('link', { name: 'Positions', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Positions' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });

  it('makes a user with a password set by an admin choose a new one first', async () => {
    const created = await createUser(client, admin.accessToken, { role: 'viewer' });
    const { page } = await openPage();
    await page.goto('/login');
    await page.getByLabel('Username').fill(created.username);
    await page.getByLabel('Password').fill(created.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Change your password' }).waitFor();
    const next = strongPassword();
    await page.getByLabel('Current password').fill(created.password);
    await page.getByLabel('New password', { exact: true }).fill(next);
    await page.getByLabel('New password again').fill(next);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  });
});
