import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_RULES, type AlertRules, type BotFundingRate, type BotPauseState } from '@dnb/contracts';
import { botPosition } from '../../testing/bot-fixtures';
import { AlertGate } from './alert-gate';
import {
  breakerAlerts,
  chainOutageAlerts,
  clearedBreakers,
  dailyPnlFacts,
  deltaDriftAlert,
  fundingFlipAlerts,
  healthAlert,
  healthKey,
} from './alert-rules';

const MINUTE = 60_000;
const rules = DEFAULT_ALERT_RULES;
const at = (hf: string, mf = '0.15') => botPosition('pos_1', { asgard_hf: hf, hyperliquid_mf: mf });

/** One evaluation through the gate: the alert type let through, or what held it back. */
function evaluate(gate: AlertGate, hf: string, now: number, mf?: string): string {
  const found = healthAlert(at(hf, mf), rules);
  if (!found) {
    gate.clear(healthKey('pos_1'));
    return 'none';
  }
  const decision = gate.decide(found, now);
  return decision === 'send' ? found.type : `${found.type} ${decision}`;
}

describe('progressive severity (spec 6.4, Q11) on a fake clock', () => {
  it('reproduces the Q11 timeline: warning, then critical and emergency at once, emergency again unthrottled', () => {
    const gate = new AlertGate();
    expect(evaluate(gate, '0.18', 0)).toBe('health_factor_warning');
    expect(evaluate(gate, '0.14', 1 * MINUTE)).toBe('health_factor_critical');
    expect(evaluate(gate, '0.09', 2 * MINUTE)).toBe('health_factor_emergency');
    expect(evaluate(gate, '0.08', 3 * MINUTE)).toBe('health_factor_emergency');
    expect(evaluate(gate, '0.08', 3 * MINUTE + 1)).toBe('health_factor_emergency');
  });

  it('throttles a level per its own interval: warning 5 min, critical 1 min', () => {
    const gate = new AlertGate();
    expect(evaluate(gate, '0.18', 0)).toBe('health_factor_warning');
    expect(evaluate(gate, '0.17', 4 * MINUTE + 59_999)).toBe('health_factor_warning throttled');
    expect(evaluate(gate, '0.17', 5 * MINUTE)).toBe('health_factor_warning');
    expect(evaluate(gate, '0.14', 5 * MINUTE + 1)).toBe('health_factor_critical');
    expect(evaluate(gate, '0.14', 5 * MINUTE + 59_999)).toBe('health_factor_critical throttled');
    expect(evaluate(gate, '0.14', 6 * MINUTE + 1)).toBe('health_factor_critical');
  });

  it('fires only the highest level, and a rise is never held back by a lower level it followed', () => {
    expect(healthAlert(at('0.09'), rules)).toMatchObject({ type: 'health_factor_emergency', severity: 'critical', level: 3 });
    const gate = new AlertGate();
    // Flapping around the critical line: the rise back to critical is sent once, then throttled by critical's own minute.
    expect(evaluate(gate, '0.14', 0)).toBe('health_factor_critical');
    expect(evaluate(gate, '0.16', 10_000)).toBe('health_factor_warning');
    expect(evaluate(gate, '0.14', 20_000)).toBe('health_factor_critical throttled');
    expect(evaluate(gate, '0.09', 30_000)).toBe('health_factor_emergency');
  });

  it('applies the margin fraction as well as the health factor', () => {
    expect(healthAlert(at('0.30', '0.07'), rules)).toMatchObject({ type: 'health_factor_critical', facts: { trigger: 'margin_fraction' } });
    expect(healthAlert(at('0.30', '0.049'), rules)).toMatchObject({ type: 'health_factor_emergency' });
    expect(healthAlert(at('0.30', '0.10'), rules)).toBeNull();
  });

  it('compares thresholds as decimals: 0.1500 is not below 0.15, 0.14999999999999999999999 is', () => {
    expect(healthAlert(at('0.1500'), rules)?.type).toBe('health_factor_warning');
    expect(healthAlert(at('0.14999999999999999999999'), rules)?.type).toBe('health_factor_critical');
    expect(healthAlert(at('0.20'), rules)).toBeNull();
    expect(healthAlert(at('not a number', 'NaN'), rules)).toBeNull();
  });

  it('carries the figures as sent and the escalation path', () => {
    expect(healthAlert(at('0.1800'), rules)?.facts).toMatchObject({
      health_factor: '0.1800',
      margin_fraction: '0.15',
      escalates_to: 'critical',
      escalates_at_health_factor: '0.15',
      escalates_at_margin_fraction: '0.08',
    });
    expect(healthAlert(at('0.05'), rules)?.facts).toMatchObject({ escalates_to: null });
  });

  it('an ack holds back repeats of its metric up to its level until the severity rises; a new episode alerts again', () => {
    const gate = new AlertGate();
    expect(evaluate(gate, '0.14', 0)).toBe('health_factor_critical');
    gate.acknowledge(healthKey('pos_1'), 2);
    expect(evaluate(gate, '0.14', 2 * MINUTE)).toBe('health_factor_critical acknowledged');
    expect(evaluate(gate, '0.18', 3 * MINUTE)).toBe('health_factor_warning acknowledged');
    expect(evaluate(gate, '0.09', 4 * MINUTE)).toBe('health_factor_emergency');
    expect(evaluate(gate, '0.14', 5 * MINUTE)).toBe('health_factor_critical');
    gate.acknowledge(healthKey('pos_1'), 2);
    expect(evaluate(gate, '0.25', 6 * MINUTE)).toBe('none');
    expect(evaluate(gate, '0.14', 7 * MINUTE)).toBe('health_factor_critical');
  });

  it('keeps throttles across a restart from what was sent before', () => {
    const gate = new AlertGate();
    gate.restore(healthKey('pos_1'), 'health_factor_warning', 0);
    expect(evaluate(gate, '0.18', 2 * MINUTE)).toBe('health_factor_warning throttled');
    expect(evaluate(gate, '0.18', 5 * MINUTE)).toBe('health_factor_warning');
  });

  it('forgets throttles older than the longest interval, so its memory stays bounded', () => {
    const gate = new AlertGate();
    for (let i = 0; i < 100; i++) gate.decide(healthAlert(botPosition(`pos_${i}`, { asgard_hf: '0.18' }), rules)!, i * 1000);
    expect(gate.prune(5 * MINUTE + 50_000, 5 * MINUTE)).toBe(51);
    expect(gate.size).toBe(49);
  });

  it('leaves a switched-off level silent', () => {
    const off: AlertRules = { ...rules, enabled: { ...rules.enabled, health_factor_emergency: false } };
    expect(healthAlert(at('0.09'), off)).toBeNull();
  });
});

