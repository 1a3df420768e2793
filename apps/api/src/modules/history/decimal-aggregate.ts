import { ExactDecimal } from '../positions/decimal-sum';

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
 * A decimal as an integer of units of 10^-scale. The integer is a number while it is a safe
 * integer (every bot figure: 15 digits or fewer) and a bigint beyond, so every figure stays exact.
 */
interface Scaled {
  units: number | bigint;
  scale: number;
}

const PLAIN = /^-?\d+(\.\d+)?$/;
const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);

/** Digits after the point, as written ("45.30" -> 2). */
function scaleOf(value: string): number {
  const point = value.indexOf('.');
  return point === -1 ? 0 : value.length - point - 1;
}

/** A decimal string as scaled units ("-45.30" -> -4530 at scale 2); other notations through decimal.js. */
function parse(text: string): Scaled {
  let units = 0;
  let digits = 0;
  let scale = -1;
  let i = text.charCodeAt(0) === 45 ? 1 : 0;
  const start = i;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c >= 0 && c <= 9) {
      units = units * 10 + c;
      digits++;
      if (scale >= 0) scale++;
    } else if (c === -2 && scale < 0 && i > start && i < text.length - 1) {
      scale = 0;
    } else {
      return parseSlow(text);
    }
  }
  if (digits === 0) return parseSlow(text);
  if (digits > 15) return parseSlow(text);
  return { units: start === 1 ? -units : units, scale: Math.max(scale, 0) };
}

function parseSlow(text: string): Scaled {
  const plain = PLAIN.test(text) ? text : new ExactDecimal(text).toFixed();
  const scale = scaleOf(plain);
  return { units: BigInt(plain.replace('.', '')), scale };
}

/** `units` times 10^k, exact. */
function rescale(units: number | bigint, k: number): number | bigint {
  if (k === 0) return units;
  if (typeof units === 'number') {
    if (k < POW10.length && Math.abs(units) <= Number.MAX_SAFE_INTEGER / POW10[k]!) return units * POW10[k]!;
    return BigInt(units) * 10n ** BigInt(k);
  }
  return units * 10n ** BigInt(k);
}

function add(a: number | bigint, b: number | bigint): number | bigint {
  if (typeof a === 'number' && typeof b === 'number') {
    const sum = a + b;
    if (Math.abs(sum) <= Number.MAX_SAFE_INTEGER) return sum;
  }
  return BigInt(a) + BigInt(b);
}

