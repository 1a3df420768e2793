import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedErrorMessage, SnapshotMessage, SubscribedMessage, TokenRefreshRequiredMessage } from '@dnb/contracts';
import {
  accessClaimsFor,
  activateUser,
  createApiKey,
  createUser,
  login,
  signToken,
  startAccessApi,
  type AccessApi,
  type Session,
} from '../support/auth';
import { FeedTestClient } from '../support/feed-client';

// Who may hold a feed connection, and for how long: token refresh and expiry (Q8), a disabled
// user or a revoked key (closed within 1 s), connection caps, channel permissions.

const REFRESH_LEAD_S = 2;

describe('feed access', () => {
  let target: AccessApi;
  let admin: Session;
  const clients: FeedTestClient[] = [];
  const client = (options: ConstructorParameters<typeof FeedTestClient>[1]) => {
    const c = new FeedTestClient(target.url, options);
    clients.push(c);
    return c;
  };
  let ip = 10;
  const from = () => `127.0.9.${ip++}`;

  beforeAll(async () => {
    target = await startAccessApi({
      database: 'sqlite',
      env: { WS_TOKEN_REFRESH_LEAD_S: String(REFRESH_LEAD_S), MAX_WS_CONNECTIONS: '8', MAX_WS_CONNECTIONS_PER_USER: '3' },
    });
    admin = await login(target.client, target.adminUsername, target.adminPassword!, { from: from() });
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await target?.stop();
  });

  it('asks for a new token before expiry, accepts it, and keeps the connection past the old expiry', async () => {
    const shortLived = signToken(accessClaimsFor(admin, { exp: Math.floor(Date.now() / 1000) + REFRESH_LEAD_S + 2 }), target.jwtSecret);
    const c = client({ token: shortLived });
    await c.connect();
    c.subscribe(0);
    const required = await c.waitFor<TokenRefreshRequiredMessage>(
      'token_refresh_required',
      (m) => m.type === 'token_refresh_required',
      5000,
    );
    expect(required.refresh_url).toBe('/api/v1/auth/refresh');
    expect(Date.parse(required.expires_at) - Date.now()).toBeGreaterThan(0);
    c.send({ action: 'refresh_token', token: admin.accessToken });
    await c.waitFor('token_refresh_success', (m) => m.type === 'token_refresh_success');
    await new Promise((r) => setTimeout(r, (REFRESH_LEAD_S + 2) * 1000));
    expect(c.socket.connected).toBe(true);
  });

  it('closes a connection whose token expires without a refresh, saying so', async () => {
    const expiresInS = 2;
    const shortLived = signToken(accessClaimsFor(admin, { exp: Math.floor(Date.now() / 1000) + expiresInS }), target.jwtSecret);
    const c = client({ token: shortLived });
    await c.connect();
    const closed = c.disconnected();
    await closed;
    const error = c.messages.find((m): m is FeedErrorMessage => m.type === 'error');
    expect(error?.code).toBe('TOKEN_EXPIRED');
  });

  it('refuses a refresh with another user’s token and closes the connection', async () => {
    const viewer = await activateUser(target.client, await createUser(target.client, admin.accessToken, { role: 'viewer' }), {
      from: from(),
    });
    const c = client({ token: admin.accessToken });
    await c.connect();
    const closed = c.disconnected();
    c.send({ action: 'refresh_token', token: viewer.accessToken });
    await closed;
    expect(c.messages.find((m): m is FeedErrorMessage => m.type === 'error')?.code).toBe('TOKEN_INVALID');
  });

  it('closes a disabled user’s socket within 1 s', async () => {
    const viewer = await activateUser(target.client, await createUser(target.client, admin.accessToken, { role: 'viewer' }), {
      from: from(),
    });
    const c = client({ token: viewer.accessToken });
    await c.connect();
    c.subscribe(0);
    await c.waitFor<SnapshotMessage>('snapshot', (m) => m.type === 'snapshot');
    const closed = c.disconnected();
    const started = performance.now();
    const res = await target.client.call('PATCH', `/api/v1/users/${viewer.user.id}`, {
      token: admin.accessToken,
      body: { is_active: false },
    });
    expect(res.status).toBe(200);
    await closed;
    expect(performance.now() - started).toBeLessThan(1000);
    expect(c.messages.find((m): m is FeedErrorMessage => m.type === 'error')?.code).toBe('ACCESS_REVOKED');
    // And it cannot come back.
    await expect(client({ token: viewer.accessToken }).connect()).rejects.toThrow(/UNAUTHENTICATED/);
  });

  it('refuses a user who must still change the password, as the HTTP routes do', async () => {
    const fresh = await createUser(target.client, admin.accessToken, { role: 'operator' });
    const first = await login(target.client, fresh.username, fresh.password, { from: from() });
    expect(first.user.must_change_password).toBe(true);
    await expect(client({ token: first.accessToken }).connect()).rejects.toThrow(/PASSWORD_CHANGE_REQUIRED/);
  });

  it('lets an API key hold a connection until the key is revoked', async () => {
    const key = await createApiKey(target.client, admin.accessToken, { role: 'viewer' });
    const c = client({ apiKey: key.key });
    await c.connect();
    c.subscribe(0);
    await c.waitFor('snapshot', (m) => m.type === 'snapshot');
    const closed = c.disconnected();
    const res = await target.client.call('DELETE', `/api/v1/api-keys/${key.id}`, { token: admin.accessToken });
    expect(res.status).toBeLessThan(300);
    await closed;
    expect(c.messages.find((m): m is FeedErrorMessage => m.type === 'error')?.code).toBe('ACCESS_REVOKED');
  });

  it('gives a viewer only the channels its role may read, and refuses the others by name', async () => {
    const viewer = await activateUser(target.client, await createUser(target.client, admin.accessToken, { role: 'viewer' }), {
      from: from(),
    });
    const c = client({ token: viewer.accessToken });
    await c.connect();
    c.send({ action: 'subscribe', channels: ['positions', 'config'] });
    const refused = await c.waitFor<FeedErrorMessage>('a refusal', (m) => m.type === 'error');
    expect(refused).toMatchObject({ code: 'PERMISSION_DENIED', field: 'channels' });
    expect(refused.message).toMatch(/config/);
    c.subscribe(0);
    const subscribed = await c.waitFor<SubscribedMessage>('subscribed', (m) => m.type === 'subscribed');
    expect(subscribed.channels).not.toContain('config');
    expect(subscribed.channels).toContain('positions');
  });

  it('refuses connections past the per-user cap and past MAX_WS_CONNECTIONS, with the reason', async () => {
    for (const c of clients) c.close();
    await new Promise((r) => setTimeout(r, 200));
    const operator = await activateUser(target.client, await createUser(target.client, admin.accessToken, { role: 'operator' }), {
      from: from(),
    });
    for (let i = 0; i < 3; i++) await client({ token: operator.accessToken }).connect();
    await expect(client({ token: operator.accessToken }).connect()).rejects.toThrow(/TOO_MANY_CONNECTIONS_FOR_USER/);
    const others = await Promise.all(
      [0, 1].map(async () =>
        activateUser(target.client, await createUser(target.client, admin.accessToken, { role: 'viewer' }), { from: from() }),
      ),
    );
    for (const other of others)
      for (let i = 0; i < 3; i++)
        await client({ token: other.accessToken })
          .connect()
          .catch(() => undefined);
    // 3 + 3 + 2 connected = 8 = MAX_WS_CONNECTIONS; the next is refused whoever it is.
    await expect(client({ token: admin.accessToken }).connect()).rejects.toThrow(/TOO_MANY_CONNECTIONS/);
    const health = await target.client.call<{ checks: { feed: { detail: { sockets: { refused: Record<string, number> } } } } }>(
      'GET',
      '/api/v1/health',
    );
    expect(health.body.checks.feed.detail.sockets.refused).toMatchObject({
      tooManyForUser: expect.any(Number),
      tooMany: expect.any(Number),
    });
  });
});
