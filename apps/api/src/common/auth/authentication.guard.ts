import { Inject, Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import { AuthGuard } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { AuditService } from '../../modules/audit/audit.service';
import { APP_CONFIG, type AppConfig } from '../config/env.schema';
import { rateLimitKey } from '../rate-limit/actor-throttler.guard';
import { AppException } from '../errors/app.exception';
import { requestContextOf } from '../logging/request-context';
import type { Actor, AuthenticatedRequest } from './actor';
import { PUBLIC_KEY } from './auth.decorators';
import { RouteMetadata } from './route-metadata';

/**
 * First global guard: who is calling (JWT or API key, via @nestjs/passport). Public routes
 * pass; everything else without a valid credential gets 401, and the refusal is audited.
 */
@Injectable()
export class AuthenticationGuard extends AuthGuard(['jwt', 'api-key']) {
  constructor(
    private readonly reflector: RouteMetadata,
    private readonly audit: AuditService,
    @Inject(ThrottlerStorage) private readonly storage: ThrottlerStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true; // sockets authenticate on the handshake
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [context.getHandler(), context.getClass()])) return true;
    try {
      return (await super.canActivate(context)) as boolean;
    } catch (error) {
      if (error instanceof AppException) {
        const request = context.switchToHttp().getRequest<FastifyRequest & { apiKeyRefusal?: string }>();
        // Credential guessing is throttled per IP like any anonymous traffic, before it is audited,
        // so a flood of bad tokens cannot flood the audit log either.
        const limit = this.config.http.unauthenticatedPerMinute;
        const hits = await this.storage.increment(rateLimitKey('default', `ip:${request.ip}`), 60_000, limit, 0, 'default');
        if (hits.totalHits > limit) {
          throw new AppException(429, 'RATE_LIMITED', 'Too many unauthenticated requests', undefined, undefined, {
            'retry-after': String(Math.max(1, hits.timeToExpire)),
          });
        }
        await this.audit
          .record({
            action: 'auth.denied',
            outcome: 'denied',
            statusCode: 401,
            context: requestContextOf(request),
            target: `${request.method} ${request.routeOptions?.url ?? request.url}`,
            detail: { reason: request.apiKeyRefusal ?? credentialKind(request) },
          })
          .catch(() => undefined);
      }
      throw error;
    }
  }

  override handleRequest<T = Actor>(error: unknown, actor: T | false, _info: unknown, context: ExecutionContext): T {
    if (error || !actor) {
      throw new AppException(401, 'UNAUTHENTICATED', 'Authentication required: a valid Bearer token or X-API-Key', undefined, undefined, {
        'www-authenticate': 'Bearer',
      });
    }
    context.switchToHttp().getRequest<AuthenticatedRequest>().actor = actor as unknown as Actor;
    return actor;
  }
}

function credentialKind(request: FastifyRequest): string {
  if (request.headers.authorization) return 'invalid_bearer_token';
  if (request.headers['x-api-key']) return 'invalid_api_key';
  return 'no_credential';
}
