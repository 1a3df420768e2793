import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BotPositionSummary, DomainEvent } from '@dnb/contracts';
import { loadConfig } from '../../common/config/env.schema';
import { AppException } from '../../common/errors/app.exception';
import { BotBridgeService, BotControlTimeoutError, BREAKER_HALF_OPEN_AFTER_MS } from './bot-bridge.service';
import { BotCallError, BotHttpClient } from './bot-http.client';
import { botPosition } from '../../testing/bot-fixtures';

// A real HTTP server on loopback that answers like the bot, path by path, as each test sets it.

interface Answer {
  status?: number;
  body?: unknown;
  raw?: string;
  delayMs?: number;
}
type Route = Answer | ((req: IncomingMessage, body: string) => Answer);

const KEY = 'bridge-test-key';
let server: Server | undefined;
let bridge: BotBridgeService | undefined;

afterEach(() => {
  bridge?.stop();
  bridge = undefined;
  server?.closeAllConnections();
  server?.close();
  server = undefined;
  vi.useRealTimers();
});

/** As the bot sends it: opened_at naive (UTC without Z). */
function position(id: string, overrides: Partial<BotPositionSummary> = {}): BotPositionSummary {
  return botPosition(id, { opened_at: '2025-02-04T00:00:00', hold_duration_hours: 12.5, ...overrides });
}

const STATS = {
  uptime_seconds: 100,
  uptime_formatted: '00:01:40',
  opportunities_found: 1,
  positions_opened: 1,
  positions_closed: 0,
  errors_count: 0,
};
const PAUSE = { paused: false, scope: 'all', reason: null, paused_at: null, paused_by: null, active_breakers: [] };

function healthyRoutes(): Record<string, Route> {
  return {
    'GET /health': { body: { status: 'healthy', state: 'running' } },
    'GET /internal/stats': { body: STATS },
    'GET /internal/positions': { body: { p1: position('p1') } },
    'GET /internal/pause-state': { body: PAUSE },
  };
}

/** Starts a fake bot and a bridge pointed at it (not polling by itself: tests call poll()). */
async function setup(routes: Record<string, Route>, env: Record<string, string> = {}) {
  const hits: Array<{ route: string; body: string }> = [];
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const route = `${req.method} ${req.url}`;
      hits.push({ route, body });
      const found = routes[route] ?? { status: 404, body: { detail: 'Not Found' } };
      const answer = typeof found === 'function' ? found(req, body) : found;
      setTimeout(() => {
        res.statusCode = answer.status ?? 200;
        res.setHeader('content-type', 'application/json');
        res.end(answer.raw ?? JSON.stringify(answer.body ?? {}));
      }, answer.delayMs ?? 0);
    });
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  const config = loadConfig({
    BOT_API_URL: `http://127.0.0.1:${port}`,
    BOT_ADMIN_KEY: KEY,
    BOT_READ_TIMEOUT_MS: '300',
    BOT_CONTROL_TIMEOUT_MS: '300',
    BOT_CACHE_TTL_MS: '2000',
    BOT_POLL_MS: '1000',
    ...env,
  });
  bridge = new BotBridgeService(new BotHttpClient(config), config);
  const events: DomainEvent[] = [];
  bridge.events.subscribe('test', (e) => void events.push(e));
  const count = (route: string) => hits.filter((h) => h.route === route).length;
  return { bridge, routes, hits, count, events };
}

const settle = () => new Promise((r) => setTimeout(r, 20));

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

