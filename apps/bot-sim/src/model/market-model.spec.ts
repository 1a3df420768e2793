import { describe, expect, it } from 'vitest';
import { dec } from '../common/decimal';
import { MarketModel } from './market-model';

const T0 = Date.UTC(2025, 1, 4);

function path(seed: string, steps = 200) {
  const m = new MarketModel({ seed, volatility: 0.8, incidents: true });
  const out: string[] = [];
  for (let i = 1; i <= steps; i++) {
    m.step(10_000, T0 + i * 10_000);
    out.push(`${m.spot('SOL').toFixed()}|${m.spot('INF').toFixed()}|${m.fundingRate('jitoSOL').toFixed()}|${m.gasSol().toFixed()}`);
  }
  return out;
}

describe(MarketModel.name, () => {
  it('repeats the same prices, funding and gas for the same seed', () => {
    expect(path('alpha')).toEqual(path('alpha'));
  });

  it('gives another market for another seed', () => {
    expect(path('alpha', 5)).not.toEqual(path('beta', 5));
  });

  it('prices LSTs above SOL (their exchange rate carries the staking yield)', () => {
    const m = new MarketModel({ seed: 'lst', volatility: 0.8, incidents: false });
    for (const lst of ['jitoSOL', 'jupSOL', 'INF'] as const) {
      const ratio = m.spot(lst).dividedBy(m.spot('SOL'));
      expect(ratio.greaterThan(1.05)).toBe(true);
      expect(ratio.lessThan(1.4)).toBe(true);
    }
  });

  it('keeps prices flat with zero volatility', () => {
    const m = new MarketModel({ seed: 'flat', volatility: 0, incidents: false });
    const before = m.spot('SOL');
    for (let i = 1; i <= 100; i++) m.step(1000, T0 + i * 1000);
    expect(m.spot('SOL').equals(before)).toBe(true);
  });

  it('starts with funding that pays shorts (negative) and flips it on command', () => {
    const m = new MarketModel({ seed: 'flip', volatility: 0.8, incidents: false });
    const before = m.fundingRate('SOL');
    const after = m.setFunding('SOL');
    expect(after.toFixed(8)).toBe(before.negated().toFixed(8));
    expect(m.setFunding('INF', dec('0.0001')).toFixed(8)).toBe('0.00010000');
  });

  it('holds a forced depeg until released, then lets it drift back', () => {
    const m = new MarketModel({ seed: 'depeg', volatility: 0.8, incidents: false });
    m.setLstPremium('jitoSOL', dec('-0.03'));
    for (let i = 1; i <= 50; i++) m.step(60_000, T0 + i * 60_000);
    expect(m.lstPremium('jitoSOL').toFixed(4)).toBe('-0.0300');
    m.setLstPremium('jitoSOL', null);
    for (let i = 51; i <= 600; i++) m.step(60_000, T0 + i * 60_000);
    expect(m.lstPremium('jitoSOL').abs().lessThan('0.02')).toBe(true);
  });

  it('freezes the block height of a chain that is down and reports it unknown', () => {
    const m = new MarketModel({ seed: 'chain', volatility: 0.8, incidents: false });
    const h0 = m.chain('solana').blockHeight!;
    m.step(10_000, T0 + 10_000);
    expect(m.chain('solana').blockHeight).toBe(h0 + 25);
    m.setChain('solana', false);
    m.step(10_000, T0 + 20_000);
    expect(m.chain('solana')).toEqual({ connected: false, blockHeight: null });
    m.setChain('solana', true);
    expect(m.chain('solana').blockHeight).toBe(h0 + 25);
  });

  it('sets the Hyperliquid mark apart from the oracle as a price deviation', () => {
    const m = new MarketModel({ seed: 'dev', volatility: 0, incidents: false });
    const spot = m.spot('SOL');
    m.setPrice('SOL', spot.times('1.03'), 'hyperliquid');
    expect(m.priceDeviation().toFixed(4)).toBe('0.0300');
    expect(m.spot('SOL').equals(spot)).toBe(true);
  });
});
