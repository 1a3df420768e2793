import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strongPassword } from '../support/auth';
import type { BrowserSession } from '../support/browser';
import { axeBothThemes, launchPerson, screenshotAll, signIn, startSpaStack } from '../support/spa';
import type { RunningStack } from '../support/stack';

// The positions list and a position's detail against the real API and simulator, on a desktop
// and a phone.
describe('SPA positions (real Chromium, real API, real bot simulator)', () => {
  let stack: RunningStack;
  let page: Page;
  let errors: string[];
  const adminPassword = strongPassword();
  const browsers: BrowserSession[] = [];

  beforeAll(async () => {
    stack = await startSpaStack({ adminPassword, browsers });
    ({ page, errors } = await launchPerson(stack.apiUrl, browsers));
    await signIn(page, { username: 'admin', password: adminPassword }, { next: '/positions' });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const rows = () => page.getByTestId('position-row');

  it('lists the positions in a table that searches, filters and sorts, with the first column stuck', async () => {
    await page.getByRole('heading', { level: 1, name: 'Positions' }).waitFor();
    await rows().first().waitFor();
    expect(await rows().count()).toBe(3);
    expect(await page.getByTestId('positions-summary').innerText()).toMatch(/^3 of 3 positions/);

    const first = rows().first().locator('th');
    expect(await first.evaluate((el) => getComputedStyle(el).position)).toBe('sticky');

    const id = (await rows().nth(1).getAttribute('data-position-id'))!;
    await page.getByLabel('Search').fill(id);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="position-row"]').length === 1);
    expect(await rows().first().getAttribute('data-position-id')).toBe(id);
    expect(new URL(page.url()).searchParams.get('q')).toBe(id);
    await page.getByLabel('Search').fill('');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="position-row"]').length === 3);

    await page.getByRole('button', { name: /Total PnL/ }).click();
    await page.locator('th[aria-sort="descending"]', { hasText: 'Total PnL' }).waitFor();
    expect(new URL(page.url()).searchParams.get('sort')).toBe('total_pnl_usd');
    await page.getByLabel('Health', { exact: true }).selectOption('attention');
    await page.getByLabel('Health', { exact: true }).selectOption('');
    await screenshotAll(page, 'positions');
    expect(await axeBothThemes(page)).toEqual({ light: [], dark: [] });
  });

  it('shows a phone an accordion instead of the table', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    const item = page.getByTestId('position-item').first();
    await item.waitFor();
    expect(await rows().count()).toBe(0);
    await item.locator('summary').click();
    expect(await item.innerText()).toMatch(/Asgard health factor/);
    // Nothing but the content scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it("shows a position's sizing, both legs, PnL split, risk with distance to liquidation, and lifecycle", async () => {
    await rows().first().waitFor();
    const id = await rows().first().getAttribute('data-position-id');
    await rows().first().getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: `Position ${id}` }).waitFor();
    for (const section of ['Sizing', 'Long leg (Asgard, Solana)', 'Short leg (Hyperliquid)', 'PnL', 'Risk']) {
      await page.getByRole('region', { name: section, exact: true }).waitFor();
    }
    expect(await page.getByRole('region', { name: 'Risk' }).innerText()).toMatch(/Distance to liquidation\s+\d+(\.\d)?%/);
    await page.getByTestId('lifecycle').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('lifecycle').innerText()).toMatch(/Opened/);
    await screenshotAll(page, 'position-detail');
    expect(await axeBothThemes(page)).toEqual({ light: [], dark: [] });
    expect(errors).toEqual([]);
  });
});
