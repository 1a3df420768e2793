import { until } from '../support/until';
import Decimal from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotPositionDetail, BotPositionSummary, PositionDetailResponse, PositionsResponse, StatusResponse } from '@dnb/contracts';
import { startBridgeStack, type BridgeStack } from '../support/bridge-stack';

// The read routes over real HTTP: the real simulator, the real built API, a real login.

/** What the bridge should make of a naive bot datetime: UTC, millisecond precision, with Z. */
function utc(naive: string): string {
  const [whole, fraction = ''] = naive.split('.');
  return `${whole}.${fraction.slice(0, 3).padEnd(3, '0')}Z`;
}

const ISO_Z = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('bridge reads against the simulator (clock stopped, positions opened with chosen sizes)', () => {
  let s: BridgeStack;
  let ids: string[] = [];
  beforeAll(async () => {
    // tickMs 0 stops the simulated clock: the bot's figures hold still, so they can be compared byte for byte.
    s = await startBridgeStack({ sim: { tickMs: 0, initialPositions: 0, incidents: false, seed: 'bridge-reads' } });
    const a = await s.stack.sim.control.openPosition({ asset: 'SOL', deployedUsd: '1000.10', leverage: '3.0' });
    const b = await s.stack.sim.control.openPosition({ asset: 'INF', deployedUsd: '2000.20', leverage: '3.5' });
    ids = [a.position.position_id, b.position.position_id];
    await until('both positions listed', async () => {
      const res = await s.get<PositionsResponse>('/api/v1/positions');
      return res.status === 200 && res.body.positions.length === 2 ? true : undefined;
    });
  });
  afterAll(async () => s?.stack.stop());

  it('serves every figure exactly as the bot sent it, with opened_at converted to UTC Z', async () => {
    const [api, bot] = await Promise.all([
      s.get<PositionsResponse>('/api/v1/positions'),
      s.bot<Record<string, BotPositionSummary>>('/internal/positions'),
    ]);
    expect(api.status).toBe(200);
    for (const position of api.body.positions) {
      const raw = bot.body[position.position_id]!;
      expect(raw).toBeDefined();
      const { opened_at: apiOpened, ...apiRest } = position;
      const { opened_at: rawOpened, ...rawRest } = raw;
      expect(apiRest).toStrictEqual(rawRest);
      expect(apiOpened).toBe(utc(rawOpened));
      expect(apiOpened).toMatch(ISO_Z);
    }
    // Decimal strings are passed through as text, never through a float: "1000.10" keeps its trailing zero.
    expect(bot.text).toContain('"deployed_usd":"1000.10"');
    expect(api.text).toContain('"deployed_usd":"1000.10"');
    expect(api.text).toContain('"deployed_usd":"2000.20"');
  });

  it('sums the list exactly with decimals, as strings', async () => {
    const [api, bot] = await Promise.all([
      s.get<PositionsResponse>('/api/v1/positions'),
      s.bot<Record<string, BotPositionSummary>>('/internal/positions'),
    ]);
    expect(api.body.summary.total_deployed_usd).toBe('3000.30');
    const pnl = Object.values(bot.body).map((p) => p.total_pnl_usd);
    const scale = Math.max(...pnl.map((v) => (v.split('.')[1] ?? '').length));
    expect(api.body.summary.total_pnl_usd).toBe(pnl.reduce((sum, v) => sum.plus(v), new Decimal(0)).toFixed(scale));
    expect(api.body.summary).toMatchObject({ total_positions: 2, open_positions: 2, closed_positions: 0 });
    expect(api.body).toMatchObject({ bot_state: 'running', complete: true, freshness: { source: 'live' } });
    expect(api.body.freshness.as_of).toMatch(ISO_Z);
  });

  it('filters by asset and status and sorts by an exact decimal comparison', async () => {
    const inf = await s.get<PositionsResponse>('/api/v1/positions?asset=INF');
    expect(inf.body.positions.map((p) => p.asset)).toEqual(['INF']);
    expect(inf.body.summary.total_deployed_usd).toBe('2000.20');
    const closing = await s.get<PositionsResponse>('/api/v1/positions?status=closing');
    expect(closing.body.positions).toEqual([]);
    const desc = await s.get<PositionsResponse>('/api/v1/positions?sort=deployed_usd:desc');
    expect(desc.body.positions.map((p) => p.deployed_usd)).toEqual(['2000.20', '1000.10']);
    const asc = await s.get<PositionsResponse>('/api/v1/positions?sort=deployed_usd:asc');
    expect(asc.body.positions.map((p) => p.deployed_usd)).toEqual(['1000.10', '2000.20']);
  });

  it('refuses an unknown sort field or filter value with 400 VALIDATION_FAILED naming the field', async () => {
    for (const query of ['sort=secret:desc', 'sort=total_pnl_usd:up', 'status=lost', 'asset=BTC', 'limit=5']) {
      const res = await s.get<{ code: string; errors: Array<{ field: string }> }>(`/api/v1/positions?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.errors.map((e) => e.field)).toEqual([query.split('=')[0]]);
    }
  });

  it('serves the full detail of a position (Appendix A) as the bot reports it', async () => {
    const id = ids[1]!;
    const [api, bot] = await Promise.all([
      s.get<PositionDetailResponse>(`/api/v1/positions/${id}`),
      s.bot<BotPositionDetail>(`/internal/positions/${id}`),
    ]);
    expect(api.status).toBe(200);
    for (const section of ['sizing', 'asgard', 'hyperliquid', 'pnl', 'risk'] as const) {
      expect(api.body[section]).toStrictEqual(bot.body[section]);
    }
    expect(api.body).toMatchObject({ position_id: id, asset: 'INF', deployed_usd: '2000.20', leverage: '3.5' });
    expect(api.body.opened_at).toBe(utc(bot.body.opened_at));
    expect(api.body.freshness.source).toBe('live');
  });

  it('answers 404 NOT_FOUND for a position the bot does not have, and 400 for a malformed id', async () => {
    const missing = await s.get<{ code: string }>('/api/v1/positions/pos_19990101000001');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('NOT_FOUND');
    expect((await s.get('/api/v1/positions/bad%20id%3Cscript%3E')).status).toBe(400);
  });

  it('reports status, stats and pause state with UTC times and live freshness', async () => {
    const status = await s.get<StatusResponse>('/api/v1/status');
    expect(status.status).toBe(200);
    expect(status.body.bot).toMatchObject({ state: 'running', running: true, environment: 'test', recovery_progress: null, error: null });
    expect(status.body.pause_state).toMatchObject({ paused: false, active_breakers: [] });
    expect(status.body.freshness.source).toBe('live');
    const chains = await until('chains read', async () => {
      const r = await s.get<StatusResponse>('/api/v1/status');
      return r.body.chains?.solana ? r.body : undefined;
    });
    expect(chains).toMatchObject({ chains_supported: true, chains: { solana: { connected: true }, arbitrum: { connected: true } } });
    const stats = await s.get<Record<string, unknown>>('/api/v1/stats');
    expect(stats.status).toBe(200);
    expect(stats.body).toMatchObject({ positions_opened: 2, freshness: { source: 'live' } });
    const pause = await s.get<Record<string, unknown>>('/api/v1/pause-state');
    expect(pause.body).toMatchObject({ paused: false, scope: 'all', freshness: { source: 'live' } });
  });

  it('shows a pause made on the bot with paused_at in UTC Z', async () => {
    const res = await fetch(`${s.stack.sim.url}/internal/control/pause`, {
      method: 'POST',
      headers: { ...s.stack.sim.authHeaders, 'content-type': 'application/json' },
      body: JSON.stringify({ api_key: s.stack.sim.adminKey, reason: 'carol: e2e', scope: 'entry' }),
    });
    expect(res.status).toBe(200);
    const pause = await until('pause seen', async () => {
      const r = await s.get<Record<string, unknown>>('/api/v1/pause-state');
      return r.body.paused ? r.body : undefined;
    });
    expect(pause).toMatchObject({ scope: 'entry', reason: 'carol: e2e', paused_by: 'carol' });
    expect(pause.paused_at).toMatch(ISO_Z);
  });

  it('refuses the read routes without credentials', async () => {
    for (const path of ['/api/v1/status', '/api/v1/stats', '/api/v1/pause-state', '/api/v1/positions', `/api/v1/positions/${ids[0]}`]) {
      expect((await fetch(`${s.stack.apiUrl}${path}`)).status, path).toBe(401);
    }
  });

  it('while the bot restarts, answers 200 with the state, progress and a note, never an unexplained empty list', async () => {
    await s.stack.sim.control.restart({ startingMs: 1500, recoveringMs: 1500 });
    const seen = new Set<string>();
    const statuses = new Set<string>();
    await until(
      'the bot to restart and run again',
      async () => {
        const [positions, status] = await Promise.all([
          s.get<PositionsResponse>('/api/v1/positions'),
          s.get<StatusResponse>('/api/v1/status'),
        ]);
        expect(positions.status).toBe(200);
        expect(status.status).toBe(200);
        const body = positions.body;
        seen.add(body.bot_state);
        statuses.add(status.body.bot.state);
        if (body.bot_state === 'starting' || body.bot_state === 'recovering') {
          expect(body.complete).toBe(false);
          expect(body.note).toMatch(body.bot_state === 'starting' ? /does not mean there are no positions/ : /incomplete/);
          expect(body.recovery_progress).toMatchObject({ positions_expected: 2 });
          expect(status.body.bot.recovery_progress).not.toBeNull();
          expect(status.body.bot.running).toBe(false);
        } else if (body.positions.length === 0) {
          throw new Error(`an empty list without explanation in state ${body.bot_state}`);
        }
        return seen.has('starting') && body.bot_state === 'running' && body.positions.length === 2 ? true : undefined;
      },
      20_000,
    );
    expect(seen).toContain('starting');
    expect(seen).toContain('recovering');
    expect(statuses).toContain('starting');
  });
});

describe('bridge reads against a bot serving only the core tier', () => {
  let s: BridgeStack;
  beforeAll(async () => {
    s = await startBridgeStack({ sim: { tier: 'core', initialPositions: 2 } });
  });
  afterAll(async () => s?.stack.stop());

  it('reports chains unsupported (null, chains_supported false) while status and positions work', async () => {
    const status = await until('chain support known', async () => {
      const r = await s.get<StatusResponse>('/api/v1/status');
      return r.body.chains_supported === false ? r : undefined;
    });
    expect(status.status).toBe(200);
    expect(status.body.chains).toBeNull();
    expect(status.body.bot.state).toBe('running');
    const positions = await s.get<PositionsResponse>('/api/v1/positions');
    expect(positions.status).toBe(200);
    expect(positions.body.positions).toHaveLength(2);
  });

  it('answers 501 BOT_FEATURE_UNSUPPORTED with a clear message for an extension the bot lacks', async () => {
    const res = await s.get<{ code: string; message: string }>('/api/v1/config');
    expect(res.status).toBe(501);
    expect(res.body.code).toBe('BOT_FEATURE_UNSUPPORTED');
    expect(res.body.message).toMatch(/does not support live configuration/);
    // Everything else keeps working.
    expect((await s.get('/api/v1/stats')).status).toBe(200);
    expect((await s.get('/api/v1/pause-state')).status).toBe(200);
  });
});
