import { until } from '../support/until';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BatchMessage, FeedErrorMessage, SnapshotMessage } from '@dnb/contracts';
import { createPostgresDatabase } from '../support/auth';
import { startLiveBridgeStack, type BridgeStack } from '../support/bridge-stack';
import { FeedTestClient } from '../support/feed-client';

// The real-time feed over real socket.io-client connections to the real API and simulator.

const FEED_API = { BOT_POLL_MS: '100', WS_HEARTBEAT_MS: '500', WS_BATCH_MS: '100' };
const ISO_Z = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

describe('feed: snapshot, deltas, catch-up', () => {
  let s: BridgeStack;
  const clients: FeedTestClient[] = [];
  const client = (options: ConstructorParameters<typeof FeedTestClient>[1]) => {
    const c = new FeedTestClient(s.stack.apiUrl, options);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    s = await startLiveBridgeStack({ sim: { initialPositions: 3, tickMs: 100, incidents: false }, api: { env: FEED_API } });
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await s?.stack.stop();
  });

  it('sends a fresh client the whole state as a snapshot with the current seq, then contiguous deltas', async () => {
    const c = client({ token: s.token });
    await c.connect();
    c.subscribe(0);
    const snapshot = await c.waitFor<SnapshotMessage>('snapshot', (m) => m.type === 'snapshot');
    expect(snapshot.reset).toBe(false);
    expect(snapshot.timestamp).toMatch(ISO_Z);
    expect(Object.keys(snapshot.data.positions!)).toHaveLength(3);
    expect(snapshot.data.bot?.state).toBe('running');
    expect(snapshot.data.stats).not.toBeNull();
    expect(snapshot.data.pause_state).not.toBeNull();
    // Decimal strings exactly as the bot sent them.
    const first = Object.values(snapshot.data.positions!)[0]!;
    expect(typeof first.total_pnl_usd).toBe('string');

    const batch = await c.waitFor<BatchMessage>('a batch of updates', (m) => m.type === 'batch');
    expect(batch.events.every((e) => e.type === 'position_update' || e.type === 'stats_update')).toBe(true);
    expect(batch.from_seq).toBeGreaterThan(snapshot.seq);
    await c.waitFor('a heartbeat', (m) => m.type === 'heartbeat');
    await until('a few seconds of deltas', () => (c.lastSeq > snapshot.seq + 20 ? true : undefined));
    expect(c.gaps).toBe(0);
    expect(c.duplicates).toBe(0);
  });

  it('sends a pause made on the bot at once, in seq order', async () => {
    const c = client({ token: s.token });
    await c.connect();
    c.subscribe(0);
    await c.waitFor('snapshot', (m) => m.type === 'snapshot');
    const res = await fetch(`${s.stack.sim.url}/internal/control/pause`, {
      method: 'POST',
      headers: { ...s.stack.sim.authHeaders, 'content-type': 'application/json' },
      body: JSON.stringify({ api_key: s.stack.sim.adminKey, reason: 'carol: feed e2e', scope: 'entry' }),
    });
    expect(res.status).toBe(200);
    const change = await c.waitForEvent('pause_state_change');
    expect(change.data.paused).toBe(true);
    expect(change.data.scope).toBe('entry');
    expect(change.data.reason).toBe('carol: feed e2e');
    expect(change.timestamp).toMatch(ISO_Z);
    expect(c.state.pause_state?.paused).toBe(true);
    expect(c.gaps).toBe(0);
    await fetch(`${s.stack.sim.url}/internal/control/resume`, {
      method: 'POST',
      headers: { ...s.stack.sim.authHeaders, 'content-type': 'application/json' },
      body: JSON.stringify({ api_key: s.stack.sim.adminKey, reason: 'carol: done' }),
    });
  });

  it('after a dropped connection, resumes from last_seq with exactly the missed events and ends equal to a fresh snapshot', async () => {
    const c = client({ token: s.token });
    await c.connect();
    c.subscribe(0);
    await c.waitFor('snapshot', (m) => m.type === 'snapshot');
    await until('some deltas', () => (c.messages.some((m) => m.type === 'batch') ? true : undefined));
    c.close();
    const missedFrom = c.lastSeq;
    await new Promise((r) => setTimeout(r, 700));

    const again = new FeedTestClient(s.stack.apiUrl, { token: s.token });
    clients.push(again);
    again.state = structuredClone(c.state);
    again.lastSeq = missedFrom;
    const started = performance.now();
    await again.connect();
    again.subscribe(missedFrom);
    const catchUp = await again.waitFor<Extract<(typeof again.messages)[number], { type: 'catch_up' }>>(
      'catch_up',
      (m) => m.type === 'catch_up',
    );
    expect(performance.now() - started).toBeLessThan(2000);
    expect(catchUp.from_seq).toBe(missedFrom + 1);
    expect(catchUp.events.length).toBeGreaterThan(0);
    expect(again.gaps).toBe(0);
    expect(again.duplicates).toBe(0);

    // Pause the deltas' source, then compare with a fresh snapshot at the same seq.
    const fresh = client({ token: s.token });
    await fresh.connect();
    fresh.subscribe(0);
    const snapshot = await fresh.waitFor<SnapshotMessage>('snapshot', (m) => m.type === 'snapshot');
    await until('the resumed client at the snapshot seq', () => (again.lastSeq >= snapshot.seq ? true : undefined));
    await until('both at the same seq', () => (fresh.lastSeq === again.lastSeq ? true : undefined));
    expect(again.state.positions).toEqual(fresh.state.positions);
    expect(again.state.stats).toEqual(fresh.state.stats);
    expect(again.state.pause_state).toEqual(fresh.state.pause_state);
  });

  it('announces a configuration change at once as config_changed, with the version and the changed keys', async () => {
    const c = client({ token: s.token });
    await c.connect();
    c.subscribe(0);
    await c.waitFor('snapshot', (m) => m.type === 'snapshot');
    const res = await fetch(`${s.stack.apiUrl}/api/v1/config`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'feed e2e: lower leverage', config: { risk: { max_leverage: '3.5', default_leverage: '3.0' } } }),
    });
    expect(res.status).toBe(200);
    const { version } = (await res.json()) as { version: number };
    const event = await c.waitForEvent('config_changed');
    expect(event.data).toMatchObject({ version, author: 'admin', reason: 'feed e2e: lower leverage' });
    expect(event.data.changed_keys).toContain('risk.max_leverage');
    expect(c.gaps).toBe(0);
  });

  it('answers a last_seq the server never issued with a snapshot marked reset', async () => {
    const c = client({ token: s.token });
    await c.connect();
    c.subscribe(10_000_000);
    const snapshot = await c.waitFor<SnapshotMessage>('snapshot', (m) => m.type === 'snapshot');
    expect(snapshot.reset).toBe(true);
  });

  it('serves the same stream as MessagePack on /ws/v1/feed-msgpack', async () => {
    const c = client({ token: s.token, msgpack: true });
    await c.connect();
    c.subscribe(0);
    const snapshot = await c.waitFor<SnapshotMessage>('snapshot', (m) => m.type === 'snapshot');
    expect(Object.keys(snapshot.data.positions!)).toHaveLength(3);
    await c.waitFor('a batch', (m) => m.type === 'batch');
    expect(c.gaps).toBe(0);
  });

  it('refuses a handshake without a credential, with a bad token, or from a foreign Origin, saying why', async () => {
    await expect(client({}).connect()).rejects.toThrow(/UNAUTHENTICATED/);
    await expect(client({ token: 'not-a-jwt' }).connect()).rejects.toThrow(/UNAUTHENTICATED/);
    await expect(client({ token: s.token, origin: 'https://evil.example' }).connect()).rejects.toThrow(/ORIGIN_NOT_ALLOWED/);
    // Same origin as the API: allowed.
    const same = client({ token: s.token, origin: s.stack.apiUrl });
    await same.connect();
    same.close();
  });

  it('validates actions and names the field, keeping the connection open', async () => {
    const c = client({ token: s.token });
    await c.connect();
    c.send({ action: 'subscribe', last_seq: -1 });
    const error = await c.waitFor<FeedErrorMessage>('an error', (m) => m.type === 'error');
    expect(error.code).toBe('INVALID_ACTION');
    expect(error.field).toBe('last_seq');
    c.send({ action: 'subscribe', channels: ['positions', 'secrets'] });
    const second = await c.waitFor<FeedErrorMessage>('an error on channels', (m) => m.type === 'error' && m.field === 'channels');
    expect(second.code).toBe('INVALID_ACTION');
    expect(c.socket.connected).toBe(true);
  });

  it('closes the socket at once when its session is revoked (logout)', async () => {
    // A second session of the admin, so the suite's own token stays valid.
    const login = await fetch(`${s.stack.apiUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: s.password }),
    });
    const { access_token: token } = (await login.json()) as { access_token: string };
    const c = client({ token });
    await c.connect();
    c.subscribe(0);
    await c.waitFor('snapshot', (m) => m.type === 'snapshot');
    const closed = c.disconnected();
    const started = performance.now();
    const logout = await fetch(`${s.stack.apiUrl}/api/v1/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(logout.status).toBeLessThan(300);
    await closed;
    expect(performance.now() - started).toBeLessThan(1000);
    const error = c.messages.find((m): m is FeedErrorMessage => m.type === 'error');
    expect(error?.code).toBe('ACCESS_REVOKED');
  });
});

