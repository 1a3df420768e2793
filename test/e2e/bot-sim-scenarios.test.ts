import Database from 'better-sqlite3';
import Decimal from 'decimal.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BREAKER_TYPES, type BotPauseState, type BotPositionDetail, type BotPositions } from '@dnb/contracts';
import { startSim, type RunningSim } from '../support/sim';

const SEED = 'scenarios';
const START = '2025-02-04T00:00:00';

/** The bot API as the control center sees it. */
function bot(sim: RunningSim) {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${sim.url}${path}`, {
      method,
      headers: { ...sim.authHeaders, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(5000),
    });
    return { status: res.status, body: (await res.json()) as T };
  };
  return {
    positions: async () => (await call<BotPositions>('GET', '/internal/positions')).body,
    position: (id: string) => call<BotPositionDetail>('GET', `/internal/positions/${id}`),
    pauseState: async () => (await call<BotPauseState>('GET', '/internal/pause-state')).body,
    breakers: async () =>
      (
        await call<{ circuit_breakers: { breaker_type: string; resolved_by: string | null; auto_recovery: boolean }[] }>(
          'GET',
          '/internal/circuit-breakers',
        )
      ).body.circuit_breakers,
    stats: async () => (await call<{ positions_opened: number; positions_closed: number }>('GET', '/internal/stats')).body,
    funding: async () =>
      (await call<{ rates: { asset: string; hyperliquid_funding_rate: string }[] }>('GET', '/internal/funding-rates')).body.rates,
    chains: async () => (await call<Record<string, { connected: boolean; block_height: number | null }>>('GET', '/internal/chains')).body,
    health: async () => (await (await fetch(`${sim.url}/health`)).json()) as { status: string; state?: string },
    config: (config: unknown) => call<Record<string, unknown>>('PUT', '/internal/config', { api_key: sim.adminKey, config }),
    resume: () => call<{ success: boolean }>('POST', '/internal/control/resume', { api_key: sim.adminKey }),
  };
}

function readDb(path: string) {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  return {
    positionIds: () => (db.prepare('SELECT id FROM positions ORDER BY id').all() as { id: string }[]).map((r) => r.id),
    closedRows: (): Record<string, string>[] =>
      (
        db.prepare("SELECT data, timestamp FROM action_log WHERE action_type = 'position_closed' ORDER BY id").all() as {
          data: string;
          timestamp: string;
        }[]
      ).map((r) => ({
        ...(JSON.parse(r.data) as Record<string, string>),
        column_timestamp: r.timestamp,
      })),
    actionTypes: () =>
      (db.prepare('SELECT action_type FROM action_log ORDER BY id').all() as { action_type: string }[]).map((r) => r.action_type),
    state: (key: string) => (db.prepare('SELECT value FROM state WHERE key = ?').get(key) as { value: string } | undefined)?.value,
    close: () => db.close(),
  };
}

describe('bot simulator scenarios on a clock that moves only on command', () => {
  let sim: RunningSim;
  let api: ReturnType<typeof bot>;
  beforeAll(async () => {
    sim = await startSim({ seed: SEED, startTime: START, tickMs: 0, initialPositions: 3, incidents: false });
    api = bot(sim);
  });
  beforeEach(async () => {
    await sim.control.reset({ seed: SEED, initialPositions: 3 });
  });
  afterAll(async () => sim?.stop());

  it('forces the health factor of one position to a value, and the wire shows exactly that', async () => {
    const [id, other] = Object.keys(await api.positions());
    const otherBefore = (await api.position(other!)).body.asgard_hf;
    expect((await sim.control.setHealthFactor('0.15', id)).positionIds).toEqual([id]);
    const detail = (await api.position(id!)).body;
    expect(detail.asgard_hf).toBe('0.1500');
    expect(detail.asgard.current_health_factor).toBe('0.1500');
    expect(detail.risk.health_status).toBe('at_risk');
    expect((await api.position(other!)).body.asgard_hf).toBe(otherBefore);
  });

  it('forces the margin fraction of every position', async () => {
    const ids = Object.keys(await api.positions());
    expect((await sim.control.setMarginFraction('0.12')).positionIds).toEqual(ids);
    for (const p of Object.values(await api.positions())) expect(p.hyperliquid_mf).toBe('0.1200');
  });

  it('moves health with price: a 10% SOL drop lowers every health factor and raises every margin fraction', async () => {
    const before = await api.positions();
    const state = await sim.control.state();
    const sol = new Decimal((state.market as { sol_spot: string }).sol_spot);
    await sim.control.setPrice({ asset: 'SOL', price: sol.times('0.9').toFixed(4) });
    const after = await api.positions();
    for (const [id, p] of Object.entries(after)) {
      expect(new Decimal(p.asgard_hf).lessThan(before[id]!.asgard_hf)).toBe(true);
      expect(new Decimal(p.hyperliquid_mf).greaterThan(before[id]!.hyperliquid_mf)).toBe(true);
    }
  });

  it('flips funding on one asset: its positions close with reason funding_flipped, deleted from state.db and logged', async () => {
    const positions = await api.positions();
    const asset = Object.values(positions)[0]!.asset;
    const flipped = Object.values(positions)
      .filter((p) => p.asset === asset)
      .map((p) => p.position_id);
    const kept = Object.values(positions)
      .filter((p) => p.asset !== asset)
      .map((p) => p.position_id);
    await sim.control.flipFunding(asset, '0.00002');
    expect((await api.funding()).find((r) => r.asset === asset)!.hyperliquid_funding_rate).toBe('0.00002000');
    await sim.control.advance(60);
    const now = Object.keys(await api.positions());
    for (const id of flipped) expect(now).not.toContain(id);
    for (const id of kept) expect(now).toContain(id);
    const db = readDb(sim.stateDbPath);
    try {
      for (const id of flipped) expect(db.positionIds()).not.toContain(id);
      expect(db.closedRows().map((r) => [r.position_id, r.reason])).toEqual(flipped.map((id) => [id, 'funding_flipped']));
    } finally {
      db.close();
    }
  });

  it('trips asgard_health only after 20 simulated seconds below 0.10, pausing all until resume resets it', async () => {
    expect((await api.config({ bot: { enable_auto_exit: false } })).status).toBe(200);
    await sim.control.setHealthFactor('0.05');
    await sim.control.advance(19);
    expect((await api.pauseState()).active_breakers).toEqual([]);
    await sim.control.advance(1);
    expect(await api.pauseState()).toMatchObject({
      paused: true,
      scope: 'all',
      paused_by: 'circuit_breaker',
      active_breakers: ['asgard_health'],
    });
    expect((await api.breakers())[0]).toMatchObject({ breaker_type: 'asgard_health', auto_recovery: false, resolved_by: null });
    await sim.control.setHealthFactor('0.30');
    await sim.control.advance(3600);
    expect((await api.pauseState()).active_breakers).toEqual(['asgard_health']); // manual reset only
    expect((await api.resume()).body).toEqual({ success: true });
    expect((await api.pauseState()).paused).toBe(false);
    expect((await api.breakers())[0]).toMatchObject({ breaker_type: 'asgard_health', resolved_by: 'manual' });
  });

  it('closes a position at once when its health factor falls below critical with auto exit on', async () => {
    const [id] = Object.keys(await api.positions());
    await sim.control.setHealthFactor('0.08', id);
    await sim.control.advance(15);
    expect((await api.position(id!)).status).toBe(404);
    expect((await api.pauseState()).active_breakers).toEqual([]);
  });

  it('trips every breaker type on command with its default scope, and resets them', async () => {
    const scopes: Record<string, string> = {};
    for (const type of BREAKER_TYPES) scopes[type] = (await sim.control.tripBreaker({ type })).breaker.scope;
    expect(scopes).toEqual({
      asgard_health: 'all',
      hyperliquid_margin: 'all',
      negative_apy: 'entry',
      price_deviation: 'entry',
      lst_depeg: 'all',
      high_gas: 'asgard',
      chain_outage: 'all',
      manual: 'all',
    });
    expect((await api.pauseState()).active_breakers.sort()).toEqual([...BREAKER_TYPES].sort());
    expect((await sim.control.resetBreakers()).reset.sort()).toEqual([...BREAKER_TYPES].sort());
    expect((await api.pauseState()).paused).toBe(false);
  });

  it('trips lst_depeg on a 3% jitoSOL discount and recovers by itself once the peg holds past the cooldown', async () => {
    const fair = (await sim.control.state()).market as { assets: Record<string, { price: string }> };
    await sim.control.depegLst('jitoSOL', '-0.03');
    const depegged = (await sim.control.state()).market as typeof fair;
    expect(new Decimal(depegged.assets.jitoSOL!.price).lessThan(fair.assets.jitoSOL!.price)).toBe(true);
    expect(await api.pauseState()).toMatchObject({ paused: true, scope: 'all', active_breakers: ['lst_depeg'] });
    await sim.control.depegLst('jitoSOL', '0');
    await sim.control.advance(1799);
    expect((await api.pauseState()).active_breakers).toEqual(['lst_depeg']);
    await sim.control.advance(2);
    expect((await api.pauseState()).active_breakers).toEqual([]);
    expect((await api.breakers())[0]).toMatchObject({ breaker_type: 'lst_depeg', resolved_by: 'auto' });
    await sim.control.restorePeg();
  });

  it('trips high_gas (scope asgard) on a fee spike and recovers once fees fall under 0.005 SOL', async () => {
    await sim.control.setGas('0.02');
    expect(await api.pauseState()).toMatchObject({ scope: 'asgard', active_breakers: ['high_gas'] });
    await sim.control.advance(1800); // 20 min half-life: 0.02 -> 0.01, still above the 0.005 release
    expect((await api.pauseState()).active_breakers).toEqual(['high_gas']);
    await sim.control.advance(3600);
    expect((await api.pauseState()).active_breakers).toEqual([]);
  });

  it('takes a chain down: disconnected with no height, health degraded, chain_outage trips; all back when it returns', async () => {
    await sim.control.chainOutage('arbitrum');
    expect((await api.chains()).arbitrum).toEqual({ connected: false, block_height: null });
    expect(await api.health()).toEqual({ status: 'healthy', state: 'degraded' });
    expect(await api.pauseState()).toMatchObject({ scope: 'all', active_breakers: ['chain_outage'] });
    await sim.control.restoreChain('arbitrum');
    await sim.control.advance(1);
    expect((await api.chains()).arbitrum.connected).toBe(true);
    expect(await api.health()).toEqual({ status: 'healthy', state: 'running' });
    expect((await api.pauseState()).active_breakers).toEqual([]);
  });

  it('opens and closes a position on command, the close reason landing in state.db', async () => {
    const statsBefore = await api.stats();
    const { position } = await sim.control.openPosition({ asset: 'INF', deployedUsd: '2500', leverage: '3.5' });
    const detail = (await api.position(position.position_id)).body;
    expect(detail).toMatchObject({
      asset: 'INF',
      status: 'open',
      leverage: '3.5',
      deployed_usd: '2500.00',
      sizing: { position_size_usd: '8750.00', borrowed_usd: '6250.00' },
    });
    expect((await api.stats()).positions_opened).toBe(statsBefore.positions_opened + 1);
    await sim.control.closePosition(position.position_id, { reason: 'drill_close' });
    expect((await api.position(position.position_id)).status).toBe(404);
    expect((await api.stats()).positions_closed).toBe(statsBefore.positions_closed + 1);
    const db = readDb(sim.stateDbPath);
    try {
      expect(db.positionIds()).not.toContain(position.position_id);
      const row = db.closedRows().at(-1)!;
      expect(row).toMatchObject({ type: 'position_closed', position_id: position.position_id, reason: 'drill_close' });
      expect(Object.keys(row).sort()).toEqual(['column_timestamp', 'position_id', 'reason', 'timestamp', 'type']);
      expect(row.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?$/);
      expect(db.actionTypes()).toContain('position_opened');
      expect(JSON.parse(db.state('pause_state')!)).toMatchObject({ paused: false });
    } finally {
      db.close();
    }
  });

  it('keeps stats consistent with the positions held after a busy simulated day', async () => {
    await sim.control.advance(6 * 3600);
    await sim.control.flipFunding(undefined, '0.00002');
    await sim.control.advance(6 * 3600);
    const state = await sim.control.state();
    const held = Object.keys(await api.positions()).length;
    expect(state.stats.positions_closed).toBeGreaterThan(0);
    expect(state.stats.recovered + state.stats.positions_opened - state.stats.positions_closed).toBe(held);
    const db = readDb(sim.stateDbPath);
    try {
      expect(db.closedRows()).toHaveLength(state.stats.positions_closed);
      expect(db.positionIds()).toHaveLength(held);
    } finally {
      db.close();
    }
  });

  it('gives the same numbers in another process for the same seed and the same commands', async () => {
    const script = async (s: RunningSim) => {
      await s.control.advance(2 * 3600);
      await s.control.flipFunding('jitoSOL');
      await s.control.openPosition({ asset: 'SOL', deployedUsd: '4000' });
      await s.control.advance(3600);
      return JSON.stringify({ positions: await bot(s).positions(), stats: await bot(s).stats(), funding: await bot(s).funding() });
    };
    const twin = await startSim({ seed: SEED, startTime: START, tickMs: 0, initialPositions: 3, incidents: false });
    try {
      expect(await script(twin)).toEqual(await script(sim));
      await sim.control.reset({ seed: 'another-seed' });
      const other = await script(sim);
      await twin.control.reset({ seed: SEED });
      expect(await script(twin)).not.toEqual(other);
    } finally {
      await twin.stop();
    }
  });
});

describe('state.db while the simulator runs', () => {
  let sim: RunningSim;
  beforeAll(async () => {
    sim = await startSim({ seed: 'reader', tickMs: 20, speed: 60, initialPositions: 3 });
  });
  afterAll(async () => sim?.stop());

  it('lets a read-only connection read it while the simulator writes (WAL)', async () => {
    const db = new Database(sim.stateDbPath, { readonly: true, fileMustExist: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      const read = () =>
        db.prepare('SELECT id, updated_at, data FROM positions ORDER BY id').all() as { id: string; updated_at: string; data: string }[];
      const first = read();
      expect(first.length).toBeGreaterThanOrEqual(3);
      const stamps = new Set<string>();
      const deadline = Date.now() + 1500;
      while (Date.now() < deadline) {
        for (const row of read()) {
          stamps.add(row.updated_at);
          expect((JSON.parse(row.data) as BotPositionDetail).position_id).toBe(row.id);
        }
        await new Promise((r) => setTimeout(r, 30));
      }
      expect(stamps.size).toBeGreaterThan(5); // the writer kept writing while we read
      expect(() => db.prepare('DELETE FROM positions').run()).toThrow(/readonly/);
    } finally {
      db.close();
    }
  });
});
