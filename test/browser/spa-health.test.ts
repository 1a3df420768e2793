import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/api';
import { collectPageErrors, launchBrowser, type BrowserSession } from '../support/browser';
import { startStack, type RunningStack } from '../support/stack';

const SCREENSHOTS = join(REPO_ROOT, 'test-results', 'screenshots');
const VIEWPORTS = [
  { name: 'mobile', width: 375, height: 812 },
  { name: 'desktop', width: 1440, height: 900 },
] as const;
const THEMES = ['light', 'dark'] as const;

/** Longer than one poll (5 s) plus the API's bot timeout and a retry. */
const LIVE_UPDATE_MS = 30_000;

const overall = (page: Page) => page.getByTestId('overall-status');
const checkCard = (page: Page, name: 'bot_api' | 'database' | 'dashboard') => page.locator(`article[data-check="${name}"]`);

/** Follows the system theme (no saved choice) with the system set to `theme`. */
async function useSystemTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: theme });
  await page.evaluate(() => {
    localStorage.removeItem('dnb.theme');
    delete document.documentElement.dataset.theme;
  });
}

async function screenshots(page: Page, state: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const theme of THEMES) {
    await useSystemTheme(page, theme);
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      // Let layout and the theme settle (no reload: the page must stay live).
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      await page.screenshot({
        path: join(SCREENSHOTS, `health-${state}-${viewport.width}x${viewport.height}-${theme}.png`),
        fullPage: true,
      });
    }
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  await useSystemTheme(page, 'light');
}

