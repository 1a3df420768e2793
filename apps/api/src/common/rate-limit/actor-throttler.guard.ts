import { Injectable } from '@nestjs/common';
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
}
