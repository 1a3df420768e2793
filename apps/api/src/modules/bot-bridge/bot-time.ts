/**
 * The bot sends ISO 8601 datetimes that may be naive (no offset), as Python's
 * `datetime.utcnow().isoformat()` prints them; naive means UTC. The control center answers
 * with UTC ISO 8601 and a Z everywhere, so the conversion happens once, at the bridge.
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})?$/i;

/** Keys whose string values are datetimes in the bot's answers. */
export const BOT_DATETIME_KEYS: ReadonlySet<string> = new Set([
  'opened_at',
  'paused_at',
  'triggered_at',
  'recovery_time',
  'resolved_at',
  'timestamp',
]);

/**
 * "2025-02-04T12:00:00.123456" -> "2025-02-04T12:00:00.123Z"; an offset is applied
 * ("2025-02-04T14:00:00+02:00" -> "2025-02-04T12:00:00.000Z"). Returns undefined for anything
 * that is not such a datetime (or not a real date, like February 30th).
 */
export function toUtcIso(value: string): string | undefined {
  const m = ISO.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, fraction, offset] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  // Sub-millisecond digits are dropped (the API's resolution is the millisecond), never rounded up.
  const ms = fraction ? Number(fraction.slice(0, 3).padEnd(3, '0')) : 0;
  let epoch = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCDate() !== day) return undefined; // 2025-02-30 and friends
  if (offset && offset.toUpperCase() !== 'Z') {
    const sign = offset.startsWith('-') ? -1 : 1;
    const digits = offset.slice(1).replace(':', '');
    const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4));
    epoch -= sign * offsetMinutes * 60_000;
  }
  return new Date(epoch).toISOString();
}

/**
 * Copies a (validated) bot answer with every datetime under a known key converted to UTC Z.
 * Values that do not parse are left as they are (validation has already vetted the shape).
 */
export function normaliseDatetimes<T>(value: T): T {
  return walk(value, undefined) as T;
}

function walk(value: unknown, key: string | undefined): unknown {
  if (typeof value === 'string') return key !== undefined && BOT_DATETIME_KEYS.has(key) ? (toUtcIso(value) ?? value) : value;
  if (Array.isArray(value)) return value.map((item) => walk(item, undefined));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = walk(v, k);
    return out;
  }
  return value;
}
