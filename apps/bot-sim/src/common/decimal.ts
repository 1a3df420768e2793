import DecimalJs from 'decimal.js';

/**
 * The simulator's own Decimal: a clone, so its precision and rounding never depend on
 * what another module set globally. Money is never a JS float here.
 */
export const Dec = DecimalJs.clone({ precision: 32, rounding: DecimalJs.ROUND_HALF_EVEN, toExpNeg: -40, toExpPos: 40 });
export type Dec = InstanceType<typeof Dec>;

/** The wire pattern of the contract's Dec schema. */
export const DEC_PATTERN = /^-?[0-9]+(\.[0-9]+)?$/;

export function dec(value: DecimalJs.Value | Dec): Dec {
  return new Dec(value as DecimalJs.Value);
}

/** Fixed decimals, half-even, and never "-0.00" (Python's Decimal would print it; no operator wants to read it). */
export function fixed(value: Dec, places: number): string {
  const text = value.toDecimalPlaces(places).toFixed(places);
  return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text;
}

export const usd = (value: Dec): string => fixed(value, 2);
export const ratio = (value: Dec): string => fixed(value, 4);
export const price = (value: Dec): string => fixed(value, 4);
export const amount = (value: Dec): string => fixed(value, 6);
export const hourlyRate = (value: Dec): string => fixed(value, 8);

/** Leverage as the bot prints it: "3.0", "3.5", "3.25" (at least one decimal, at most two). */
export function leverage(value: Dec): string {
  const text = value.toDecimalPlaces(2).toFixed(2);
  return text.endsWith('0') ? text.slice(0, -1) : text;
}

/** Parses a decimal given as a string or number into a Dec; undefined when it is not a finite decimal. */
export function parseDec(value: unknown): Dec | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    return new Dec(value);
  }
  if (typeof value !== 'string' || !DEC_PATTERN.test(value)) return undefined;
  return new Dec(value);
}

/** A float from the model's random processes, quantized so that what follows is exact decimal arithmetic. */
export function fromFloat(value: number, places = 12): Dec {
  return new Dec(value.toFixed(places));
}

export function minDec(values: Dec[]): Dec | undefined {
  return values.reduce<Dec | undefined>((min, v) => (min === undefined || v.lessThan(min) ? v : min), undefined);
}
