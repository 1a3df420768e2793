import type { ExecutionContext } from '@nestjs/common';
import { SetMetadata } from '@nestjs/common';
import type { ThrottlerModuleOptions, ThrottlerStorage } from '@nestjs/throttler';
import type { Role } from '@dnb/contracts';
import type { AuthenticatedRequest } from '../auth/actor';
import { InMemoryThrottlerStorage } from './throttler-storage';

/** Spec 5.3 / Q21: requests per minute per user, by role; unauthenticated callers per IP. */
export const PER_MINUTE_BY_ROLE: Record<Role, number> = { viewer: 100, operator: 200, admin: 500 };
export const CONTROL_PER_MINUTE = 10;
/**
 * Password proofs allowed per IP and per username in 5 minutes: logins (spec 5.3: 5 attempts),
 * and re-proofs by a signed-in user (step-up, password change, MFA changes), which get their own,
 * slightly larger budget so a normal account flow never trips it while a stolen token still
 * cannot be used to guess the password quickly.
 */
export const PASSWORD_ATTEMPTS = {
  login: { limit: 5, windowMs: 5 * 60_000 },
  reauth: { limit: 10, windowMs: 5 * 60_000 },
} as const;

export const CONTROL_ROUTE = 'rate-limit:control';
/** Marks a control route: 10 per minute per user on top of the role limit. */
export const ControlRateLimit = () => SetMetadata(CONTROL_ROUTE, true);

const MINUTE_MS = 60_000;

// Asked on every request; the decorator's mark never changes once the class is defined.
const controlRoutes = new WeakMap<object, boolean>();
function isControlRoute(handler: object): boolean {
  let marked = controlRoutes.get(handler);
  if (marked === undefined) controlRoutes.set(handler, (marked = !!Reflect.getMetadata(CONTROL_ROUTE, handler)));
  return marked;
}

function actorOf(context: ExecutionContext) {
  return context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
}

export function throttlerOptions(
  unauthenticatedPerMinute: number,
  roleLimitMultiplier = 1,
  storage: ThrottlerStorage = new InMemoryThrottlerStorage(),
): ThrottlerModuleOptions {
  return {
    throttlers: [
      {
        name: 'default',
        ttl: MINUTE_MS,
        limit: (context) => {
          const actor = actorOf(context);
          return actor ? PER_MINUTE_BY_ROLE[actor.role] * roleLimitMultiplier : unauthenticatedPerMinute;
        },
      },
      {
        name: 'control',
        ttl: MINUTE_MS,
        limit: CONTROL_PER_MINUTE,
        skipIf: (context) => context.getType() !== 'http' || context.getHandler() === undefined || !isControlRoute(context.getHandler()),
      },
    ],
    errorMessage: 'Too many requests; slow down and retry after the time in Retry-After',
    // Same answers as the library's default storage, but O(1) per request instead of O(hits per
    // minute); RedisThrottlerStorage gives the same answers across replicas.
    storage,
  };
}