describe('the other rules', () => {
  it('delta drift above 0.5% either way', () => {
    expect(deltaDriftAlert(botPosition('p', { delta_ratio: '-0.0051' }), rules)).toMatchObject({
      type: 'delta_drift',
      severity: 'warning',
    });
    expect(deltaDriftAlert(botPosition('p', { delta_ratio: '0.005' }), rules)).toBeNull();
  });

  it('funding flip: only a turn from paying shorts to charging them, with the positions held in that asset', () => {
    const rate = (asset: BotFundingRate['asset'], hourly: string): BotFundingRate => ({
      asset,
      hyperliquid_funding_rate: hourly,
      asgard_net_rate: '0.05',
      net_apy: '0.12',
    });
    const positions = [botPosition('a'), botPosition('b', { asset: 'INF' })];
    const before = [rate('SOL', '-0.0001'), rate('INF', '0.0002')];
    const after = [rate('SOL', '0.00015'), rate('INF', '0.0003')];
    expect(fundingFlipAlerts(null, after, positions, rules)).toEqual([]);
    const flips = fundingFlipAlerts(before, after, positions, rules);
    expect(flips).toHaveLength(1);
    expect(flips[0]).toMatchObject({
      type: 'funding_flip',
      asset: 'SOL',
      metricKey: 'SOL:funding',
      facts: { previous_rate: '-0.0001', current_rate: '0.00015', position_ids: 'a' },
    });
  });

  it('circuit breakers: one alert per newly active breaker, LST depeg and chain outage under their own types', () => {
    const state = (...active: BotPauseState['active_breakers']): BotPauseState => ({
      paused: active.length > 0,
      scope: 'all',
      reason: 'breaker',
      active_breakers: active,
    });
    const found = breakerAlerts(state('high_gas'), state('high_gas', 'lst_depeg', 'asgard_health'), rules);
    expect(found.map((a) => [a.type, a.severity, a.throttleMs])).toEqual([
      ['lst_depeg', 'critical', 0],
      ['circuit_breaker', 'critical', 0],
    ]);
    expect(breakerAlerts(null, state('chain_outage'), rules)[0]).toMatchObject({ type: 'chain_outage', throttleMs: 60_000 });
    expect(clearedBreakers(state('high_gas', 'lst_depeg'), state('lst_depeg'))).toEqual(['high_gas']);
  });

  it('chain outage: one alert per disconnected chain (1 min throttle), connected chains listed to clear', () => {
    const { down, up } = chainOutageAlerts(
      { solana: { connected: false, block_height: null }, arbitrum: { connected: true, block_height: 1 } },
      rules,
    );
    expect(down.map((a) => [a.type, a.metricKey, a.throttleMs, a.facts.chain])).toEqual([
      ['chain_outage', 'chain:solana', 60_000, 'solana'],
    ]);
    expect(up).toEqual(['arbitrum']);
    const gate = new AlertGate();
    expect(gate.decide(down[0]!, 0)).toBe('send');
    expect(gate.decide(down[0]!, 59_000)).toBe('throttled');
    expect(gate.decide(down[0]!, 60_000)).toBe('send');
  });

  it("daily PnL: realized and win rate from the day's trades, unrealized from open positions, summed exactly", () => {
    const facts = dailyPnlFacts(
      '2026-12-03',
      [{ total_pnl_usd: '0.1' }, { total_pnl_usd: '0.2' }, { total_pnl_usd: '-0.05' }],
      [botPosition('a', { total_pnl_usd: '10.10' })],
    );
    expect(facts).toEqual({
      date: '2026-12-03',
      realized_pnl: '0.25',
      unrealized_pnl: '10.10',
      total_pnl: '10.35',
      win_rate: '0.6667',
      total_trades: 3,
    });
    expect(dailyPnlFacts('2026-12-03', [], []).win_rate).toBeNull();
  });
});
