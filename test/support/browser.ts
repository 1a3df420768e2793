import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';

/** Debian's Chromium; browser tests never download a browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags every browser test launches Chromium with (the profile dir is added per launch). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

export interface BrowserSession {
  /** One browser with its own fresh profile (cookies, localStorage): one user. */
  readonly context: BrowserContext;
  readonly profileDir: string;
  /** The tab Chromium opened at launch. */
  firstPage(): Page;
  newPage(): Promise<Page>;
  /** Closes the browser and deletes its profile dir. Safe to call twice. */
  close(): Promise<void>;
}

export interface LaunchOptions {
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark' | 'no-preference';
  /** Base for relative page.goto() URLs. */
  baseURL?: string;
}

/**
 * Launches Chromium with CHROMIUM_ARGS and a fresh temp --user-data-dir. Playwright refuses a
 * --user-data-dir argument, so the profile goes through launchPersistentContext, which passes it
 * as exactly that flag. Launch once per simulated user: sessions share nothing.
 */
export async function launchBrowser(options: LaunchOptions = {}): Promise<BrowserSession> {
  const profileDir = mkdtempSync(join(tmpdir(), 'dnb-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS],
      headless: true,
      viewport: options.viewport ?? { width: 1440, height: 900 },
      colorScheme: options.colorScheme ?? 'light',
      baseURL: options.baseURL,
      timeout: 60_000,
    });
  } catch (error) {
    rmSync(profileDir, { recursive: true, force: true });
    throw error;
  }
  let closed = false;
  return {
    context,
    profileDir,
    firstPage: () =>
      context.pages()[0] ??
      (() => {
        throw new Error('Chromium opened no page');
      })(),
    newPage: () => context.newPage(),
    async close() {
      if (closed) return;
      closed = true;
      try {
        await context.close();
      } finally {
        rmSync(profileDir, { recursive: true, force: true });
      }
    },
  };
}

/** Collects console errors and uncaught page errors, for asserting a page ran cleanly. */
export function collectPageErrors(page: Page, { ignore = [] }: { ignore?: RegExp[] } = {}): string[] {
  const errors: string[] = [];
  const keep = (text: string) => {
    if (!ignore.some((pattern) => pattern.test(text))) errors.push(text);
  };
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') keep(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => keep(`pageerror: ${error.message}`));
  return errors;
}
