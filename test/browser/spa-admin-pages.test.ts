import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activateUser, Client, createUser, login, strongPassword, type Session } from '../support/auth';
import { seriousAxeViolations, type AxeProblem } from '../support/axe';
import { collectPageErrors, launchBrowser, type BrowserSession } from '../support/browser';
import { screenshotAll, signIn, useSystemTheme } from '../support/spa';
import { startStack, type RunningStack } from '../support/stack';

const SETTLE_MS = 30_000;

/** axe in light and in dark (system theme), on the page as it is now; problems by theme. */
async function axeBothThemes(page: Page): Promise<Record<string, AxeProblem[]>> {
  const out: Record<string, AxeProblem[]> = {};
  for (const theme of ['light', 'dark'] as const) {
    await useSystemTheme(page, theme);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    out[theme] = await seriousAxeViolations(page);
  }
  await useSystemTheme(page, 'light');
  return out;
}

async function expectAccessibleAndShoot(page: Page, name: string): Promise<void> {
  // Outcome toasts belong to the shell and fade by themselves; the pages are what is checked here.
  for (const close of await page.getByRole('button', { name: 'Dismiss notification' }).all()) await close.click();
  expect(await axeBothThemes(page)).toEqual({ light: [], dark: [] });
  await screenshotAll(page, name);
}

