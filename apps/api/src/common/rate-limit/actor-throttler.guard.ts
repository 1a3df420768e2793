import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { AuthenticatedRequest } from '../auth/actor';

/**
 * @nestjs/throttler keyed per user (or API key) once authenticated, per client IP before.
 * The IP is Fastify's request.ip: the socket's address, or X-Forwarded-For only when the
 * peer is a configured trusted proxy (TRUSTED_PROXIES). A client's X-Real-IP is never read.
 */
@Injectable()
export class ActorThrottlerGuard extends ThrottlerGuard {
  protected override getTracker(req: Record<string, unknown>): Promise<string> {
    const actor = (req as AuthenticatedRequest).actor;
    if (actor) return Promise.resolve(`${actor.kind}:${actor.id}`);
    return Promise.resolve(`ip:${String(req.ip)}`);
  }

  /** One bucket per caller across all routes (the library's default is one per route). */
  protected override generateKey(_context: ExecutionContext, tracker: string, throttlerName: string): string {
    return rateLimitKey(throttlerName, tracker);
  }
}

export function rateLimitKey(throttlerName: string, tracker: string): string {
  return `${throttlerName}:${tracker}`;
}