describe('feed: a client older than retention', () => {
  let s: BridgeStack;
  const clients: FeedTestClient[] = [];
  beforeAll(async () => {
    s = await startLiveBridgeStack({
      sim: { initialPositions: 10, tickMs: 100, incidents: false },
      api: { env: { ...FEED_API, FEED_RETAIN_EVENTS: '100', FEED_RING_SIZE: '100' } },
    });
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await s?.stack.stop();
  });

  it('gets a snapshot marked reset, not a catch-up with a hole', async () => {
    const c = new FeedTestClient(s.stack.apiUrl, { token: s.token });
    clients.push(c);
    await c.connect();
    c.subscribe(0);
    await c.waitFor('snapshot', (m) => m.type === 'snapshot');
    c.socket.disconnect();
    const gone = c.lastSeq;
    // Well past the 100 events kept: the log prunes as it grows.
    await until(
      'the log to move past retention',
      async () => {
        const health = await s.get<{ checks: { feed: { detail: { event_log: { oldest_seq: number } } } } }>('/api/v1/health');
        return health.body.checks.feed.detail.event_log.oldest_seq > gone + 1 ? true : undefined;
      },
      20_000,
    );
    await c.resume();
    const answer = c.messages.at(-1)!;
    expect(answer.type).toBe('snapshot');
    expect((answer as SnapshotMessage).reset).toBe(true);
    expect(c.resets).toBe(1);
    expect(c.gaps).toBe(0);
  });
});

