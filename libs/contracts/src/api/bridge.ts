/**
 * What the control center says about the bot it talks to: its lifecycle as seen through the
 * bridge, and how fresh the data in an answer is.
 */

/** The bot's lifecycle (its own states) plus `unavailable`: no usable answer from it. */
export const BOT_LIFECYCLES = ['starting', 'recovering', 'running', 'degraded', 'shutdown', 'unavailable'] as const;
export type BotLifecycle = (typeof BOT_LIFECYCLES)[number];

/** Where an answer's bot data comes from. */
export interface DataFreshness {
  /** live: read from the bot within the cache TTL and the last read succeeded; cached: older, or the bot failed since. */
  source: 'live' | 'cached';
  /** When the data was read from the bot, UTC ISO 8601 with Z; null if it never was. */
  as_of: string | null;
  /** Age of the data in ms at the time of the answer; null if it never was read. */
  age_ms: number | null;
}

/**
 * The body of 502/503/504 answers for reads while the bot gives no fresh data (spec 11.1):
 * the usual error shape plus the last good data, if any.
 */
export interface BotUnavailableBody<T = unknown> {
  statusCode: number;
  code: 'BOT_UNAVAILABLE' | 'BOT_TIMEOUT' | 'BOT_INVALID_RESPONSE';
  message: string;
  correlationId: string;
  /** Short human summary, e.g. "Bot unavailable". */
  error: string;
  /** Seconds after which a retry makes sense (also sent as the Retry-After header). */
  retry_after: number;
  /** The answer as it was when the data was last fresh, or null. */
  cached_data: T | null;
  /** When that data was read from the bot (UTC Z), or null. */
  cached_at: string | null;
}