describe(BotBridgeService.name, () => {
  it('answers concurrent first reads with one request per bot path (single flight)', async () => {
    const routes = healthyRoutes();
    routes['GET /internal/positions'] = { body: { p1: position('p1') }, delayMs: 50 };
    const { bridge, count } = await setup(routes);
    const reads = await Promise.all(Array.from({ length: 20 }, () => bridge.read('positions')));
    expect(reads.every((r) => r.fresh && r.data?.p1)).toBe(true);
    expect(count('GET /internal/positions')).toBe(1);
    expect(count('GET /health')).toBe(1);
  });

  it('serves fresh data from the cache without calling the bot', async () => {
    const { bridge, count } = await setup(healthyRoutes());
    await bridge.poll();
    const before = count('GET /internal/stats');
    for (let i = 0; i < 10; i += 1) expect((await bridge.read('stats')).freshness.source).toBe('live');
    expect(count('GET /internal/stats')).toBe(before);
  });

  it('converts naive datetimes to UTC with Z and keeps decimal strings as sent', async () => {
    const routes = healthyRoutes();
    routes['GET /internal/positions'] = { body: { p1: position('p1', { deployed_usd: '123456789012345678901234567890.10' }) } };
    const { bridge } = await setup(routes);
    await bridge.poll();
    const p1 = bridge.snapshot().positions!.p1!;
    expect(p1.opened_at).toBe('2025-02-04T00:00:00.000Z');
    expect(p1.deployed_usd).toBe('123456789012345678901234567890.10');
  });

  it('never lets an answer that breaks the contract into the cache', async () => {
    const routes = healthyRoutes();
    const { bridge } = await setup(routes);
    await bridge.poll();
    routes['GET /internal/positions'] = { body: { p1: { ...position('p1'), total_pnl_usd: 45.3 } } };
    await bridge.poll();
    const read = await bridge.read('positions');
    expect(read.data!.p1!.total_pnl_usd).toBe('45.30');
    expect(read.freshness.source).toBe('cached');
    expect(read.failure).toMatchObject({ kind: 'invalid' });
    expect(read.failure!.message).toMatch(/breaks the bot contract/);
  });

  it('opens the breaker after 5 consecutive failures, then stops calling the bot until one half-open probe 30 s later', async () => {
    const routes = healthyRoutes();
    for (const key of Object.keys(routes)) routes[key] = { status: 500, raw: 'Internal Server Error' };
    const { bridge, hits } = await setup(routes);
    await bridge.poll(); // 4 failures (health, stats, positions, pause-state)
    expect(bridge.snapshot().breakerState).toBe('closed');
    await bridge.poll(); // the 5th opens it
    expect(bridge.snapshot().breakerState).toBe('open');
    const seen = hits.length;
    await bridge.poll();
    await bridge.poll();
    expect(hits.length).toBe(seen);
    const refused = await caught(bridge.control('/internal/control/pause', { reason: 'x' }));
    expect(refused).toBeInstanceOf(AppException);
    expect(refused).toMatchObject({ statusCode: 503, code: 'BOT_UNAVAILABLE' });
    expect(hits.length).toBe(seen);

    Object.assign(routes, healthyRoutes());
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + BREAKER_HALF_OPEN_AFTER_MS + 1000);
    await bridge.poll();
    expect(bridge.snapshot().breakerState).toBe('closed');
    expect(bridge.snapshot().lifecycle).toBe('running');
  });

  it('answers a read at once from the cache while the breaker is open, with the failure', async () => {
    const routes = healthyRoutes();
    const { bridge } = await setup(routes, { BOT_CACHE_TTL_MS: '1' });
    await bridge.poll();
    for (const key of Object.keys(routes)) routes[key] = { status: 500, raw: 'oops' };
    for (let i = 0; i < 10 && !bridge.snapshot().breakerOpen; i += 1) await bridge.poll();
    expect(bridge.snapshot().breakerOpen).toBe(true);
    await bridge.poll(); // refused by the open breaker, without calling the bot
    const started = performance.now();
    const read = await bridge.read('positions');
    expect(performance.now() - started).toBeLessThan(50);
    expect(read).toMatchObject({ fresh: false, failure: { kind: 'breaker_open' } });
    expect(read.data!.p1).toBeDefined();
    // Opened by a bot answering 500s: no grace, the route answers 503 with the cached data.
    expect(read.servable).toBe(false);
    expect(bridge.unavailableException(read, read.data)).toMatchObject({ statusCode: 503, code: 'BOT_UNAVAILABLE' });
  });

  it('keeps serving stale data, labelled cached, while the bot only times out (breaker open on timeouts too), up to BOT_STALE_MAX_MS', async () => {
    const routes = healthyRoutes();
    const { bridge } = await setup(routes, { BOT_CACHE_TTL_MS: '100', BOT_STALE_MAX_MS: '5000' });
    await bridge.poll();
    for (const key of Object.keys(routes)) routes[key] = { ...(routes[key] as Answer), delayMs: 1000 };
    await bridge.poll(); // 4 timeouts
    await new Promise((r) => setTimeout(r, 120)); // past the TTL
    const slow = await bridge.read('positions');
    expect(slow).toMatchObject({ fresh: false, servable: true, failure: { kind: 'timeout' }, freshness: { source: 'cached' } });
    expect(slow.freshness.age_ms).toBeGreaterThanOrEqual(100);
    await bridge.poll(); // the 5th timeout opens the breaker
    expect(bridge.snapshot().breakerOpen).toBe(true);
    await bridge.poll(); // refused by the breaker
    const suspended = await bridge.read('positions');
    expect(suspended).toMatchObject({ fresh: false, servable: true, failure: { kind: 'breaker_open' } });
    expect((await bridge.read('stats')).servable).toBe(true);

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 5000);
    const tooOld = await bridge.read('positions');
    expect(tooOld.servable).toBe(false);
    expect(bridge.unavailableException(tooOld, tooOld.data)).toMatchObject({ statusCode: 503, code: 'BOT_UNAVAILABLE' });
  });

  it('answers 504 once stale data passes BOT_STALE_MAX_MS while the breaker stays closed', async () => {
    const routes = healthyRoutes();
    const { bridge } = await setup(routes, { BOT_CACHE_TTL_MS: '100', BOT_STALE_MAX_MS: '100' });
    await bridge.poll();
    routes['GET /internal/positions'] = { ...(routes['GET /internal/positions'] as Answer), delayMs: 1000 };
    await bridge.poll();
    await new Promise((r) => setTimeout(r, 120));
    const read = await bridge.read('positions');
    expect(read).toMatchObject({ servable: false, failure: { kind: 'timeout' } });
    expect(bridge.unavailableException(read, read.data)).toMatchObject({ statusCode: 504, code: 'BOT_TIMEOUT' });
  });

  it('gives no grace to a bot that refuses connections: data past the TTL is not servable', async () => {
    const routes = healthyRoutes();
    const { bridge } = await setup(routes, { BOT_CACHE_TTL_MS: '100', BOT_STALE_MAX_MS: '60000' });
    await bridge.poll();
    server!.closeAllConnections();
    await new Promise<void>((r) => server!.close(() => r()));
    server = undefined;
    await bridge.poll();
    await new Promise((r) => setTimeout(r, 120));
    const read = await bridge.read('positions');
    expect(read).toMatchObject({ fresh: false, servable: false, failure: { kind: 'unreachable' } });
    expect(bridge.unavailableException(read, read.data)).toMatchObject({ statusCode: 503, code: 'BOT_UNAVAILABLE' });
  });

  it('marks an extension answering 404 unsupported, then answers 501 without asking the bot again', async () => {
    const { bridge, count } = await setup(healthyRoutes());
    expect(bridge.supports('config')).toBeUndefined();
    const first = await caught(bridge.getExtension('config', '/internal/config'));
    expect(first).toMatchObject({ statusCode: 501, code: 'BOT_FEATURE_UNSUPPORTED' });
    expect((first as Error).message).toMatch(/does not support live configuration/);
    expect(bridge.supports('config')).toBe(false);
    await caught(bridge.getExtension('config', '/internal/config'));
    expect(count('GET /internal/config')).toBe(1);
  });

  it('learns emergency-stop support from a GET answering 405 (the path exists, POST only) without executing it', async () => {
    const routes = healthyRoutes();
    routes['GET /internal/control/emergency-stop'] = { status: 405, body: { detail: 'Method Not Allowed' } };
    const { bridge, hits } = await setup(routes);
    await bridge.poll(); // learns the lifecycle
    await bridge.poll(); // probes the extensions
    expect(bridge.supports('emergency-stop')).toBe(true);
    expect(bridge.supports('circuit-breakers')).toBe(false);
    expect(hits.some((h) => h.route.startsWith('POST'))).toBe(false);
  });

  it('passes a 422 from the bot through as 422 with the bot’s detail, and sends the admin key in the body', async () => {
    const routes = healthyRoutes();
    routes['PUT /internal/config'] = {
      status: 422,
      body: { detail: 'risk.default_leverage (5.0) must not exceed risk.max_leverage (4.0)' },
    };
    const { bridge, hits } = await setup(routes);
    const error = await caught(bridge.putExtension('config', '/internal/config', { config: { risk: { default_leverage: '5.0' } } }));
    expect(error).toMatchObject({ statusCode: 422, message: 'risk.default_leverage (5.0) must not exceed risk.max_leverage (4.0)' });
    expect(JSON.parse(hits.find((h) => h.route === 'PUT /internal/config')!.body)).toMatchObject({ api_key: KEY });
  });

  it('sends control calls with the admin key and returns the bot’s answer', async () => {
    const routes = healthyRoutes();
    routes['POST /internal/control/pause'] = { body: { success: true } };
    const { bridge, hits } = await setup(routes);
    await expect(bridge.control('/internal/control/pause', { reason: 'alice: test', scope: 'entry' })).resolves.toEqual({ success: true });
    expect(JSON.parse(hits.find((h) => h.route === 'POST /internal/control/pause')!.body)).toEqual({
      reason: 'alice: test',
      scope: 'entry',
      api_key: KEY,
    });
  });

  it('throws a BotCallError of kind timeout when a control call is not answered in time', async () => {
    const routes = healthyRoutes();
    routes['POST /internal/control/resume'] = { body: { success: true }, delayMs: 1000 };
    const { bridge } = await setup(routes);
    const error = await caught(bridge.control('/internal/control/resume', {}));
    expect(error).toBeInstanceOf(BotControlTimeoutError);
    expect(error).toBeInstanceOf(BotCallError);
    expect((error as BotCallError).kind).toBe('timeout');
  });

  it('re-reads the pause state on demand and publishes pause_state_change when it changed', async () => {
    const routes = healthyRoutes();
    const { bridge, events } = await setup(routes);
    await bridge.poll();
    routes['GET /internal/pause-state'] = {
      body: { ...PAUSE, paused: true, scope: 'entry', reason: 'alice: x', paused_by: 'alice', paused_at: '2025-02-04T10:00:00' },
    };
    const state = await bridge.readPauseState();
    expect(state).toMatchObject({ paused: true, paused_at: '2025-02-04T10:00:00.000Z' });
    await settle();
    const change = events.find((e) => e.type === 'pause_state_change');
    expect(change?.payload).toMatchObject({ previous: { paused: false }, current: { paused: true, scope: 'entry' } });
    expect(bridge.snapshot().pauseState?.paused).toBe(true);
  });

  it('publishes no position_closed when positions vanish because the bot restarted, but does once it runs', async () => {
    const routes = healthyRoutes();
    routes['GET /internal/positions'] = { body: { p1: position('p1'), p2: position('p2') } };
    const { bridge, events } = await setup(routes);
    await bridge.poll();
    routes['GET /health'] = { body: { status: 'starting' } };
    for (const path of ['stats', 'positions', 'pause-state'])
      routes[`GET /internal/${path}`] = { status: 503, body: { detail: 'Bot not initialized' } };
    await bridge.poll();
    expect(bridge.snapshot().lifecycle).toBe('starting');
    routes['GET /health'] = { body: { status: 'healthy', state: 'recovering' } };
    routes['GET /internal/stats'] = { body: { ...STATS, uptime_seconds: 1 } };
    routes['GET /internal/pause-state'] = { body: PAUSE };
    routes['GET /internal/positions'] = { body: {} };
    await bridge.poll();
    expect(bridge.snapshot()).toMatchObject({ lifecycle: 'recovering', positionsBeforeRestart: 2 });
    await settle();
    expect(events.filter((e) => e.type === 'position_closed')).toEqual([]);
    routes['GET /health'] = { body: { status: 'healthy', state: 'running' } };
    routes['GET /internal/positions'] = { body: { p1: position('p1') } };
    await bridge.poll();
    await settle();
    expect(events.filter((e) => e.type === 'position_closed').map((e) => e.payload)).toEqual([
      expect.objectContaining({ position_id: 'p2' }),
    ]);
    expect(events.filter((e) => e.type === 'bot_state_change').map((e) => e.payload.current)).toEqual([
      'running',
      'starting',
      'recovering',
      'running',
    ]);
  });

  it('says NOT_FOUND when the bot has no such position', async () => {
    const routes = healthyRoutes();
    routes['GET /internal/positions/nope'] = { status: 404, body: { detail: 'Position not found' } };
    const { bridge } = await setup(routes);
    expect(await caught(bridge.positionDetail('nope'))).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
  });
});

