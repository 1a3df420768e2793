import type { Page, WebSocket } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strongPassword } from '../support/auth';
import type { BrowserSession } from '../support/browser';
import { launchPerson, signIn, startSpaStack } from '../support/spa';
import type { RunningStack } from '../support/stack';

// Q8: the feed asks for a new token before the old one expires; the page refreshes it through
// the refresh cookie and hands it over the open socket, which stays open (no reconnection).
describe('SPA token refresh over the socket (real Chromium, real API)', () => {
  let stack: RunningStack;
  let page: Page;
  let errors: string[];
  const adminPassword = strongPassword();
  const browsers: BrowserSession[] = [];

  beforeAll(async () => {
    stack = await startSpaStack({
      adminPassword,
      browsers,
      env: {
        // A 60 s token, renewal asked 52 s ahead: the feed asks about 8 s after connecting.
        ACCESS_TOKEN_TTL_S: '60',
        WS_TOKEN_REFRESH_LEAD_S: '52',
      },
    });
    ({ page, errors } = await launchPerson(stack.apiUrl, browsers));
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('renews the token over the open socket and keeps the same connection', async () => {
    const sockets: WebSocket[] = [];
    const sent: string[] = [];
    const received: string[] = [];
    page.on('websocket', (ws) => {
      if (!ws.url().includes('/ws/v1/feed')) return;
      sockets.push(ws);
      ws.on('framesent', (f) => sent.push(String(f.payload)));
      ws.on('framereceived', (f) => received.push(String(f.payload)));
    });
    await signIn(page, { username: 'admin', password: adminPassword });
    await page.locator('[data-testid="live-indicator"][data-state="live"]').waitFor({ timeout: 20_000 });

    await expect.poll(() => received.some((f) => f.includes('"token_refresh_required"')), { timeout: 20_000, interval: 250 }).toBe(true);
    await expect.poll(() => sent.some((f) => f.includes('"refresh_token"')), { timeout: 10_000, interval: 250 }).toBe(true);
    await expect.poll(() => received.some((f) => f.includes('"token_refresh_success"')), { timeout: 10_000, interval: 250 }).toBe(true);

    expect(sockets).toHaveLength(1);
    expect(sockets[0]!.isClosed()).toBe(false);
    expect(await page.getByTestId('live-indicator').getAttribute('data-state')).toBe('live');
    // The new token works for REST too: a page that reads the API still loads.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Positions', exact: true }).click();
    await page.getByTestId('position-row').first().waitFor();
    expect(errors).toEqual([]);
  });
});
