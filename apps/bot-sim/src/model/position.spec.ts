import { describe, expect, it } from 'vitest';
import { dec, type Dec } from '../common/decimal';
import {
  accrueHour,
  forceHealthFactor,
  forceMarginFraction,
  openPosition,
  rebalanceShort,
  valuePosition,
  type PositionState,
} from './position';

function open(leverage: string, asset: 'SOL' | 'jitoSOL' = 'SOL'): PositionState {
  return openPosition({
    id: 'pos_1',
    asset,
    deployedUsd: dec(5000),
    leverage: dec(leverage),
    openedAt: 0,
    entryPrice: dec(100),
    entryPx: dec(100),
    positionPda: 'x',
  });
}
const at = (spot: string | number, mark: string | number = spot) => ({ spot: dec(spot), solMark: dec(mark) });

describe('position valuation', () => {
  it('sizes like spec Appendix A: 5000 at 3x is 15000 long, 10000 borrowed, 15000 short', () => {
    const p = open('3');
    const f = valuePosition(p, at(100));
    expect(f.longValue.toFixed(2)).toBe('15000.00');
    expect(f.shortValue.toFixed(2)).toBe('15000.00');
    expect(p.debtUsd.toFixed(2)).toBe('10000.00');
    expect(f.delta.toFixed(2)).toBe('0.00');
  });

  it('starts healthy at 3x (HF about 0.30, MF about 0.33) and tighter at 4x', () => {
    const f3 = valuePosition(open('3'), at(100));
    const f4 = valuePosition(open('4'), at(100));
    expect(f3.healthFactor.toFixed(4)).toBe('0.2982');
    expect(f3.marginFraction.toFixed(4)).toBe('0.3333');
    expect(f4.healthFactor.lessThan(f3.healthFactor)).toBe(true);
    expect(f4.marginFraction.toFixed(4)).toBe('0.2500');
  });

  it('loses health factor as the price falls and margin fraction as it rises', () => {
    const p = open('3');
    const base = valuePosition(p, at(100));
    const down = valuePosition(p, at(85));
    const up = valuePosition(p, at(112));
    expect(down.healthFactor.lessThan(base.healthFactor)).toBe(true);
    expect(down.marginFraction.greaterThan(base.marginFraction)).toBe(true);
    expect(up.marginFraction.lessThan(base.marginFraction)).toBe(true);
    expect(up.marginFraction.lessThan('0.20')).toBe(true); // a 12% rise at 3x breaches the 0.20 breaker line
    expect(up.healthFactor.greaterThan(base.healthFactor)).toBe(true);
  });

  it('stays delta neutral: what the long loses the short makes', () => {
    const f = valuePosition(open('3'), at(90));
    expect(f.longPnl.plus(f.shortPnl).toFixed(2)).toBe('0.00');
    expect(f.longPnl.toFixed(2)).toBe('-1500.00');
  });

  it('keeps the wire identities exact: long - short = delta, position + funding = total', () => {
    const p = open('3.5', 'jitoSOL');
    for (let h = 0; h < 50; h++) accrueHour(p, dec('-0.0000123'), dec('101.37'));
    const f = valuePosition(p, at('118.731234', '101.371777'));
    expect(f.longValue.minus(f.shortValue).equals(f.delta)).toBe(true);
    expect(f.longPnl.plus(f.shortPnl).equals(f.positionPnl)).toBe(true);
    expect(f.positionPnl.plus(f.fundingPnl).equals(f.totalPnl)).toBe(true);
    for (const v of [f.longValue, f.shortValue, f.delta, f.totalPnl, f.fundingPnl]) expect(v.decimalPlaces()).toBeLessThanOrEqual(2);
  });

  it('accrues funding exactly: the sum of hourly payments is the funding PnL', () => {
    const p = open('3');
    const payments: Dec[] = [];
    for (let h = 0; h < 24; h++) payments.push(accrueHour(p, dec('-0.0000125'), dec('100')));
    const sum = payments.reduce((a, b) => a.plus(b), dec(0));
    expect(sum.equals(p.fundingPnl)).toBe(true);
    expect(payments[0]!.toFixed(6)).toBe('0.187500'); // 15000 x 0.0000125: shorts are paid
  });

  it('pays funding out of the short when the rate is positive', () => {
    const p = open('3');
    expect(accrueHour(p, dec('0.00001'), dec(100)).isNegative()).toBe(true);
  });

  it('reads back a forced health factor and margin fraction exactly', () => {
    const p = open('3');
    forceHealthFactor(p, dec('0.08'), at(97));
    forceMarginFraction(p, dec('0.15'), at(97));
    const f = valuePosition(p, at(97));
    expect(f.healthFactor.toFixed(4)).toBe('0.0800');
    expect(f.marginFraction.toFixed(4)).toBe('0.1500');
    expect(f.totalPnl.toFixed(2)).toBe(valuePosition(open('3'), at(97)).totalPnl.toFixed(2)); // forcing moves risk, not PnL
  });

  it('re-hedges the short to the long value and realizes PnL on what it cuts', () => {
    const p = open('3', 'jitoSOL');
    const drifted = at(110, 100); // the LST outran SOL
    expect(valuePosition(p, drifted).deltaRatio.abs().greaterThan('0.05')).toBe(true);
    rebalanceShort(p, drifted);
    const after = valuePosition(p, drifted);
    expect(after.deltaRatio.abs().lessThan('0.0001')).toBe(true);
  });
});
