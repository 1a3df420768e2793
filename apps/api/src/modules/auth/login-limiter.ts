import { Inject, Injectable } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import { AppException } from '../../common/errors/app.exception';
import { PASSWORD_ATTEMPTS } from '../../common/rate-limit/rate-limits';

/**
 * Brute-force brake (spec 5.3: "5 login attempts per 5 minutes"): per client IP and, so that
 * rotating addresses does not help, per username from anywhere. Counted in the throttler's
 * storage, so replicas sharing that storage share the count.
 */
@Injectable()
export class LoginLimiter {
  constructor(@Inject(ThrottlerStorage) private readonly storage: ThrottlerStorage) {}

  /** Counts an attempt; returns seconds to wait when it is over the limit, else 0. */
  async attempt(ip: string, username: string, kind: 'login' | 'reauth' = 'login'): Promise<number> {
    const { limit, windowMs } = PASSWORD_ATTEMPTS[kind];
    const [byIp, byUser] = await Promise.all([
      this.storage.increment(`${kind}:ip:${ip}`, windowMs, limit, 0, kind),
      this.storage.increment(`${kind}:user:${username.toLowerCase()}`, windowMs, limit, 0, kind),
    ]);
    const over = [byIp, byUser].filter((r) => r.totalHits > limit);
    return over.length ? Math.max(1, ...over.map((r) => r.timeToExpire)) : 0;
  }

  /** For a signed-in user proving the password again: throws 429 (with Retry-After) over the limit. */
  async assertReauthAllowed(ip: string, username: string): Promise<void> {
    const wait = await this.attempt(ip, username, 'reauth');
    if (wait > 0) {
      throw new AppException(429, 'RATE_LIMITED', 'Too many password attempts; try again later', undefined, undefined, {
        'retry-after': String(wait),
      });
    }
  }
}