describe('System health page (real Chromium, real API, real bot simulator)', () => {
  let stack: RunningStack;
  let browser: BrowserSession;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    stack = await startStack();
    browser = await launchBrowser({ baseURL: stack.apiUrl, viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
    page = browser.firstPage();
    // The API going away (last test) makes Chromium log the refused requests; that is expected.
    pageErrors = collectPageErrors(page, { ignore: [/Failed to load resource/] });
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('serves /health to visitors (no sign-in) and shows the overall status, the bot and the database healthy', async () => {
    await page.goto('/health');
    await page.getByRole('heading', { level: 1, name: 'System health' }).waitFor();
    expect(await page.title()).toContain('System health');

    // The simulator may still be starting: wait for the first healthy report.
    await page.locator('[data-testid="overall-status"][data-status="healthy"]').waitFor({ timeout: LIVE_UPDATE_MS });
    expect(await overall(page).innerText()).toContain('Healthy');
    expect(await overall(page).getAttribute('aria-live')).toBe('polite');
    expect(await overall(page).locator('svg').count()).toBe(1); // an icon, not color alone

    for (const name of ['bot_api', 'database', 'dashboard'] as const) {
      expect(await checkCard(page, name).getAttribute('data-status')).toBe('healthy');
      expect(await checkCard(page, name).innerText()).toMatch(/Healthy/);
      expect(await checkCard(page, name).innerText()).toMatch(/Response time\s+\d+ ms/);
    }
    expect(await checkCard(page, 'bot_api').getByRole('heading', { level: 3 }).innerText()).toBe('Trading bot');
    expect(await checkCard(page, 'bot_api').locator('[data-detail="state"]').innerText()).toMatch(/Lifecycle\s+Running/);

    // "As of" shows local time; the UTC ISO time is in the tooltip and dateTime.
    const time = page.getByTestId('report-time').locator('time');
    expect(await time.getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(await time.getAttribute('title')).toMatch(/Z \(UTC\)$/);

    // Landmarks, and the header indicator agrees.
    expect(await page.getByRole('banner').count()).toBe(1);
    expect(await page.getByRole('main').count()).toBe(1);
    expect(
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'System health' }).getAttribute('aria-current'),
    ).toBe('page');
    expect(await page.getByTestId('health-indicator').getAttribute('aria-label')).toBe('System status: Healthy');

    await screenshots(page, 'healthy');
  });

  it('lets the user override the system theme, and remembers the choice', async () => {
    await page.emulateMedia({ colorScheme: 'light' });
    const toggle = page.getByRole('button', { name: 'Switch to dark theme' });
    await toggle.click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await background()).toBe('rgb(15, 23, 42)'); // #0f172a, spec 4.4 dark background

    await page.reload();
    await overall(page).locator('.overview-status-text').waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await background()).toBe('rgb(15, 23, 42)');
    await page.getByRole('button', { name: 'Switch to light theme' }).click();
    expect(await background()).toBe('rgb(255, 255, 255)');

    await useSystemTheme(page, 'dark');
    expect(await background()).toBe('rgb(15, 23, 42)'); // no saved choice: follows the system
    await useSystemTheme(page, 'light');
  });

  it('shows the bot check unhealthy, live, when the bot becomes unreachable, and healthy again after', async () => {
    await page.locator('[data-testid="overall-status"][data-status="healthy"]').waitFor({ timeout: LIVE_UPDATE_MS });
    await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));

    // The simulator stops accepting connections on the bot port.
    await stack.sim.control.addFault({ type: 'refuse' });

    const bot = checkCard(page, 'bot_api');
    await page.locator('article[data-check="bot_api"][data-status="unhealthy"]').waitFor({ timeout: LIVE_UPDATE_MS });
    expect(await bot.innerText()).toMatch(/Unhealthy/);
    expect(await bot.locator('.check-error').innerText()).toMatch(/^Error: .+/);
    expect(await bot.locator('[data-detail="state"]').innerText()).toMatch(/Lifecycle\s+Unavailable/);
    expect(await overall(page).getAttribute('data-status')).toBe('degraded');
    expect(await overall(page).innerText()).toContain('Degraded');
    expect(await checkCard(page, 'database').getAttribute('data-status')).toBe('healthy');
    expect(await page.getByTestId('health-indicator').getAttribute('aria-label')).toBe('System status: Degraded');

    await screenshots(page, 'bot-unreachable');

    await stack.sim.control.clearFaults();
    await page.locator('article[data-check="bot_api"][data-status="healthy"]').waitFor({ timeout: LIVE_UPDATE_MS });
    expect(await overall(page).getAttribute('data-status')).toBe('healthy');
    // All of it happened in the same page: no reload.
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  });

  it("shows the bot's lifecycle state while it restarts", async () => {
    await stack.sim.control.addFault({ type: 'restart', startingMs: 8_000, recoveryStepMs: 1_000 });

    await page.locator('article[data-check="bot_api"][data-status="degraded"]').waitFor({ timeout: LIVE_UPDATE_MS });
    const bot = checkCard(page, 'bot_api');
    expect(await bot.locator('[data-detail="state"]').innerText()).toMatch(/Lifecycle\s+(Starting|Recovering)/);
    expect(await bot.locator('.check-note').innerText()).toMatch(/recover/i);
    expect(await overall(page).getAttribute('data-status')).toBe('degraded');

    await page.locator('article[data-check="bot_api"][data-status="healthy"]').waitFor({ timeout: LIVE_UPDATE_MS });
    expect(await bot.locator('[data-detail="state"]').innerText()).toMatch(/Lifecycle\s+Running/);
    await stack.sim.control.clearFaults();
  });

  it('says the API is unreachable, and since when, when the API itself stops', async () => {
    await stack.api.stop();

    await page.locator('[data-testid="overall-status"][data-status="unreachable"]').waitFor({ timeout: LIVE_UPDATE_MS });
    expect(await overall(page).innerText()).toContain('API unreachable');
    expect(await page.getByTestId('stale-since').innerText()).toMatch(/^Stale since \d{1,2}:\d{2}/);
    // The last report stays on screen, marked as old.
    expect(await page.getByText('Last known', { exact: true }).count()).toBe(1);
    expect(await checkCard(page, 'database').getAttribute('data-stale')).toBe('true');
    expect(await page.getByTestId('health-indicator').getAttribute('aria-label')).toBe('System status: Offline');

    await screenshots(page, 'api-unreachable');
    expect(pageErrors).toEqual([]);
  });
});
