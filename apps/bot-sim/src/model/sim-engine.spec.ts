import { describe, expect, it } from 'vitest';
import { dec } from '../common/decimal';
import { SimEngine, type EngineOptions } from './sim-engine';
import { MemoryJournal } from './sim-journal';

const T0 = Date.UTC(2025, 1, 4, 0, 0, 0, 0);
const MIN = 60_000;
const HOUR = 3_600_000;

function engine(o: Partial<EngineOptions> = {}) {
  const journal = new MemoryJournal();
  const e = new SimEngine({ seed: 'spec', startTimeMs: T0, volatility: 0, incidents: false, initialPositions: 0, journal, ...o });
  return { e, journal };
}

function fingerprint(e: SimEngine): string {
  return JSON.stringify({
    positions: e.book.all().map((p) => e.detail(p)),
    stats: e.stats.view(e.now),
    pause: e.pauseState(),
    market: e.market.snapshot(),
  });
}

function script(e: SimEngine): void {
  e.advance(2 * HOUR);
  e.pauseBot('entry', 'alice: drill');
  e.setFunding('jitoSOL');
  e.advance(HOUR);
  e.forceOpen('INF', dec(2500), dec('3.5'));
  e.resumeBot();
  e.advance(3 * HOUR);
}

describe(SimEngine.name, () => {
  it('gives the same numbers for the same seed and the same commands', () => {
    const a = engine({ seed: 'same', volatility: 0.8, incidents: true, initialPositions: 3 });
    const b = engine({ seed: 'same', volatility: 0.8, incidents: true, initialPositions: 3 });
    script(a.e);
    script(b.e);
    expect(fingerprint(a.e)).toEqual(fingerprint(b.e));
    expect(a.journal.actions).toEqual(b.journal.actions);
  });

  it('gives other numbers for another seed', () => {
    const a = engine({ seed: 'one', volatility: 0.8, initialPositions: 3 });
    const b = engine({ seed: 'two', volatility: 0.8, initialPositions: 3 });
    expect(fingerprint(a.e)).not.toEqual(fingerprint(b.e));
  });

  it('opens positions while funding is attractive, up to max_concurrent_positions', () => {
    const { e } = engine();
    expect(e.updateConfig({ bot: { max_concurrent_positions: 3 } }).ok).toBe(true);
    e.advance(2 * HOUR);
    expect(e.book.size).toBe(3);
    expect(e.stats.positionsOpened).toBe(3);
    expect(e.stats.opportunitiesFound).toBeGreaterThan(3);
  });

  it('opens nothing with max_concurrent_positions 0', () => {
    const { e } = engine();
    e.updateConfig({ bot: { max_concurrent_positions: 0 } });
    e.advance(HOUR);
    expect(e.book.size).toBe(0);
  });

  it('seeds the positions a previous run left, not counted as opened by this run', () => {
    const { e, journal } = engine({ initialPositions: 3 });
    expect(e.book.size).toBe(3);
    expect(e.stats.view(e.now).positions_opened).toBe(0);
    expect(e.stats.recovered).toBe(3);
    const ids = e.book.all().map((p) => p.id);
    expect(ids.map((id) => id.slice(-6))).toEqual(['000001', '000002', '000003']);
    for (const p of e.book.all()) {
      expect(p.id).toMatch(/^pos_\d{14}$/);
      expect(p.openedAt).toBeLessThan(T0);
    }
    expect(journal.positions.size).toBe(3);
  });

  it('opens no position under an entry pause, but still closes on exit conditions', () => {
    const { e } = engine({ initialPositions: 2 });
    e.pauseBot('entry', 'ops: no new risk');
    e.setFunding(undefined, dec('0.00002'));
    e.advance(10 * MIN);
    expect(e.stats.positionsOpened).toBe(0);
    expect(e.book.size).toBe(0);
    expect(e.stats.positionsClosed).toBe(2);
  });

  it('closes nothing under an exit pause, and closes once resumed', () => {
    const { e, journal } = engine({ initialPositions: 2 });
    e.updateConfig({ bot: { max_concurrent_positions: 2 } });
    e.pauseBot('exit', 'ops: hold');
    e.setFunding(undefined, dec('0.00002'));
    e.advance(30 * MIN);
    expect(e.book.size).toBe(2);
    e.resumeBot();
    e.advance(MIN);
    expect(e.book.size).toBe(0);
    const closed = journal.actions.filter((a) => a.type === 'position_closed').map((a) => a.data);
    expect(closed.map((d) => d['reason'])).toEqual(['funding_flipped', 'funding_flipped']);
    expect(Object.keys(closed[0]!).sort()).toEqual(['position_id', 'reason', 'timestamp', 'type']);
  });

  it('does nothing at all under a full pause: no scans, no entries, no exits', () => {
    const { e } = engine({ initialPositions: 1 });
    e.pauseBot('all', 'ops: stop');
    e.setFunding(undefined, dec('0.00002'));
    e.advance(2 * HOUR);
    expect(e.stats.opportunitiesFound).toBe(0);
    expect(e.book.size).toBe(1);
  });

  it('closes only the flipped asset, deleting it and logging position_closed with the reason', () => {
    const { e, journal } = engine();
    e.forceOpen('SOL', dec(2000), dec(3));
    e.forceOpen('INF', dec(2000), dec(3));
    e.updateConfig({ bot: { max_concurrent_positions: 2 } });
    const [sol, inf] = e.book.all();
    e.setFunding('SOL', dec('0.00002'));
    e.advance(MIN);
    expect(e.book.get(sol!.id)).toBeUndefined();
    expect(e.book.get(inf!.id)).toBeDefined();
    expect(journal.positions.has(sol!.id)).toBe(false);
    expect(journal.actions.find((a) => a.type === 'position_closed')?.data).toMatchObject({
      position_id: sol!.id,
      reason: 'funding_flipped',
    });
  });

  it('shows a closing position as "closing" before it is gone', () => {
    const { e } = engine();
    const p = e.forceOpen('SOL', dec(2000), dec(3));
    e.forceClose(p.id, 'drill', 10_000);
    expect(e.summary(e.book.get(p.id)!).status).toBe('closing');
    e.advance(10_000);
    expect(e.book.get(p.id)).toBeUndefined();
  });

  it('trips asgard_health after exactly 20 s below 0.10 and pauses everything until resume', () => {
    const { e } = engine();
    e.forceOpen('SOL', dec(5000), dec(3));
    e.updateConfig({ bot: { enable_auto_exit: false, max_concurrent_positions: 1 } });
    e.forceHealthFactor(dec('0.08'));
    e.advance(19_000);
    expect(e.pauseState().active_breakers).toEqual([]);
    e.advance(1000);
    expect(e.pauseState()).toMatchObject({ paused: true, scope: 'all', paused_by: 'circuit_breaker', active_breakers: ['asgard_health'] });
    e.forceHealthFactor(dec('0.28'));
    e.advance(HOUR);
    expect(e.pauseState().active_breakers).toEqual(['asgard_health']); // manual reset only
    e.resumeBot();
    expect(e.pauseState().paused).toBe(false);
  });

  it('closes a position whose health factor falls below the critical level when auto exit is on', () => {
    const { e, journal } = engine();
    const p = e.forceOpen('SOL', dec(5000), dec(3));
    e.forceHealthFactor(dec('0.08'), p.id);
    e.advance(MIN);
    expect(e.book.get(p.id)).toBeUndefined();
    expect(journal.actions.find((a) => a.type === 'position_closed')?.data['reason']).toBe('health_factor_critical');
  });

  it('lets resume keep an auto-recovering breaker until its condition and cooldown pass', () => {
    const { e } = engine();
    e.market.setPrice('SOL', e.market.spot('SOL').times('1.03'), 'hyperliquid');
    e.afterScenario();
    expect(e.pauseState()).toMatchObject({ scope: 'entry', active_breakers: ['price_deviation'] });
    e.resumeBot();
    expect(e.pauseState().active_breakers).toEqual(['price_deviation']);
    e.advance(31 * MIN);
    expect(e.pauseState().active_breakers).toEqual([]);
    expect(e.breakers.history()[0]).toMatchObject({ resolvedBy: 'auto' });
  });

  it('trips lst_depeg at once on a 3% discount and pauses all', () => {
    const { e } = engine();
    e.market.setLstPremium('jitoSOL', dec('-0.03'));
    e.afterScenario();
    expect(e.pauseState()).toMatchObject({ paused: true, scope: 'all', active_breakers: ['lst_depeg'] });
  });

  it('counts RPC errors and holds closings while a chain is down', () => {
    const { e } = engine({ initialPositions: 1 });
    const [p] = e.book.all();
    e.market.setChain('arbitrum', false);
    e.afterScenario();
    e.forceClose(p!.id, 'drill', 5000);
    e.advance(5 * MIN);
    expect(e.pauseState().active_breakers).toEqual(['chain_outage']);
    expect(e.stats.errorsCount).toBeGreaterThanOrEqual(5);
    expect(e.book.get(p!.id)?.status).toBe('closing');
    e.market.setChain('arbitrum', true);
    e.advance(2000);
    expect(e.book.get(p!.id)).toBeUndefined();
    expect(e.pauseState().active_breakers).toEqual([]);
  });

  it('emergency stop closes every position and pauses all until a manual resume', () => {
    const { e, journal } = engine({ initialPositions: 3 });
    const ids = e.book.all().map((p) => p.id);
    expect(e.emergencyStop('dave: exploit rumour')).toEqual(ids);
    expect(e.book.all().every((p) => p.status === 'closing')).toBe(true);
    expect(e.pauseState()).toMatchObject({ paused: true, scope: 'all', paused_by: 'dave' });
    e.advance(HOUR);
    expect(e.book.size).toBe(0);
    expect(journal.actions.filter((a) => a.type === 'position_closed').every((a) => a.data['reason'] === 'emergency_stop')).toBe(true);
    expect(e.stats.positionsOpened).toBe(0);
    e.resumeBot();
    e.advance(HOUR);
    expect(e.stats.positionsOpened).toBeGreaterThan(0);
  });

  it('liquidates a position whose health factor reaches 0, whatever the pause', () => {
    const { e, journal } = engine();
    const p = e.forceOpen('SOL', dec(5000), dec(3));
    e.pauseBot('all', 'ops: freeze');
    e.market.setPrice('SOL', e.market.spot('SOL').times('0.6'), 'asgard');
    e.advance(1000);
    expect(e.book.get(p.id)).toBeUndefined();
    expect(journal.actions.find((a) => a.type === 'position_closed')?.data['reason']).toBe('liquidated_asgard');
  });

  it('pays funding once per simulated hour, on the hour', () => {
    const { e } = engine({ startTimeMs: T0 + 30 * MIN });
    const p = e.forceOpen('jitoSOL', dec(5000), dec(3));
    e.updateConfig({ bot: { max_concurrent_positions: 1 } });
    e.advance(29 * MIN);
    expect(p.fundingPnl.isZero()).toBe(true);
    e.advance(MIN);
    const first = p.fundingPnl;
    expect(first.isPositive()).toBe(true);
    e.advance(59 * MIN);
    expect(p.fundingPnl.equals(first)).toBe(true);
    e.advance(MIN);
    expect(p.fundingPnl.greaterThan(first)).toBe(true);
  });

  it('keeps stats consistent with what happened over a lively day', { timeout: 30_000 }, () => {
    const { e, journal } = engine({ seed: 'lively', volatility: 1.2, incidents: true, initialPositions: 3 });
    e.updateConfig({ bot: { poll_interval_seconds: 120, scan_interval_seconds: 300 } });
    e.advance(12 * HOUR);
    e.forceOpen('SOL');
    e.setFunding(undefined, dec('0.00002')); // a flip: exits now, entries again once it fades
    e.advance(12 * HOUR);
    const s = e.stats;
    expect(s.recovered + s.positionsOpened - s.positionsClosed).toBe(e.book.size);
    expect(journal.actions.filter((a) => a.type === 'position_closed')).toHaveLength(s.positionsClosed);
    expect(journal.actions.filter((a) => a.type === 'error')).toHaveLength(s.errorsCount);
    expect(journal.positions.size).toBe(e.book.size);
    expect(e.stats.view(e.now).uptime_formatted).toBe('24:00:00');
    expect(s.positionsClosed).toBeGreaterThan(0);
  });

  it('hides positions while starting and reveals them one by one while recovering', () => {
    const { e } = engine({ initialPositions: 2 });
    e.beginStartup();
    expect(e.visiblePositions()).toEqual([]);
    e.beginRecovery();
    const [first, second] = e.unrecovered();
    e.reveal(first!);
    expect(e.visiblePositions().map((p) => p.id)).toEqual([first]);
    e.reveal(second!);
    e.setRunning();
    expect(e.visiblePositions()).toHaveLength(2);
  });
});
