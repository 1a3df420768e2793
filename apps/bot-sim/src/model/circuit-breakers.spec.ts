import { describe, expect, it } from 'vitest';
import { dec } from '../common/decimal';
import { CircuitBreakers, type BreakerReadings } from './circuit-breakers';

const calm: BreakerReadings = {
  minHealthFactor: { value: dec('0.28'), positionId: 'pos_1' },
  minMarginFraction: { value: dec('0.33'), positionId: 'pos_1' },
  bestNetApy: { asset: 'jitoSOL', value: dec('0.25'), fundingRate: dec('-0.00001') },
  priceDeviation: dec('0.001'),
  lstPremiums: [{ asset: 'jitoSOL', premium: dec('0.001') }],
  gasSol: dec('0.00008'),
  chainsDown: [],
};
const with_ = (patch: Partial<BreakerReadings>): BreakerReadings => ({ ...calm, ...patch });
const lowHf = with_({ minHealthFactor: { value: dec('0.08'), positionId: 'pos_1' } });

/** Evaluates once per simulated second from t0 to t1 inclusive; returns the tripped types. */
function run(b: CircuitBreakers, r: BreakerReadings, t0: number, t1: number): string[] {
  const out: string[] = [];
  for (let t = t0; t <= t1; t += 1000) out.push(...b.evaluate(r, t, true).tripped.map((e) => e.type));
  return out;
}

describe(CircuitBreakers.name, () => {
  it('trips asgard_health only once HF < 0.10 has held for 20 s, with scope all', () => {
    const b = new CircuitBreakers();
    expect(run(b, lowHf, 0, 19_000)).toEqual([]);
    expect(run(b, lowHf, 20_000, 20_000)).toEqual(['asgard_health']);
    expect(b.activeOf('asgard_health')).toMatchObject({ scope: 'all', autoRecovery: false });
  });

  it('starts the 20 s again when the health factor recovers in between', () => {
    const b = new CircuitBreakers();
    run(b, lowHf, 0, 15_000);
    run(b, calm, 16_000, 16_000);
    expect(run(b, lowHf, 17_000, 36_000)).toEqual([]);
    expect(run(b, lowHf, 37_000, 37_000)).toEqual(['asgard_health']);
  });

  it('trips hyperliquid_margin when MF < 0.20 holds for 20 s', () => {
    const b = new CircuitBreakers();
    const r = with_({ minMarginFraction: { value: dec('0.19'), positionId: 'pos_2' } });
    expect(run(b, r, 0, 20_000)).toEqual(['hyperliquid_margin']);
    expect(b.activeOf('hyperliquid_margin')!.reason).toContain('pos_2');
  });

  it('waits for a manual reset after a health breaker, even when health is back', () => {
    const b = new CircuitBreakers();
    run(b, lowHf, 0, 20_000);
    run(b, calm, 21_000, 3_600_000);
    expect(b.activeOf('asgard_health')).toBeDefined();
    expect(b.resetManual(3_600_000).map((e) => e.type)).toEqual(['asgard_health']);
    expect(b.activeOf('asgard_health')).toBeUndefined();
    expect(b.history()[0]).toMatchObject({ resolvedBy: 'manual' });
  });

  it('trips negative_apy at once with scope entry and recovers by itself after its cooldown', () => {
    const b = new CircuitBreakers();
    const negative = with_({ bestNetApy: { asset: 'SOL', value: dec('-0.02'), fundingRate: dec('0.00001') } });
    expect(b.evaluate(negative, 0, true).tripped.map((e) => [e.type, e.scope])).toEqual([['negative_apy', 'entry']]);
    expect(b.evaluate(calm, 1_000, true).resolved).toEqual([]); // cooldown not over
    expect(b.evaluate(calm, 1_800_000, true).resolved.map((e) => e.resolvedBy)).toEqual(['auto']);
  });

  it('trips price_deviation above 2% (entry, 30 min cooldown, auto recovery)', () => {
    const b = new CircuitBreakers();
    expect(b.evaluate(with_({ priceDeviation: dec('0.02') }), 0, true).tripped).toEqual([]);
    const [e] = b.evaluate(with_({ priceDeviation: dec('0.021') }), 0, true).tripped;
    expect(e).toMatchObject({
      type: 'price_deviation',
      scope: 'entry',
      autoRecovery: true,
      cooldownSeconds: 1800,
      recoveryTime: 1_800_000,
    });
  });

  it('trips lst_depeg on a premium over 5% or a discount over 2%, scope all', () => {
    const depeg = (premium: string) => with_({ lstPremiums: [{ asset: 'INF', premium: dec(premium) }] });
    expect(new CircuitBreakers().evaluate(depeg('0.049'), 0, true).tripped).toEqual([]);
    expect(new CircuitBreakers().evaluate(depeg('-0.019'), 0, true).tripped).toEqual([]);
    expect(new CircuitBreakers().evaluate(depeg('0.051'), 0, true).tripped[0]).toMatchObject({ type: 'lst_depeg', scope: 'all' });
    expect(new CircuitBreakers().evaluate(depeg('-0.021'), 0, true).tripped[0]!.reason).toContain('INF discount 2.10%');
  });

  it('holds high_gas (scope asgard) until gas is below 0.005, not merely below 0.01', () => {
    const b = new CircuitBreakers();
    expect(b.evaluate(with_({ gasSol: dec('0.012') }), 0, true).tripped[0]).toMatchObject({ type: 'high_gas', scope: 'asgard' });
    expect(b.evaluate(with_({ gasSol: dec('0.007') }), 1000, true).resolved).toEqual([]);
    expect(b.evaluate(with_({ gasSol: dec('0.004') }), 2000, true).resolved.map((e) => e.type)).toEqual(['high_gas']);
  });

  it('trips chain_outage (all) while a chain is down and recovers when it is back', () => {
    const b = new CircuitBreakers();
    expect(b.evaluate(with_({ chainsDown: ['solana'] }), 0, true).tripped[0]).toMatchObject({ type: 'chain_outage', scope: 'all' });
    expect(b.evaluate(calm, 1000, true).resolved.map((e) => e.type)).toEqual(['chain_outage']);
  });

  it('does not trip on its own when breakers are disabled, but still trips on command', () => {
    const b = new CircuitBreakers();
    for (let t = 0; t <= 60_000; t += 1000) expect(b.evaluate(lowHf, t, false).tripped).toEqual([]);
    expect(b.trip('manual', 61_000, { reason: 'ops drill' })).toMatchObject({ type: 'manual', scope: 'all', autoRecovery: false });
    expect(b.trip('manual', 62_000)).toBeNull(); // already active
  });

  it('lists history newest first and filters by since', () => {
    const b = new CircuitBreakers();
    b.trip('manual', 1000);
    b.reset(2000);
    b.trip('price_deviation', 5000);
    expect(b.history().map((e) => e.type)).toEqual(['price_deviation', 'manual']);
    expect(b.history(3000).map((e) => e.type)).toEqual(['price_deviation']);
    expect(b.history(2000).map((e) => e.type)).toEqual(['price_deviation', 'manual']); // resolved at 2000
  });
});
