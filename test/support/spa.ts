import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from './api';
import { nextIp } from './auth';
import { seriousAxeViolations, type AxeProblem } from './axe';
import { collectPageErrors, launchBrowser, type BrowserSession } from './browser';
import { startStack, type RunningStack } from './stack';

export const SCREENSHOTS = join(REPO_ROOT, 'test-results', 'screenshots');

/**
 * A copy of the built SPA for one suite's API (WEB_DIST_DIR): a rebuild of apps/web/dist while
 * the suite runs (new chunk names) must not break pages it already loaded.
 */
export function snapshotSpa(): { env: { WEB_DIST_DIR: string }; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'dnb-web-dist-'));
  cpSync(join(REPO_ROOT, 'apps', 'web', 'dist'), dir, { recursive: true });
  return { env: { WEB_DIST_DIR: dir }, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The real simulator and API for an SPA suite: a known admin password, loopback trusted as a
 * proxy (see launchPerson), its own copy of the built SPA. stop() also closes the suite's
 * browsers and removes the copy.
 */
export async function startSpaStack(options: {
  adminPassword: string;
  browsers: BrowserSession[];
  env?: NodeJS.ProcessEnv;
}): Promise<RunningStack> {
  const spa = snapshotSpa();
  let stack: RunningStack;
  try {
    stack = await startStack({
      api: { env: { ADMIN_PASSWORD: options.adminPassword, TRUSTED_PROXIES: '127.0.0.1', ...spa.env, ...options.env } },
    });
  } catch (error) {
    spa.remove();
    throw error;
  }
  const stopStack = stack.stop.bind(stack);
  stack.stop = async () => {
    for (const browser of options.browsers) await browser.close();
    await stopStack();
    spa.remove();
  };
  return stack;
}

/**
 * One person's browser (own profile and client address: the API trusts loopback as a proxy in
 * these tests, so the login limit of 5 per 5 minutes per IP applies per person, as in
 * production), remembered in `opened` for closing. Errors exclude refused requests and sockets,
 * which an API restart causes on purpose.
 */
export async function launchPerson(baseURL: string, opened: BrowserSession[]): Promise<{ page: Page; errors: string[] }> {
  const browser = await launchBrowser({ baseURL });
  opened.push(browser);
  await browser.context.setExtraHTTPHeaders({ 'x-forwarded-for': nextIp() });
  const page = browser.firstPage();
  return { page, errors: collectPageErrors(page, { ignore: [/Failed to load resource/, /WebSocket/] }) };
}

/** Signs in through the SPA's login page (with the TOTP step when `totp` is given). */
export async function signIn(
  page: Page,
  user: { username: string; password: string },
  options: { totp?: () => Promise<string>; next?: string } = {},
) {
  await page.goto(options.next ? `/login?next=${encodeURIComponent(options.next)}` : '/login');
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (options.totp) {
    const code = page.getByLabel('Authentication code');
    await code.waitFor();
    await code.fill(await options.totp());
    await page.getByRole('button', { name: 'Verify' }).click();
  }
  await page.getByTestId('account-username').waitFor();
}

/** Follows the system theme (no saved choice) with the system set to `theme`. */
export async function useSystemTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: theme });
  await page.evaluate(() => {
    localStorage.removeItem('dnb.theme');
    delete document.documentElement.dataset.theme;
  });
}

const VIEWPORTS = [
  { width: 375, height: 812 },
  { width: 1440, height: 900 },
] as const;

/** 375x812 and 1440x900 full-page screenshots in both themes, then back to desktop light. */
export async function screenshotAll(page: Page, name: string): Promise<string[]> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const files: string[] = [];
  for (const theme of ['light', 'dark'] as const) {
    await useSystemTheme(page, theme);
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const file = join(SCREENSHOTS, `${name}-${viewport.width}x${viewport.height}-${theme}.png`);
      await page.screenshot({ path: file, fullPage: true });
      files.push(file);
    }
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  await useSystemTheme(page, 'light');
  return files;
}

/** axe-core's serious and critical violations in the light and the dark theme (system setting). */
export async function axeBothThemes(page: Page): Promise<Record<'light' | 'dark', AxeProblem[]>> {
  const found = { light: [] as AxeProblem[], dark: [] as AxeProblem[] };
  for (const theme of ['light', 'dark'] as const) {
    await useSystemTheme(page, theme);
    found[theme] = await seriousAxeViolations(page);
  }
  await useSystemTheme(page, 'light');
  return found;
}
