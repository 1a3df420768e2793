import { describe, expect, it } from 'vitest';
import { dec, fixed, leverage, parseDec, usd } from './decimal';

describe('decimal wire formatting', () => {
  it('never prints a negative zero', () => {
    expect(fixed(dec('-0.001'), 2)).toBe('0.00');
    expect(usd(dec('-0.004'))).toBe('0.00');
    expect(usd(dec('-0.006'))).toBe('-0.01');
  });

  it('rounds half to even, like Python Decimal quantize', () => {
    expect(usd(dec('1.005'))).toBe('1.00');
    expect(usd(dec('1.015'))).toBe('1.02');
  });

  it('prints leverage with one or two decimals', () => {
    expect(leverage(dec(3))).toBe('3.0');
    expect(leverage(dec('3.5'))).toBe('3.5');
    expect(leverage(dec('3.25'))).toBe('3.25');
  });

  it('keeps sums of tenths exact where floats drift', () => {
    const total = [0.1, 0.2].reduce((a, b) => a.plus(b), dec(0));
    expect(total.toFixed()).toBe('0.3');
    expect(0.1 + 0.2).not.toBe(0.3);
  });

  it('accepts decimal strings and finite numbers, refuses the rest', () => {
    expect(parseDec('3.0')?.toFixed(1)).toBe('3.0');
    expect(parseDec(4)?.toFixed()).toBe('4');
    expect(parseDec('1e3')).toBeUndefined();
    expect(parseDec('abc')).toBeUndefined();
    expect(parseDec(Number.NaN)).toBeUndefined();
  });
});
