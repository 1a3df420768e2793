import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotUnavailableBody, PositionsResponse } from '@dnb/contracts';
import type { FaultSpec } from '../../apps/bot-sim/src/control/control-client';
import { startBridgeStack, type BridgeStack, type Res } from '../support/bridge-stack';

// Bot faults injected in the real simulator; the real API must degrade as spec 11.1 says:
// never pass a bad answer on, answer fast from its cache, and say how old the data is.

const READ_TIMEOUT_MS = 800;
const CACHE_TTL_MS = 1000;
const FAST_API = { BOT_POLL_MS: '200', BOT_CACHE_TTL_MS: String(CACHE_TTL_MS), BOT_READ_TIMEOUT_MS: String(READ_TIMEOUT_MS) };

async function until<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (performance.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const ISO_Z = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const ids = (body: Pick<PositionsResponse, 'positions'>) => body.positions.map((p) => p.position_id).sort();

type Degraded = BotUnavailableBody<PositionsResponse>;

/** The shape every degraded read answers with (spec 11.1 + the API's error shape). */
function expectDegraded(res: Res, status: number, code: string): Degraded {
  const body = res.body as Degraded;
  expect({ status: res.status, code: body.code }).toEqual({ status, code });
  expect(body.statusCode).toBe(status);
  expect(body.message).toEqual(expect.any(String));
  expect(body.error).toEqual(expect.any(String));
  expect(body.correlationId).toBe(res.headers.get('x-correlation-id'));
  expect(body.retry_after).toBeGreaterThan(0);
  expect(res.headers.get('retry-after')).toBe(String(body.retry_after));
  expect(body.cached_at).toMatch(ISO_Z);
  expect(body.cached_data?.positions.length).toBeGreaterThan(0);
  return body;
}

describe('bridge under bot faults (one bot path failing at a time)', () => {
  let s: BridgeStack;
  let good: string[];
  beforeAll(async () => {
    s = await startBridgeStack({ sim: { initialPositions: 3, incidents: false }, api: { env: FAST_API } });
    good = await until('live positions', async () => {
      const r = await s.get<PositionsResponse>('/api/v1/positions');
      return r.status === 200 && r.body.freshness.source === 'live' ? ids(r.body) : undefined;
    });
  });
  afterAll(async () => s?.stack.stop());

  async function backToLive(): Promise<void> {
    await s.stack.sim.control.clearFaults();
    await until('live again', async () => {
      const r = await s.get<PositionsResponse>('/api/v1/positions');
      return r.status === 200 && r.body.freshness.source === 'live' ? true : undefined;
    });
  }

  /**
   * Injects the fault on /internal/positions only and reads /api/v1/positions until the cache
   * runs out. Every answer must be fast and hold the last good list (as data or cached_data);
   * the fault's own bytes must never show up. Returns the first degraded answer.
   */
  async function degradeWith(fault: FaultSpec, forbidden: string[] = []): Promise<Res> {
    await s.stack.sim.control.addFault({ ...fault, paths: ['/internal/positions'] });
    try {
      return await until(
        `degraded answer for ${fault.type}`,
        async () => {
          const res = await s.get<PositionsResponse | Degraded>('/api/v1/positions');
          expect(res.ms, `answer time with ${fault.type}`).toBeLessThan(300);
          for (const bad of forbidden) expect(res.text).not.toContain(bad);
          if (res.status === 200) {
            expect(ids(res.body as PositionsResponse)).toEqual(good);
            return undefined;
          }
          expect(ids((res.body as Degraded).cached_data!)).toEqual(good);
          return res;
        },
        CACHE_TTL_MS + 4000,
      );
    } finally {
      await backToLive();
    }
  }

  it('keeps answering fast from the cache while the bot takes 10 s, then says BOT_TIMEOUT with the cached list', async () => {
    const started = performance.now();
    const res = await degradeWith({ type: 'latency', ms: 10_000 });
    expectDegraded(res, 504, 'BOT_TIMEOUT');
    // It served the cache until the TTL ran out, not failing at the first slow poll.
    expect(performance.now() - started).toBeGreaterThan(CACHE_TTL_MS - 300);
  });

  it('treats an HTTP 500 from the bot as a failure: 502 BOT_INVALID_RESPONSE with the cached list', async () => {
    const res = await degradeWith({ type: 'http500' }, ['Internal Server Error']);
    expectDegraded(res, 502, 'BOT_INVALID_RESPONSE');
  });

  it('never passes a garbage body on: 502 BOT_INVALID_RESPONSE with the cached list', async () => {
    const res = await degradeWith({ type: 'garbage' });
    const body = expectDegraded(res, 502, 'BOT_INVALID_RESPONSE');
    expect(body.message).toMatch(/not JSON/);
  });

  it('never passes a truncated body on (Content-Length of what is sent)', async () => {
    expectDegraded(await degradeWith({ type: 'truncated', mode: 'length' }), 502, 'BOT_INVALID_RESPONSE');
  });

  it('never passes a truncated body on (connection cut after a full Content-Length was announced)', async () => {
    const res = await degradeWith({ type: 'truncated', mode: 'abort' });
    expect([502, 503]).toContain(res.status);
    expect((res.body as Degraded).cached_data?.positions.length).toBeGreaterThan(0);
  });

  it('refuses an answer over 1 MB unread: 502 BOT_INVALID_RESPONSE, the padding never reaches the client', async () => {
    const res = await degradeWith({ type: 'oversized', bytes: 3_000_000 }, ['_padding']);
    const body = expectDegraded(res, 502, 'BOT_INVALID_RESPONSE');
    expect(body.message).toMatch(/bytes|exceeds/);
    expect(res.text.length).toBeLessThan(100_000);
  });

  it('keeps /status at 200 and fast while positions fail', async () => {
    await s.stack.sim.control.addFault({ type: 'garbage', paths: ['/internal/positions'] });
    try {
      const status = await s.get<{ bot: { state: string } }>('/api/v1/status');
      expect(status.status).toBe(200);
      expect(status.body.bot.state).toBe('running');
      expect(status.ms).toBeLessThan(300);
    } finally {
      await backToLive();
    }
  });

  it('answers 503 BOT_UNAVAILABLE with cached_data and cached_at within the read timeout + 50 ms when the bot is down', async () => {
    await s.stack.sim.control.addFault({ type: 'refuse' });
    const res = await until(
      'the API to notice the bot is down',
      async () => {
        const r = await s.get<PositionsResponse | Degraded>('/api/v1/positions');
        expect(r.ms).toBeLessThan(READ_TIMEOUT_MS + 50);
        return r.status === 200 ? undefined : r;
      },
      CACHE_TTL_MS + 4000,
    );
    const body = expectDegraded(res, 503, 'BOT_UNAVAILABLE');
    expect(ids(body.cached_data!)).toEqual(good);
    for (let i = 0; i < 5; i += 1) {
      const again = await s.get('/api/v1/positions');
      expect(again.status).toBe(503);
      expect(again.ms).toBeLessThan(READ_TIMEOUT_MS + 50);
    }
    const stats = await s.get('/api/v1/stats');
    expect(stats.status).toBe(503);
    expect((stats.body as BotUnavailableBody).cached_data).toMatchObject({ uptime_formatted: expect.any(String) });
    const status = await s.get<{ bot: { state: string; running: boolean } }>('/api/v1/status');
    expect(status.status).toBe(200);
    expect(status.body.bot).toMatchObject({ state: 'unavailable', running: false });
  });
});

describe('bridge circuit breaker', () => {
  let s: BridgeStack;
  beforeAll(async () => {
    s = await startBridgeStack({ sim: { initialPositions: 2, incidents: false }, api: { env: FAST_API } });
    await until('live positions', async () => {
      const r = await s.get<PositionsResponse>('/api/v1/positions');
      return r.status === 200 && r.body.freshness.source === 'live' ? true : undefined;
    });
  });
  afterAll(async () => s?.stack.stop());

  it('opens after 5 consecutive failures: the bot then gets no calls, and reads fail fast with retry_after', async () => {
    const fault = await s.stack.sim.control.addFault({ type: 'http500' });
    const hitsOf = async () => (await s.stack.sim.control.faults()).find((f) => f.id === fault.id)!.hits;
    await until('the breaker to open', async () => {
      const r = await s.get<BotUnavailableBody>('/api/v1/positions');
      return r.status === 503 && /suspended/.test(r.body.message) ? true : undefined;
    });
    const atOpen = await hitsOf();
    expect(atOpen).toBeGreaterThanOrEqual(5);
    // About seven poll intervals pass: a closed breaker would have sent ~28 more calls.
    await new Promise((r) => setTimeout(r, 1500));
    const later = await s.get<BotUnavailableBody>('/api/v1/positions');
    expect(await hitsOf()).toBe(atOpen);
    const body = expectDegraded(later, 503, 'BOT_UNAVAILABLE');
    expect(later.ms).toBeLessThan(250);
    expect(body.retry_after).toBeLessThanOrEqual(30);
    const detail = await s.get<BotUnavailableBody>(`/api/v1/positions/${body.cached_data!.positions[0]!.position_id}`);
    expect(detail.status).toBe(503);
    expect(await hitsOf()).toBe(atOpen);
  });
});