// Analytics, Alerts, Settings and the Audit log, as an admin (changes through each) and a viewer
// (no admin controls), against the real API and the bot simulator.
describe('SPA admin pages (real Chromium, real API, real bot simulator)', () => {
  let stack: RunningStack;
  let client: Client;
  let admin: Session;
  let viewer: { username: string; password: string };
  const adminPassword = strongPassword();
  const browsers: BrowserSession[] = [];

  async function openPage(): Promise<{ page: Page; errors: string[] }> {
    const browser = await launchBrowser({ baseURL: stack.apiUrl });
    browsers.push(browser);
    const page = browser.firstPage();
    return { page, errors: collectPageErrors(page, { ignore: [/Failed to load resource/] }) };
  }

  beforeAll(async () => {
    stack = await startStack({
      sim: { initialPositions: 2, incidents: false },
      api: { env: { ADMIN_PASSWORD: adminPassword, BOT_POLL_MS: '200', HISTORY_SAMPLE_MS: '1000' } },
    });
    client = new Client(stack.apiUrl);
    admin = await login(client, 'admin', adminPassword);
    const created = await createUser(client, admin.accessToken, { role: 'viewer' });
    viewer = await activateUser(client, created);
    // A warning alert to acknowledge: one position's health factor below 0.20.
    let positionId: string | undefined;
    for (let i = 0; i < 100 && !positionId; i++) {
      const res = await client.call<{ positions?: Array<{ position_id: string }> }>('GET', '/api/v1/positions', {
        token: admin.accessToken,
      });
      positionId = res.body.positions?.[0]?.position_id;
      if (!positionId) await new Promise((r) => setTimeout(r, 200));
    }
    if (!positionId) throw new Error('the simulator opened no position');
    await stack.sim.control.setHealthFactor('0.18', positionId);
  });

  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await stack?.stop();
  });

  describe('as an admin', () => {
    let page: Page;
    let errors: string[];

    beforeAll(async () => {
      ({ page, errors } = await openPage());
      await signIn(page, { username: 'admin', password: adminPassword });
    });

    it('Analytics shows PnL, win rate, funding, breakers and trades for a chosen range', async () => {
      await page.getByRole('link', { name: 'Analytics' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Analytics' }).waitFor();
      await page.getByRole('button', { name: '24h', exact: true }).click();
      expect(new URL(page.url()).searchParams.get('range')).toBe('24h');
      expect(await page.getByRole('button', { name: '24h', exact: true }).getAttribute('aria-pressed')).toBe('true');
      await page.getByTestId('win-rate').locator('.skeleton').waitFor({ state: 'detached', timeout: SETTLE_MS });
      expect(await page.getByTestId('win-rate').innerText()).toMatch(/^(No trades|\d+\.\d%)$/);
      await page.getByRole('heading', { name: 'Cumulative PnL' }).waitFor();
      await page.getByRole('heading', { name: 'Trades' }).waitFor();
      await page.getByRole('heading', { name: 'Circuit breakers' }).waitFor();
      // The chart code arrives on its own, after the page.
      await page.locator('.recharts-wrapper').first().waitFor({ timeout: SETTLE_MS });
      await expectAccessibleAndShoot(page, 'analytics');
    });

    it('Alerts: acknowledges an alert and the row says who did', async () => {
      await page.goto('/alerts');
      await page.getByRole('heading', { level: 1, name: 'Alerts' }).waitFor();
      const row = page.locator('tr[data-state="open"]').filter({ hasText: 'Health factor warning' }).first();
      // The engine raises it within a poll or two; the history refreshes every 30 s or on reload.
      for (let i = 0; i < 20 && (await row.count()) === 0; i++) {
        await page.reload();
        await page.getByRole('heading', { level: 2, name: 'History' }).waitFor();
        await page.waitForTimeout(500);
      }
      const id = await row.getAttribute('data-alert-id');
      await row.getByRole('button', { name: /Acknowledge/ }).click();
      const acked = page.locator(`tr[data-alert-id="${id}"][data-state="acknowledged"]`);
      await acked.waitFor();
      expect(await acked.innerText()).toContain('Acknowledged by admin');
      // Channels and dead letters are admin sections.
      await page.getByRole('heading', { name: 'Channels' }).waitFor();
      await page.getByRole('heading', { name: 'Dead letters' }).waitFor();
      await expectAccessibleAndShoot(page, 'alerts');
    });

    it('Settings: a config change is previewed old -> new, then saved as a new version', async () => {
      await page.goto('/settings');
      await page.waitForURL('**/settings/config');
      const field = page.getByLabel('Max concurrent positions');
      await field.waitFor();
      const before = await field.inputValue();
      const after = String(Number(before) === 7 ? 8 : 7);
      await field.fill(after);
      await page.getByLabel('Reason for the change').fill('e2e: fewer positions');
      await page.getByRole('button', { name: /^Review 1 change$/ }).click();
      const dialog = page.getByRole('dialog', { name: 'Apply these changes to the bot?' });
      await dialog.waitFor();
      const change = dialog.locator('li[data-path="bot.max_concurrent_positions"]');
      expect(await change.locator('.diff-old').innerText()).toBe(before);
      expect(await change.locator('.diff-new').innerText()).toBe(after);
      await expectAccessibleAndShoot(page, 'settings-config-preview');
      await dialog.getByRole('button', { name: 'Apply changes' }).click();
      const saved = page.getByTestId('config-saved');
      await saved.waitFor();
      const version = /Saved as version (\d+)/.exec(await saved.innerText())?.[1];
      expect(version).toBeDefined();
      await page.locator(`li[data-version="${version}"]`).waitFor();
      expect(await page.getByLabel('Max concurrent positions').inputValue()).toBe(after);
      await expectAccessibleAndShoot(page, 'settings-config');
    });

    it('Settings: a new API key is shown once, then only its prefix', async () => {
      await page.getByRole('link', { name: 'API keys' }).click();
      await page.getByRole('heading', { name: 'New API key' }).waitFor();
      await page.getByLabel('Name').fill('e2e-grafana');
      await page.getByRole('button', { name: 'Create key' }).click();
      const secret = page.getByTestId('new-api-key').locator('[data-secret]');
      await secret.waitFor();
      const key = await secret.innerText();
      expect(key).toMatch(/^dnb_/);
      await page.locator('tr[data-key-name="e2e-grafana"]').waitFor();
      await expectAccessibleAndShoot(page, 'settings-api-keys');
      await page.getByRole('button', { name: 'I have stored it' }).click();
      expect(await page.locator('body').innerText()).not.toContain(key);
      await page.reload();
      await page.locator('tr[data-key-name="e2e-grafana"]').waitFor();
      expect(await page.locator('body').innerText()).not.toContain(key);
    });

    it('Settings: users and my account', async () => {
      await page.getByRole('link', { name: 'Users' }).click();
      await page.locator(`tr[data-username="${viewer.username}"]`).waitFor();
      await expectAccessibleAndShoot(page, 'settings-users');
      await page.getByRole('link', { name: 'My account' }).click();
      await page.getByRole('heading', { name: 'Signed in as admin' }).waitFor();
      await page.locator('tr[data-current]').waitFor();
      await expectAccessibleAndShoot(page, 'settings-account');
    });

    it('Audit log: filters by action, and the hash chain verifies', async () => {
      await page.goto('/logs');
      await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
      await page.locator('tr[data-audit-id]').first().waitFor();
      await page.getByLabel('Action').fill('config.update');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.locator('tr[data-audit-id]').first().waitFor();
      await page.waitForFunction(() =>
        [...document.querySelectorAll('tr[data-audit-id]')].every((tr) => tr.getAttribute('data-action') === 'config.update'),
      );
      expect(await page.locator('tr[data-audit-id]').count()).toBeGreaterThan(0);
      await page.getByRole('button', { name: 'Verify integrity' }).click();
      await page.locator('[data-testid="audit-verify"][data-valid="true"]').waitFor({ timeout: SETTLE_MS });
      await expectAccessibleAndShoot(page, 'audit');
      expect(errors).toEqual([]);
    });
  });

  describe('as a viewer', () => {
    it('sees the pages a viewer may read, without admin or operator controls', async () => {
      const { page, errors } = await openPage();
      await signIn(page, viewer);
      const nav = page.getByRole('navigation', { name: 'Main' });
      expect(await nav.getByRole('link', { name: 'Audit log' }).count()).toBe(0);
      expect(await nav.getByRole('link', { name: 'Analytics' }).count()).toBe(1);

      await page.goto('/alerts');
      await page.getByRole('heading', { level: 2, name: 'History' }).waitFor();
      await page.locator('tr[data-alert-id]').first().waitFor({ timeout: SETTLE_MS });
      expect(await page.getByRole('button', { name: /Acknowledge/ }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Create silence' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Save rules' }).count()).toBe(0);
      expect(await page.getByRole('heading', { name: 'Dead letters' }).count()).toBe(0);
      expect(await page.getByTestId('permission-note').allInnerTexts()).toEqual(
        expect.arrayContaining([expect.stringContaining('Requires the operator role'), expect.stringContaining('Requires the admin role')]),
      );
      await expectAccessibleAndShoot(page, 'alerts-viewer');

      // Settings opens on the viewer's own account: no configuration, users or keys offered.
      await page.goto('/settings');
      await page.waitForURL('**/settings/account');
      const tabs = page.getByRole('navigation', { name: 'Settings sections' });
      expect(await tabs.getByRole('link').allInnerTexts()).toEqual(['My account']);
      expect(errors).toEqual([]);
    });
  });
});