describe.each(['sqlite', 'postgres'] as const)('feed on %s: catch-up beyond the in-memory ring, and across a restart', (database) => {
  let s: BridgeStack;
  const clients: FeedTestClient[] = [];
  beforeAll(async () => {
    const databaseUrl = database === 'postgres' ? await createPostgresDatabase(inject('databaseUrl'), 'feed') : undefined;
    s = await startLiveBridgeStack({
      sim: { initialPositions: 10, tickMs: 100, incidents: false },
      api: { databaseUrl, env: { ...FEED_API, FEED_RING_SIZE: '100' } },
    });
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await s?.stack.stop();
  });

  it('reads the missed events from the database while live ones keep coming, with no gap or repeat', async () => {
    const c = new FeedTestClient(s.stack.apiUrl, { token: s.token });
    const watcher = new FeedTestClient(s.stack.apiUrl, { token: s.token });
    clients.push(c, watcher);
    await watcher.connect();
    watcher.subscribe(0);
    await c.connect();
    c.subscribe(0);
    await c.waitFor('snapshot', (m) => m.type === 'snapshot');
    c.socket.disconnect();
    const gone = c.lastSeq;
    await until('more events than the ring holds', () => (watcher.lastSeq > gone + 250 ? true : undefined), 20_000);
    expect(await c.resume()).toBeLessThan(2000);
    // On failure, the API's own account of why the client got a reset snapshot instead.
    const feedLines = s.stack.api.process
      .output()
      .split('\n')
      .filter((line) => line.includes('feed'))
      .slice(-10)
      .join('\n');
    expect(
      c.messages.some((m) => m.type === 'catch_up'),
      `gone at ${gone}; API feed lines:\n${feedLines}`,
    ).toBe(true);
    await until('the resumed client to pass the watcher', () => (c.lastSeq >= watcher.lastSeq ? true : undefined));
    expect([c.gaps, c.duplicates]).toEqual([0, 0]);
  });

  it('continues the sequence from the database after an API restart', async () => {
    const before = Math.max(...clients.map((c) => c.lastSeq));
    for (const c of clients) c.close();
    s.stack.api = await s.stack.api.restart();
    const fresh = new FeedTestClient(s.stack.apiUrl, { token: s.token });
    clients.push(fresh);
    await fresh.connectWithRetry();
    fresh.subscribe(0);
    await fresh.waitFor('snapshot', (m) => m.type === 'snapshot');
    await until('new events after the restart', () => (fresh.lastSeq > before ? true : undefined), 20_000);
    // Never a seq handed out twice: the log went on from its high-water mark.
    expect(fresh.lastSeq).toBeGreaterThan(before);
    expect(fresh.gaps).toBe(0);
  });
});
