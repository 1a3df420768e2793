import { describe, expect, it } from 'vitest';
import { ExactDecimal } from '../positions/decimal-sum';
import { DecimalAggregator, type Aggregate } from './decimal-aggregate';

/** The figures as decimal.js gives them: what the integer arithmetic must reproduce exactly. */
function reference(values: readonly string[]): Aggregate {
  const scale = Math.max(...values.map((v) => (v.includes('.') ? v.length - v.indexOf('.') - 1 : 0)));
  let sum = new ExactDecimal(0);
  let min = values[0]!;
  let max = values[0]!;
  for (const v of values) {
    sum = sum.plus(v);
    if (new ExactDecimal(v).lt(min)) min = v;
    if (new ExactDecimal(v).gt(max)) max = v;
  }
  return {
    avg: sum
      .div(values.length)
      .toDecimalPlaces(scale + 6, ExactDecimal.ROUND_HALF_EVEN)
      .toFixed(),
    min,
    max,
    sum: sum.toFixed(scale),
    last: values[values.length - 1]!,
    count: values.length,
  };
}

function aggregate(values: readonly string[]): Aggregate {
  const aggregator = new DecimalAggregator();
  for (const v of values) aggregator.add(v);
  return aggregator.result();
}

describe(DecimalAggregator.name, () => {
  it('matches decimal.js on random values of mixed scales, signs and sizes', () => {
    let seed = 7;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (let round = 0; round < 2000; round++) {
      const values = Array.from({ length: 1 + rand(12) }, () => {
        const digits = rand(4) === 0 ? 14 + rand(20) : 1 + rand(9);
        let text = String(1 + rand(9));
        for (let i = 1; i < digits; i++) text += String(rand(10));
        const scale = rand(digits + 1);
        if (scale > 0) text = `${text.slice(0, digits - scale) || '0'}.${text.slice(digits - scale)}`;
        return rand(3) === 0 ? `-${text}` : text;
      });
      expect(aggregate(values), values.join(' ')).toEqual(reference(values));
    }
  });

  it('writes zero without a sign and rounds the average half to even', () => {
    expect(aggregate(['-1.50', '1.5'])).toEqual({ avg: '0', min: '-1.50', max: '1.5', sum: '0.00', last: '1.5', count: 2 });
    expect(aggregate(['0.0000001', '0.0000002'])).toEqual(reference(['0.0000001', '0.0000002']));
    expect(aggregate(['1', '2', '2'])).toEqual(reference(['1', '2', '2']));
    expect(aggregate(['-1', '-2', '-2'])).toEqual(reference(['-1', '-2', '-2']));
    expect(aggregate(['999999999999999', '999999999999999', '1.5'])).toEqual(reference(['999999999999999', '999999999999999', '1.5']));
  });

  it('keeps the oldest of equal values as written for min and max', () => {
    expect(aggregate(['1.5', '1.50', '1.500'])).toMatchObject({ min: '1.5', max: '1.5' });
  });

  it('gives the same figures folded from finer buckets, by aggregates or by merging', () => {
    const values = ['10.25', '-3.1', '7', '7.000', '0.125', '-3.10', '12', '1.1'];
    const whole = aggregate(values);
    const byAggregates = new DecimalAggregator();
    const byMerge = new DecimalAggregator();
    for (const part of [values.slice(0, 3), values.slice(3, 4), values.slice(4)]) {
      byAggregates.addAggregate(aggregate(part));
      const finer = new DecimalAggregator();
      for (const v of part) finer.add(v);
      byMerge.merge(finer);
    }
    expect(byAggregates.result()).toEqual(whole);
    expect(byMerge.result()).toEqual(whole);
  });
});
