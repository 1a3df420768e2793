import { describe, expect, it } from 'vitest';
import { compareDecimals, sumDecimals } from './decimal-sum';

describe(sumDecimals.name, () => {
  it('adds 0.1 and 0.2 to exactly 0.3', () => {
    expect(sumDecimals(['0.1', '0.2'])).toBe('0.3');
  });

  it('keeps the scale of the most precise input ("45.30" + "10.20" = "55.50")', () => {
    expect(sumDecimals(['45.30', '10.20'])).toBe('55.50');
    expect(sumDecimals(['1', '0.005'])).toBe('1.005');
  });

  it('lets a 30-digit value through unchanged, and sums such values exactly', () => {
    const big = '123456789012345678901234567890.123456789012345678901234567890';
    expect(sumDecimals([big])).toBe(big);
    expect(sumDecimals([big, '0.000000000000000000000000000001'])).toBe('123456789012345678901234567890.123456789012345678901234567891');
    expect(sumDecimals(['999999999999999999999999999999', '1'])).toBe('1000000000000000000000000000000');
  });

  it('handles negatives and cancellation without float residue', () => {
    expect(sumDecimals(['-40.38', '40.38'])).toBe('0.00');
    expect(sumDecimals(['-0.1', '-0.2', '0.05'])).toBe('-0.25');
  });

  it('sums nothing to "0"', () => {
    expect(sumDecimals([])).toBe('0');
  });

  it('refuses anything that is not a plain decimal string', () => {
    expect(() => sumDecimals(['1e3'])).toThrow(TypeError);
    expect(() => sumDecimals(['NaN'])).toThrow(TypeError);
    expect(() => sumDecimals([' 1'])).toThrow(TypeError);
  });
});

describe(compareDecimals.name, () => {
  it('compares beyond float precision', () => {
    expect(compareDecimals('0.30000000000000000000000000001', '0.3')).toBe(1);
    expect(compareDecimals('45.30', '45.3')).toBe(0);
    expect(compareDecimals('-2', '1')).toBe(-1);
  });
});
