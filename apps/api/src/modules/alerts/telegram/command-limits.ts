import { InMemoryThrottlerStorage } from '../../../common/rate-limit/throttler-storage';

/** Q12: per user, per command; and all users together. */
export const COMMAND_LIMITS: Readonly<Record<string, { limit: number; windowMs: number }>> = {
  status: { limit: 5, windowMs: 60_000 },
  pause: { limit: 3, windowMs: 300_000 },
  resume: { limit: 3, windowMs: 300_000 },
  default: { limit: 10, windowMs: 60_000 },
};
export const GLOBAL_COMMAND_LIMIT = { limit: 100, windowMs: 60_000 };

/**
 * Telegram command rate limits on the same sliding-window storage as the HTTP throttler. A
 * command refused by its user's own limit is not counted anywhere, so one user's flood does not
 * eat the budget all users share.
 */
export class CommandLimits {
  private readonly storage = new InMemoryThrottlerStorage();

  /** Null when allowed (and counted), else the seconds to wait. */
  take(telegramUserId: number, command: string, now = Date.now()): number | null {
    const own = COMMAND_LIMITS[command] ?? COMMAND_LIMITS.default!;
    const ownKey = `tg:${command in COMMAND_LIMITS ? command : 'default'}:${telegramUserId}`;
    for (const [key, rule] of [
      [ownKey, own],
      ['tg:global', GLOBAL_COMMAND_LIMIT],
    ] as const) {
      const record = this.storage.incrementNow(key, rule.windowMs, rule.limit, 0, 'telegram', now);
      if (record.isBlocked) return Math.max(1, record.timeToBlockExpire);
    }
    return null;
  }

  close(): void {
    this.storage.onApplicationShutdown();
  }
}
