import { Inject, Injectable } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import { LOGIN_FAILURES } from '../../common/rate-limit/rate-limits';

/**
 * Brute-force brake (spec 5.3: "5 login attempts per 5 minutes"): per client IP and, so that
 * rotating addresses does not help, per username from anywhere. Counted in the throttler's
 * storage, so replicas sharing that storage share the count.
 */
@Injectable()
export class LoginLimiter {
  constructor(@Inject(ThrottlerStorage) private readonly storage: ThrottlerStorage) {}

  /** Counts an attempt; returns seconds to wait when it is over the limit, else 0. */
  async attempt(ip: string, username: string): Promise<number> {
    const { limit, windowMs } = LOGIN_FAILURES;
    const [byIp, byUser] = await Promise.all([
      this.storage.increment(`login:ip:${ip}`, windowMs, limit, 0, 'login'),
      this.storage.increment(`login:user:${username.toLowerCase()}`, windowMs, limit, 0, 'login'),
    ]);
    const over = [byIp, byUser].filter((r) => r.totalHits > limit);
    return over.length ? Math.max(1, ...over.map((r) => r.timeToExpire)) : 0;
  }
}
