import Decimal from 'decimal.js';

/**
 * Money and ratios arrive as decimal strings ("45.30", "-0.0008") and stay exact: arithmetic is
 * done with decimal.js and formatting happens here, at the edge, never through parseFloat.
 */

export type DecimalInput = string | number | Decimal | null | undefined;

/** A Decimal, or null for missing or malformed input (shown as a dash, never as 0). */
export function toDecimal(value: DecimalInput): Decimal | null {
  if (value === null || value === undefined || value === '') return null;
  try {
    const d = new Decimal(value);
    return d.isFinite() ? d : null;
  } catch {
    return null;
  }
}

export const DASH = '—';

/** Groups the integer part with thin commas: 1234567.5 -> 1,234,567.50 (fixed digits). */
function grouped(d: Decimal, digits: number): string {
  const fixed = d.abs().toFixed(digits, Decimal.ROUND_HALF_UP);
  const [int, frac] = fixed.split('.');
  const withCommas = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${withCommas}.${frac}` : withCommas;
}

export type Sign = 'positive' | 'negative' | 'zero';

/** The sign after rounding to what is shown (so -0.001 shown as $0.00 is zero, not negative). */
export function signOf(value: DecimalInput, digits = 2): Sign | null {
  const d = toDecimal(value);
  if (!d) return null;
  const rounded = d.toDecimalPlaces(digits, Decimal.ROUND_HALF_UP);
  return rounded.isZero() ? 'zero' : rounded.isNegative() ? 'negative' : 'positive';
}

/** $1,234.56 or -$1,234.56; with `signed`, +$1,234.56 for gains (PnL). */
export function formatUsd(value: DecimalInput, { signed = false, digits = 2 }: { signed?: boolean; digits?: number } = {}): string {
  const d = toDecimal(value);
  if (!d) return DASH;
  const sign = signOf(d, digits);
  const prefix = sign === 'negative' ? '-' : signed && sign === 'positive' ? '+' : '';
  return `${prefix}$${grouped(d, digits)}`;
}

/** A ratio as a percentage: "0.279" -> "27.9%"; with `signed`, "+1.2%". */
export function formatPercent(value: DecimalInput, { digits = 1, signed = false }: { digits?: number; signed?: boolean } = {}): string {
  const d = toDecimal(value);
  if (!d) return DASH;
  const pct = d.times(100);
  const sign = signOf(pct, digits);
  const prefix = sign === 'negative' ? '-' : signed && sign === 'positive' ? '+' : '';
  return `${prefix}${grouped(pct, digits)}%`;
}

/** A plain decimal with fixed digits: "3" -> "3.00"; for amounts and prices. */
export function formatNumber(value: DecimalInput, digits = 2): string {
  const d = toDecimal(value);
  if (!d) return DASH;
  return `${d.isNegative() && !d.toDecimalPlaces(digits).isZero() ? '-' : ''}${grouped(d, digits)}`;
}

/** Leverage: "3" -> "3x", "2.5" -> "2.5x". */
export function formatLeverage(value: DecimalInput): string {
  const d = toDecimal(value);
  if (!d) return DASH;
  return `${d.toDecimalPlaces(2).toString()}x`;
}

/** Sums decimal strings exactly; null when any is malformed. */
export function sumDecimals(values: readonly DecimalInput[]): Decimal | null {
  let total = new Decimal(0);
  for (const value of values) {
    const d = toDecimal(value);
    if (!d) return null;
    total = total.plus(d);
  }
  return total;
}

/** Compares two decimal strings for sorting (malformed last). */
export function compareDecimals(a: DecimalInput, b: DecimalInput): number {
  const x = toDecimal(a);
  const y = toDecimal(b);
  if (!x || !y) return x ? -1 : y ? 1 : 0;
  return x.comparedTo(y);
}

/** For chart axes only (a position on screen, not a figure anyone reads as money). */
export function toChartNumber(value: DecimalInput): number | null {
  const d = toDecimal(value);
  return d ? d.toNumber() : null;
}
