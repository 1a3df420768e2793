import { describe, expect, it } from 'vitest';
import { compareDecimals, formatLeverage, formatNumber, formatPercent, formatUsd, signOf, sumDecimals, toDecimal } from './format';

describe('formatUsd', () => {
  it('formats decimal strings exactly, with grouping and two digits', () => {
    expect(formatUsd('1234567.5')).toBe('$1,234,567.50');
    expect(formatUsd('-45.305')).toBe('-$45.31');
    expect(formatUsd('0.1')).toBe('$0.10');
  });

  it('shows the sign of PnL as text', () => {
    expect(formatUsd('45.30', { signed: true })).toBe('+$45.30');
    expect(formatUsd('-0.5', { signed: true })).toBe('-$0.50');
    // Rounds to zero: neither a gain nor a loss.
    expect(formatUsd('-0.001', { signed: true })).toBe('$0.00');
  });

  it('keeps precision a float would lose', () => {
    expect(formatUsd('9007199254740993.01')).toBe('$9,007,199,254,740,993.01');
    expect(sumDecimals(['0.1', '0.2'])?.toString()).toBe('0.3');
  });

  it('shows a dash for missing or malformed input, never zero', () => {
    expect(formatUsd(null)).toBe('—');
    expect(formatUsd('abc')).toBe('—');
    expect(formatUsd('')).toBe('—');
    expect(toDecimal('NaN')).toBeNull();
  });
});

describe('formatPercent and friends', () => {
  it('shows ratios as percentages', () => {
    expect(formatPercent('0.279')).toBe('27.9%');
    expect(formatPercent('-0.0008', { digits: 2 })).toBe('-0.08%');
    expect(formatPercent('0.012', { signed: true })).toBe('+1.2%');
  });

  it('formats numbers and leverage', () => {
    expect(formatNumber('12.5')).toBe('12.50');
    expect(formatNumber('-1234.5', 1)).toBe('-1,234.5');
    expect(formatLeverage('3.0')).toBe('3x');
    expect(formatLeverage('2.50')).toBe('2.5x');
  });

  it('tells the sign after rounding, and compares decimals', () => {
    expect(signOf('0.004')).toBe('zero');
    expect(signOf('-3')).toBe('negative');
    expect(signOf('x')).toBeNull();
    expect(['10', '9.5', '-1', '100'].sort(compareDecimals)).toEqual(['-1', '9.5', '10', '100']);
  });
});
