import { until } from '../support/until';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotUnavailableBody, PositionsResponse } from '@dnb/contracts';
import type { FaultSpec } from '../../apps/bot-sim/src/control/control-client';
import { startBridgeStack, type BridgeStack, type Res } from '../support/bridge-stack';

// Bot faults injected in the real simulator; the real API must degrade as spec 11.1 says:
// never pass a bad answer on, answer fast from its cache, and say how old the data is. A bot
// that is only slow (timeouts) keeps reads at 200 from the cache, labelled cached, until the
// data is BOT_STALE_MAX_MS old (spec Q1); one that is down or answers garbage gets errors.

const READ_TIMEOUT_MS = 800;
const CACHE_TTL_MS = 1000;
const STALE_MAX_MS = 3000;
const FAST_API = {
  BOT_POLL_MS: '200',
  BOT_CACHE_TTL_MS: String(CACHE_TTL_MS),
  BOT_READ_TIMEOUT_MS: String(READ_TIMEOUT_MS),
  BOT_STALE_MAX_MS: String(STALE_MAX_MS),
};

const untilEvery100 = <T>(what: string, fn: () => Promise<T | undefined>, timeoutMs = 10_000) => until(what, fn, timeoutMs, 100);

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
    good = await untilEvery100('live positions', async () => {
      const r = await s.get<PositionsResponse>('/api/v1/positions');
      return r.status === 200 && r.body.freshness.source === 'live' ? ids(r.body) : undefined;
    });
  });
  afterAll(async () => s?.stack.stop());

  async function backToLive(): Promise<void> {
    await s.stack.sim.control.clearFaults();
    await untilEvery100('live again', async () => {
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
      return await untilEvery100(
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

  it('keeps answering 200 from the cache, labelled cached, while the bot takes 10 s; past BOT_STALE_MAX_MS it says BOT_TIMEOUT with the cached list', async () => {
    const started = performance.now();
    const stale: PositionsResponse['freshness'][] = [];
    await s.stack.sim.control.addFault({ type: 'latency', ms: 10_000, paths: ['/internal/positions'] });
    try {
      const res = await untilEvery100(
        'BOT_TIMEOUT once the cached list is too old',
        async () => {
          const r = await s.get<PositionsResponse | Degraded>('/api/v1/positions');
          expect(r.ms, 'answer time while the bot is slow').toBeLessThan(300);
          if (r.status !== 200) return r;
          const body = r.body as PositionsResponse;
          expect(ids(body)).toEqual(good);
          if (body.freshness.source === 'cached') stale.push(body.freshness);
          return undefined;
        },
        STALE_MAX_MS + 4000,
      );
      expectDegraded(res, 504, 'BOT_TIMEOUT');
    } finally {
      await backToLive();
    }
    // Served past the TTL as stale data, clearly labelled, and only up to the bound.
    expect(stale.length).toBeGreaterThan(0);
    for (const freshness of stale) {
      expect(freshness.as_of).toMatch(ISO_Z);
      expect(freshness.age_ms).toBeLessThan(STALE_MAX_MS);
    }
    expect(Math.max(...stale.map((f) => f.age_ms!))).toBeGreaterThan(CACHE_TTL_MS);
    expect(performance.now() - started).toBeGreaterThan(STALE_MAX_MS - 500);
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
    const res = await untilEvery100(
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

describe('bridge with a bot slow on every path', () => {
  let s: BridgeStack;
  let good: string[];
  beforeAll(async () => {
    s = await startBridgeStack({ sim: { initialPositions: 2, incidents: false }, api: { env: FAST_API } });
    good = await untilEvery100('live positions', async () => {
      const r = await s.get<PositionsResponse>('/api/v1/positions');
      return r.status === 200 && r.body.freshness.source === 'live' ? ids(r.body) : undefined;
    });
  });
  afterAll(async () => s?.stack.stop());

  it('opens the breaker on timeouts, yet reads stay 200 from the cache (labelled cached) until BOT_STALE_MAX_MS, then 503', async () => {
    await s.stack.sim.control.addFault({ type: 'latency', ms: 10_000 });
    const sources = new Set<string>();
    let statsStale = false;
    const res = await untilEvery100(
      'an error once the cached data is too old',
      async () => {
        const r = await s.get<PositionsResponse | Degraded>('/api/v1/positions');
        expect(r.ms).toBeLessThan(300);
        if (r.status !== 200) return r;
        const body = r.body as PositionsResponse;
        expect(ids(body)).toEqual(good);
        sources.add(body.freshness.source);
        // Checked once, well before the bound: stats has its own read time, which may be a poll
        // older than the positions', so near the bound it can already (rightly) be 503.
        const age = body.freshness.age_ms ?? 0;
        if (!statsStale && body.freshness.source === 'cached' && age > CACHE_TTL_MS && age < STALE_MAX_MS - 1000) {
          const stats = await s.get<{ freshness: PositionsResponse['freshness'] }>('/api/v1/stats');
          expect(stats.status).toBe(200);
          expect(stats.body.freshness.source).toBe('cached');
          statsStale = true;
          const status = await s.get<{ bot: { state: string } }>('/api/v1/status');
          expect(status.status).toBe(200);
        }
        return undefined;
      },
      STALE_MAX_MS + 4000,
    );
    expect(sources).toContain('cached');
    expect(statsStale).toBe(true);
    // The breaker opened on the timeouts meanwhile: past the bound the answer is 503 "suspended".
    const body = expectDegraded(res, 503, 'BOT_UNAVAILABLE');
    expect(body.message).toMatch(/suspended/);
    expect(ids(body.cached_data!)).toEqual(good);
  });
});

describe('bridge circuit breaker', () => {
  let s: BridgeStack;
  beforeAll(async () => {
    s = await startBridgeStack({ sim: { initialPositions: 2, incidents: false }, api: { env: FAST_API } });
    await untilEvery100('live positions', async () => {
      const r = await s.get<PositionsResponse>('/api/v1/positions');
      return r.status === 200 && r.body.freshness.source === 'live' ? true : undefined;
    });
  });
  afterAll(async () => s?.stack.stop());

  it('opens after 5 consecutive failures: the bot then gets no calls, and reads fail fast with retry_after', async () => {
    const fault = await s.stack.sim.control.addFault({ type: 'http500' });
    const hitsOf = async () => (await s.stack.sim.control.faults()).find((f) => f.id === fault.id)!.hits;
    await untilEvery100('the breaker to open', async () => {
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
