import { Injectable, type CanActivate, type ExecutionContext, type OnModuleInit } from '@nestjs/common';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  type ThrottlerModuleOptions,
  type ThrottlerOptions,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import {
  THROTTLER_BLOCK_DURATION,
  THROTTLER_KEY_GENERATOR,
  THROTTLER_LIMIT,
  THROTTLER_SKIP,
  THROTTLER_TRACKER,
  THROTTLER_TTL,
} from '@nestjs/throttler/dist/throttler.constants';
import type { AuthenticatedRequest } from '../auth/actor';
import { RouteMetadata } from '../auth/route-metadata';
import { InMemoryThrottlerStorage } from './throttler-storage';

const ROUTE_OVERRIDES = [
  THROTTLER_SKIP,
  THROTTLER_LIMIT,
  THROTTLER_TTL,
  THROTTLER_BLOCK_DURATION,
  THROTTLER_TRACKER,
  THROTTLER_KEY_GENERATOR,
];

/**
 * @nestjs/throttler keyed per user (or API key) once authenticated, per client IP before.
 * The IP is Fastify's request.ip: the socket's address, or X-Forwarded-For only when the
 * peer is a configured trusted proxy (TRUSTED_PROXIES). A client's X-Real-IP is never read.
 */
@Injectable()
export class ActorThrottlerGuard implements CanActivate, OnModuleInit {
  private readonly throttler: ActorKeyedThrottler;

  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    metadata: RouteMetadata,
  ) {
    // The library reads six route-level overrides per throttler and request: from the memo.
    this.throttler = new ActorKeyedThrottler(options, storage, metadata);
  }

  onModuleInit(): Promise<void> {
    return this.throttler.onModuleInit();
  }

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    // Socket events: the feed limits connections per user and closes slow or abusive clients itself.
    if (context.getType() !== 'http') return true;
    return this.throttler.activate(context);
  }
}

/** The library guard with our tracker and key, and a synchronous path for the common case. */
class ActorKeyedThrottler extends ThrottlerGuard {
  /** Per handler and class: whether any @Throttle/@SkipThrottle-style override applies. */
  private readonly overridden = new WeakMap<object, WeakMap<object, boolean>>();

  /**
   * The library's canActivate, synchronous when it can be: with the in-memory storage, no route
   * override and settings that resolve at once (ours do), the same counting, headers and 429
   * happen without the six promises per throttler the library awaits on every request. Anything
   * else (another storage, an override, an asynchronous setting) goes through the library.
   */
  activate(context: ExecutionContext): boolean | Promise<boolean> {
    const storage = this.storageService;
    if (!(storage instanceof InMemoryThrottlerStorage) || this.hasRouteOverrides(context)) return this.canActivate(context);
    const plans: Array<{ throttler: ThrottlerOptions; name: string; limit: number; ttl: number; blockDuration: number }> = [];
    for (const throttler of this.throttlers) {
      const skipIf = throttler.skipIf ?? this.commonOptions.skipIf;
      if (skipIf?.(context)) continue;
      if (throttler.ignoreUserAgents ?? this.commonOptions.ignoreUserAgents) return this.canActivate(context);
      const limit = resolveNow(throttler.limit, context);
      const ttl = resolveNow(throttler.ttl, context);
      const blockDuration = throttler.blockDuration === undefined ? ttl : resolveNow(throttler.blockDuration, context);
      if (limit === undefined || ttl === undefined || blockDuration === undefined) return this.canActivate(context);
      plans.push({ throttler, name: throttler.name ?? 'default', limit, ttl, blockDuration });
    }
    if (!plans.length) return true;
    const { req, res } = this.getRequestResponse(context);
    const tracker = trackerOf(req);
    const now = Date.now();
    for (const { throttler, name, limit, ttl, blockDuration } of plans) {
      const key = (throttler.generateKey ?? this.commonOptions.generateKey ?? this.generateKey.bind(this))(context, tracker, name);
      const record = storage.incrementNow(key, ttl, limit, blockDuration, name, now);
      const suffix = name === 'default' ? '' : `-${name}`;
      const setHeaders = throttler.setHeaders ?? this.commonOptions.setHeaders ?? true;
      if (record.isBlocked) {
        if (setHeaders) this.setResponseHeader(res, `Retry-After${suffix}`, record.timeToBlockExpire);
        return this.throwThrottlingException(context, { limit, ttl, key, tracker, ...record }).then(() => false);
      }
      if (setHeaders) {
        this.setResponseHeader(res, `${this.headerPrefix}-Limit${suffix}`, limit);
        this.setResponseHeader(res, `${this.headerPrefix}-Remaining${suffix}`, Math.max(0, limit - record.totalHits));
        this.setResponseHeader(res, `${this.headerPrefix}-Reset${suffix}`, record.timeToExpire);
      }
    }
    return true;
  }

  protected override getTracker(req: Record<string, unknown>): Promise<string> {
    return Promise.resolve(trackerOf(req));
  }

  /** One bucket per caller across all routes (the library's default is one per route). */
  protected override generateKey(_context: ExecutionContext, tracker: string, throttlerName: string): string {
    return rateLimitKey(throttlerName, tracker);
  }

  private hasRouteOverrides(context: ExecutionContext): boolean {
    const handler = context.getHandler();
    const classRef = context.getClass();
    let byClass = this.overridden.get(handler);
    if (!byClass) this.overridden.set(handler, (byClass = new WeakMap()));
    let found = byClass.get(classRef);
    if (found === undefined) {
      found = this.throttlers.some((t) =>
        ROUTE_OVERRIDES.some((key) => this.reflector.getAllAndOverride(key + (t.name ?? 'default'), [handler, classRef]) !== undefined),
      );
      byClass.set(classRef, found);
    }
    return found;
  }
}

function trackerOf(req: Record<string, unknown>): string {
  const actor = (req as AuthenticatedRequest).actor;
  return actor ? `${actor.kind}:${actor.id}` : `ip:${String(req.ip)}`;
}

/** A throttler setting now, or undefined when it is only known asynchronously. */
function resolveNow(value: ThrottlerOptions['limit'], context: ExecutionContext): number | undefined {
  const resolved = typeof value === 'function' ? value(context) : value;
  return typeof resolved === 'number' && !Number.isNaN(resolved) ? resolved : undefined;
}

export function rateLimitKey(throttlerName: string, tracker: string): string {
  return `${throttlerName}:${tracker}`;
}