describe(`${BotBridgeService.name} on replicas`, () => {
  /** A leader bridge that polled once, and its view as it would be shared. */
  async function leaderView() {
    const leader = await setup(healthyRoutes());
    await leader.bridge.poll();
    await settle();
    const state = JSON.parse(JSON.stringify(leader.bridge.exportState())) as ReturnType<BotBridgeService['exportState']>;
    // The leader's fake bot goes away: the next setup() is the replica's.
    server?.closeAllConnections();
    server?.close();
    return { state };
  }

  it('answers reads on a follower from the leader view, with its read times, never calling the bot nor publishing', async () => {
    const { state } = await leaderView();
    const follower = await setup(healthyRoutes());
    const polls: string[] = [];
    follower.bridge.follow({ requestPoll: () => polls.push('poll') });
    follower.bridge.start(); // a follower never starts polling
    follower.bridge.importState(state);
    const read = await follower.bridge.read('positions');
    expect(read.fresh).toBe(true);
    expect(Object.keys(read.data!)).toEqual(['p1']);
    expect(read.freshness.as_of).toBe(new Date(state.resources.positions.asOf!).toISOString());
    expect(follower.bridge.snapshot().lifecycle).toBe('running');
    await settle();
    expect(follower.hits).toHaveLength(0);
    expect(follower.events).toHaveLength(0);
    expect(polls).toHaveLength(0);
  });

  it('asks the leader to poll after a control call on a follower, and publishes nothing itself', async () => {
    const { state } = await leaderView();
    const routes: Record<string, Route> = { ...healthyRoutes(), 'POST /internal/control/pause': { body: { success: true } } };
    const follower = await setup(routes);
    const polls: string[] = [];
    follower.bridge.follow({ requestPoll: () => polls.push('poll') });
    follower.bridge.importState(state);
    await follower.bridge.control('/internal/control/pause', { reason: 'ops: replica', scope: 'entry' });
    routes['GET /internal/pause-state'] = { body: { ...PAUSE, paused: true, scope: 'entry', reason: 'ops: replica' } };
    expect((await follower.bridge.readPauseState()).paused).toBe(true);
    await settle();
    expect(polls).toEqual(['poll']);
    expect(follower.events).toHaveLength(0);
  });

  it('takes over without a new baseline: its first poll announces only what changed since the leader view', async () => {
    const { state } = await leaderView();
    const routes = healthyRoutes();
    const next = await setup(routes);
    next.bridge.follow({ requestPoll: () => undefined });
    next.bridge.importState(state);
    routes['GET /internal/positions'] = { body: { p1: position('p1', { asgard_hf: '0.20' }) } };
    next.bridge.lead();
    next.bridge.stop(); // the test polls by hand
    await next.bridge.poll();
    await settle();
    expect(next.events.map((e) => e.type)).toEqual(['position_update']);
  });
});
