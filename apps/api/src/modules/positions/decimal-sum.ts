import Decimal from 'decimal.js';

/**
 * Exact decimal arithmetic on the bot's decimal strings. decimal.js rounds results to 20
 * significant digits by default; this clone keeps far more, so sums are exact for any value
 * the bot can send (and a 30-digit amount survives unchanged).
 */
export const ExactDecimal = Decimal.clone({ precision: 1_000, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Digits after the point, as written ("45.30" -> 2). */
function scaleOf(value: string): number {
  const point = value.indexOf('.');
  return point === -1 ? 0 : value.length - point - 1;
}

/**
 * The exact sum of decimal strings, written with as many decimals as the most precise input
 * ("45.30" + "10.20" = "55.50"; "0.1" + "0.2" = "0.3"); "0" for none. Refuses anything that is
 * not a plain decimal string rather than guess.
 */
export function sumDecimals(values: readonly string[]): string {
  let sum = new ExactDecimal(0);
  let scale = 0;
  for (const value of values) {
    if (!DECIMAL.test(value)) throw new TypeError(`not a decimal string: ${JSON.stringify(value)}`);
    sum = sum.plus(value);
    scale = Math.max(scale, scaleOf(value));
  }
  return sum.toFixed(scale);
}

/** Compares two decimal strings exactly: -1, 0 or 1. */
export function compareDecimals(a: string, b: string): number {
  return new ExactDecimal(a).cmp(b);
}