/** -1, 0 or 1: a against b, exactly. */
function compare(a: Scaled, b: Scaled): number {
  const scale = Math.max(a.scale, b.scale);
  const x = rescale(a.units, scale - a.scale);
  const y = rescale(b.units, scale - b.scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Scaled units written with `decimals` digits after the point, rounded half to even; no sign on zero. */
function format(units: bigint, scale: number, decimals: number): string {
  let value = units;
  if (decimals < scale) {
    const divisor = 10n ** BigInt(scale - decimals);
    const negative = value < 0n;
    const magnitude = negative ? -value : value;
    let quotient = magnitude / divisor;
    const twice = (magnitude % divisor) * 2n;
    if (twice > divisor || (twice === divisor && quotient % 2n === 1n)) quotient += 1n;
    value = negative ? -quotient : quotient;
  } else {
    value *= 10n ** BigInt(decimals - scale);
  }
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(decimals + 1, '0');
  const text = decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
  return negative ? `-${text}` : text;
}

/**
 * Folds decimal strings (and other buckets' aggregates) into one bucket, exactly: the sum in
 * scaled integer units, min and max compared exactly and kept as they were written, `last`
 * the string of the newest input. Inputs must arrive oldest first. Results are the figures
 * decimal.js gave (sum written with the inputs' largest scale, average rounded half to even
 * to 6 more decimals with trailing zeros dropped).
 */
export class DecimalAggregator {
  private sum: Scaled = { units: 0, scale: 0 };
  private min: Scaled | null = null;
  private max: Scaled | null = null;
  private minText = '';
  private maxText = '';
  private lastText = '';
  /** The largest number of decimals written in any input (what the sum is written with). */
  private scale = 0;
  private count = 0;

  add(value: string): void {
    const parsed = parse(value);
    this.addSum(parsed);
    this.takeMinMax(parsed, value, parsed, value);
    this.lastText = value;
    const written = scaleOf(value);
    if (written > this.scale) this.scale = written;
    this.count += 1;
  }

  /** A finer bucket's aggregate (its sum and count carry its weight). */
  addAggregate(part: Pick<Aggregate, 'min' | 'max' | 'sum' | 'last' | 'count'>): void {
    this.addSum(parse(part.sum));
    this.takeMinMax(parse(part.min), part.min, parse(part.max), part.max);
    this.lastText = part.last;
    this.scale = Math.max(this.scale, scaleOf(part.sum), scaleOf(part.min), scaleOf(part.max));
    this.count += part.count;
  }

  /** Another aggregator's inputs, all newer than this one's. */
  merge(other: DecimalAggregator): void {
    if (other.count === 0) return;
    this.addSum(other.sum);
    this.takeMinMax(other.min!, other.minText, other.max!, other.maxText);
    this.lastText = other.lastText;
    if (other.scale > this.scale) this.scale = other.scale;
    this.count += other.count;
  }

  get size(): number {
    return this.count;
  }

  /** The newest input as written. */
  get last(): string {
    return this.lastText;
  }

  result(): Aggregate {
    if (this.count === 0) throw new Error('an empty bucket has no aggregate');
    const sum = BigInt(this.sum.units);
    // avg = sum / count at scale + 6 decimals, rounded half to even.
    const decimals = this.scale + AVERAGE_EXTRA_DECIMALS;
    const shift = decimals - this.sum.scale;
    const numerator = shift >= 0 ? sum * 10n ** BigInt(shift) : sum;
    const denominator = BigInt(this.count) * (shift >= 0 ? 1n : 10n ** BigInt(-shift));
    const avg = stripZeros(format(divideHalfEven(numerator, denominator), decimals, decimals));
    return {
      avg,
      min: this.minText,
      max: this.maxText,
      sum: format(sum, this.sum.scale, this.scale),
      last: this.lastText,
      count: this.count,
    };
  }

  private addSum(value: Scaled): void {
    const sum = this.sum;
    if (value.scale === sum.scale) {
      sum.units = add(sum.units, value.units);
    } else if (value.scale > sum.scale) {
      sum.units = add(rescale(sum.units, value.scale - sum.scale), value.units);
      sum.scale = value.scale;
    } else {
      sum.units = add(sum.units, rescale(value.units, sum.scale - value.scale));
    }
  }

  private takeMinMax(min: Scaled, minText: string, max: Scaled, maxText: string): void {
    // Strictly lower / higher: of equal values the oldest is kept, as it was written.
    if (!this.min || compare(min, this.min) < 0) {
      this.min = min;
      this.minText = minText;
    }
    if (!this.max || compare(max, this.max) > 0) {
      this.max = max;
      this.maxText = maxText;
    }
  }
}

/** a / b rounded half to even (b > 0). */
function divideHalfEven(a: bigint, b: bigint): bigint {
  const negative = a < 0n;
  const magnitude = negative ? -a : a;
  let quotient = magnitude / b;
  const twice = (magnitude % b) * 2n;
  if (twice > b || (twice === b && quotient % 2n === 1n)) quotient += 1n;
  return negative ? -quotient : quotient;
}

/** decimal.js's toFixed() of a rounded value: no trailing zeros, no point for an integer. */
function stripZeros(text: string): string {
  if (!text.includes('.')) return text;
  const stripped = text.replace(/\.?0+$/, '');
  return stripped === '-0' ? '0' : stripped;
}
