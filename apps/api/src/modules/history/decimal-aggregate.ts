import { ExactDecimal } from '../positions/decimal-sum';

type Dec = InstanceType<typeof ExactDecimal>;

/** Digits after the point, as written ("45.30" -> 2). */
function scaleOf(value: string): number {
  const point = value.indexOf('.');
  return point === -1 ? 0 : value.length - point - 1;
}

/** Averages are rounded to this many decimals beyond the most precise input (sums, min, max and last stay exact). */
const AVERAGE_EXTRA_DECIMALS = 6;

/** What a bucket of a series holds, every figure a decimal string. */
export interface Aggregate {
  avg: string;
  min: string;
  max: string;
  sum: string;
  last: string;
  count: number;
}

/**
 * Folds decimal strings (and already-made aggregates of finer buckets) into one bucket,
 * exactly: sum, min and max are decimal.js values, `last` is the string of the newest input
 * as it was written. Inputs must arrive oldest first.
 */
export class DecimalAggregator {
  private sum: Dec | null = null;
  private min: Dec | null = null;
  private max: Dec | null = null;
  private minText = '';
  private maxText = '';
  private lastText = '';
  private scale = 0;
  private count = 0;

  add(value: string): void {
    this.merge(value, value, value, value, value, 1);
  }

  /** A finer bucket's aggregate (its sum and count carry its weight). */
  addAggregate(part: Pick<Aggregate, 'min' | 'max' | 'sum' | 'last' | 'count'>): void {
    this.merge(part.sum, part.min, part.max, part.last, null, part.count);
  }

  get size(): number {
    return this.count;
  }

  result(): Aggregate {
    if (this.count === 0 || !this.sum) throw new Error('an empty bucket has no aggregate');
    return {
      avg: this.sum
        .div(this.count)
        .toDecimalPlaces(this.scale + AVERAGE_EXTRA_DECIMALS, ExactDecimal.ROUND_HALF_EVEN)
        .toFixed(),
      min: this.minText,
      max: this.maxText,
      sum: this.sum.toFixed(this.scale),
      last: this.lastText,
      count: this.count,
    };
  }

  private merge(sum: string, min: string, max: string, last: string, single: string | null, count: number): void {
    const sumValue = new ExactDecimal(sum);
    // One value is its own min and max: parse it once.
    const minValue = single === null ? new ExactDecimal(min) : sumValue;
    const maxValue = single === null ? new ExactDecimal(max) : sumValue;
    this.sum = this.sum ? this.sum.plus(sumValue) : sumValue;
    if (!this.min || minValue.lt(this.min)) {
      this.min = minValue;
      this.minText = min;
    }
    if (!this.max || maxValue.gt(this.max)) {
      this.max = maxValue;
      this.maxText = max;
    }
    this.lastText = last;
    this.scale = Math.max(this.scale, scaleOf(sum), scaleOf(min), scaleOf(max));
    this.count += count;
  }
}
