import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activateUser, Client, createUser, login, nextIp, strongPassword, type Session } from '../support/auth';
import type { BrowserSession } from '../support/browser';
import { axeBothThemes, launchPerson, screenshotAll, signIn, startSpaStack } from '../support/spa';
import type { RunningStack } from '../support/stack';

// The dashboard against the real API and the real (ticking) simulator: live updates without a
// reload, the controls by role with Q15's friction, and recovery from an API restart.
const LIVE_MS = 20_000;

interface PauseStateBody {
  paused: boolean;
  scope: string;
}

describe('SPA dashboard (real Chromium, real API, real bot simulator)', () => {
  let stack: RunningStack;
  let client: Client;
  let admin: Session;
  const adminPassword = strongPassword();
  const browsers: BrowserSession[] = [];
  const pageErrors: string[][] = [];

  async function openAs(user: { username: string; password: string }): Promise<Page> {
    const { page, errors } = await launchPerson(stack.apiUrl, browsers);
    pageErrors.push(errors);
    await signIn(page, user);
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await page.locator('[data-testid="live-indicator"][data-state="live"]').waitFor({ timeout: LIVE_MS });
    return page;
  }

  async function pauseState(): Promise<PauseStateBody> {
    const res = await client.call<PauseStateBody>('GET', '/api/v1/pause-state', { token: admin.accessToken });
    return res.body;
  }

  async function resumeAll(): Promise<void> {
    const res = await client.call('POST', '/api/v1/control/resume', { token: admin.accessToken, body: { reason: 'e2e: back to normal' } });
    expect(res.status).toBe(200);
  }

  beforeAll(async () => {
    stack = await startSpaStack({ adminPassword, browsers });
    client = new Client(stack.apiUrl);
    admin = await login(client, 'admin', adminPassword, { xff: nextIp() });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('shows the positions live: a simulator change reaches the page without a reload', async () => {
    const page = await openAs({ username: 'admin', password: adminPassword });
    await page.getByTestId('position-item').first().waitFor();
    expect(await page.getByTestId('position-item').count()).toBe(3);
    await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));

    const id = await page.getByTestId('position-item').first().getAttribute('data-position-id');
    await stack.sim.control.setHealthFactor('0.12', id!);
    const card = page.locator(`[data-testid="position-item"][data-position-id="${id}"]`);
    await card.filter({ hasText: 'HF: 12.0%' }).waitFor({ timeout: LIVE_MS });
    expect(await card.innerText()).toContain('Critical'); // health as a word, not colour alone
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);

    expect(await page.getByTestId('card-positions').innerText()).toMatch(/Open positions\s+3/);
    await screenshotAll(page, 'dashboard');
    expect(await axeBothThemes(page)).toEqual({ light: [], dark: [] });
  });

  it('shows a viewer the dashboard with no controls', async () => {
    const viewer = await activateUser(client, await createUser(client, admin.accessToken, { role: 'viewer' }), { xff: nextIp() });
    const page = await openAs(viewer);
    await page.getByTestId('no-controls').waitFor();
    expect(await page.getByRole('button', { name: /Pause|Emergency|Resume/ }).count()).toBe(0);
    expect(await page.getByLabel('Reason').count()).toBe(0);
  });

  it('lets an operator pause entry at once; the pause banner follows, and admin-only controls say why they are off', async () => {
    const operator = await activateUser(client, await createUser(client, admin.accessToken, { role: 'operator' }), { xff: nextIp() });
    const page = await openAs(operator);
    expect(await page.getByRole('button', { name: 'Emergency Stop' }).isDisabled()).toBe(true);
    expect(await page.getByText('Needs the admin role.').count()).toBe(2);

    await page.getByLabel('Reason').fill('e2e: operator pauses entry');
    await page.getByRole('button', { name: 'Pause Entry' }).click();
    await page.locator('[data-testid="pause-banner"][data-scope="entry"]').waitFor({ timeout: LIVE_MS });
    expect(await page.getByTestId('pause-status').innerText()).toContain('Paused: entry');
    expect(await pauseState()).toMatchObject({ paused: true, scope: 'entry' });

    // Q18: the banner survives a reload until acknowledged, and stays (quieter) after.
    await page.reload();
    const banner = page.getByTestId('pause-banner');
    await banner.waitFor({ timeout: LIVE_MS });
    expect(await banner.getAttribute('data-acknowledged')).toBe('false');
    await banner.getByRole('button', { name: 'Acknowledge' }).click();
    await page.reload();
    await page.locator('[data-testid="pause-banner"][data-acknowledged="true"]').waitFor({ timeout: LIVE_MS });
    await screenshotAll(page, 'dashboard-paused-operator');
    expect(await axeBothThemes(page)).toEqual({ light: [], dark: [] });

    await page.getByLabel('Reason').fill('e2e: operator resumes');
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.getByTestId('pause-banner').waitFor({ state: 'detached', timeout: LIVE_MS });
    expect((await pauseState()).paused).toBe(false);
  });

  it('shows a pause within one poll (10 s) when the socket cannot connect (Q18)', async () => {
    const viewer = await activateUser(client, await createUser(client, admin.accessToken, { role: 'viewer' }), { xff: nextIp() });
    const { page, errors } = await launchPerson(stack.apiUrl, browsers);
    pageErrors.push(errors);
    // The feed's WebSocket is refused: only REST works for this page.
    await page.routeWebSocket(/\/ws\/v1\/feed/, (ws) => ws.close({ code: 1011, reason: 'blocked by the test' }));
    await signIn(page, viewer);
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await page.locator('[data-testid="live-indicator"][data-state="reconnecting"]').waitFor({ timeout: LIVE_MS });
    expect(await page.getByTestId('live-stale-since').innerText()).toMatch(/^Stale since \d{1,2}:\d{2}/);

    const res = await client.call('POST', '/api/v1/control/pause', {
      token: admin.accessToken,
      body: { scope: 'entry', reason: 'e2e: pause while the socket is down' },
    });
    expect(res.status).toBe(200);
    const started = Date.now();
    await page.locator('[data-testid="pause-banner"][data-scope="entry"]').waitFor({ timeout: 15_000 });
    expect(Date.now() - started).toBeLessThan(12_000);
    await resumeAll();
    await page.getByTestId('pause-banner').waitFor({ state: 'detached', timeout: 15_000 });
  });

  it('recovers by itself when the API restarts, resuming the feed with no gap', async () => {
    const page = await openAs({ username: 'admin', password: adminPassword });
    await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
    const seqBefore = Number(await page.locator('.dashboard-live').getAttribute('data-feed-seq'));

    stack.api = await stack.api.restart();
    await page.locator('[data-testid="live-indicator"][data-state="live"]').waitFor({ timeout: 60_000 });
    // The page went through Reconnecting and came back without a reload or a detected gap.
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
    expect(await page.getByTestId('live-indicator').getAttribute('data-gaps')).toBe('0');

    const id = await page.getByTestId('position-item').first().getAttribute('data-position-id');
    await stack.sim.control.setHealthFactor('0.31', id!);
    await page
      .locator(`[data-testid="position-item"][data-position-id="${id}"]`)
      .filter({ hasText: 'HF: 31.0%' })
      .waitFor({ timeout: LIVE_MS });
    expect(Number(await page.locator('.dashboard-live').getAttribute('data-feed-seq'))).toBeGreaterThan(seqBefore);
    expect(await page.getByTestId('live-indicator').getAttribute('data-gaps')).toBe('0');
    // The session survived too (the refresh cookie); the signed-in client must sign in again.
    admin = await login(client, 'admin', adminPassword, { xff: nextIp() });
  });

  it('says "Reconnecting to trading bot..." while the bot recovers (never "No positions"), and greys the last known data while it is unreachable', async () => {
    const page = await openAs({ username: 'admin', password: adminPassword });
    await page.getByTestId('position-item').first().waitFor();
    const before = await page.getByTestId('position-item').count();
    // Any "No open positions" shown while the bot restarts would be a lie (Q6): watch for it.
    await page.evaluate(() => {
      const w = window as unknown as { __saidNoPositions: boolean };
      w.__saidNoPositions = false;
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="no-positions"]')) w.__saidNoPositions = true;
      }).observe(document.body, { childList: true, subtree: true });
    });

    await stack.sim.control.addFault({ type: 'restart', startingMs: 6_000, recoveryStepMs: 1_500 });
    const recovering = page.getByTestId('bot-recovering');
    await recovering.waitFor({ timeout: LIVE_MS });
    expect(await recovering.innerText()).toMatch(/Reconnecting to trading bot…/);
    await recovering.waitFor({ state: 'detached', timeout: 60_000 });
    // All recovered (the simulated bot may also open new ones meanwhile).
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="position-item"]').length >= n, before, { timeout: LIVE_MS });
    expect(await page.evaluate(() => (window as unknown as { __saidNoPositions: boolean }).__saidNoPositions)).toBe(false);
    await stack.sim.control.clearFaults();

    await stack.sim.control.addFault({ type: 'refuse' });
    const unavailable = page.getByTestId('bot-unavailable');
    await unavailable.waitFor({ timeout: 60_000 });
    expect(await unavailable.innerText()).toMatch(/last known ones, as of \d{1,2}:\d{2}/);
    expect(await page.locator('.dashboard-live').getAttribute('data-stale')).toBe('true');
    expect(await page.getByTestId('position-item').count()).toBeGreaterThanOrEqual(before);
    await screenshotAll(page, 'dashboard-bot-unavailable');
    await stack.sim.control.clearFaults();
    await unavailable.waitFor({ state: 'detached', timeout: 60_000 });
  });

  it('lets an admin do the full emergency stop: hold 3 s, see the impact, type STOP', async () => {
    const page = await openAs({ username: 'admin', password: adminPassword });
    await page.getByLabel('Reason').fill('e2e: emergency drill');
    const stop = page.getByRole('button', { name: 'Emergency Stop' });

    // The keyboard equivalent: focus it and hold Space for 3 s; Escape closes the dialog and
    // gives the focus back.
    await stop.focus();
    await page.keyboard.down(' ');
    await page.waitForTimeout(3_300);
    await page.keyboard.up(' ');
    await page.getByRole('dialog', { name: 'Confirm emergency stop' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await stop.evaluate((el) => el === document.activeElement)).toBe(true);

    // A short hold does nothing.
    const box = (await stop.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.waitForTimeout(1_000);
    await page.mouse.up();
    await page.waitForTimeout(2_500);
    expect(await page.getByRole('dialog').count()).toBe(0);

    await page.mouse.down();
    await page.waitForTimeout(3_300);
    await page.mouse.up();
    const dialog = page.getByRole('dialog', { name: 'Confirm emergency stop' });
    await dialog.waitFor();
    await dialog.getByTestId('impact-summary').waitFor();
    // The impact names what is open now (the simulated bot opens positions of its own too).
    const open = await page.getByTestId('position-item').count();
    expect(await dialog.getByTestId('impact-summary').innerText()).toMatch(new RegExp(`^${open} positions? to close`));
    await screenshotAll(page, 'emergency-stop-dialog');
    expect(await axeBothThemes(page)).toEqual({ light: [], dark: [] });

    const submit = dialog.getByRole('button', { name: 'Stop everything' });
    await dialog.getByLabel(/Type STOP/).fill('stop');
    expect(await submit.isDisabled()).toBe(true);
    await dialog.getByLabel(/Type STOP/).fill('STOP');
    await submit.click();
    await dialog.waitFor({ state: 'detached', timeout: LIVE_MS });
    await page.locator('[data-testid="pause-banner"][data-scope="all"]').waitFor({ timeout: LIVE_MS });
    expect(await pauseState()).toMatchObject({ paused: true, scope: 'all' });
    await resumeAll();
  });

  it('logged no errors in any page', () => {
    expect(pageErrors.flat()).toEqual([]);
  });
});
