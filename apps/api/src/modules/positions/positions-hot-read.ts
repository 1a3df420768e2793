import { Injectable } from '@nestjs/common';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuthenticatedRequest } from '../../common/auth/actor';
import { PermissionGuard } from '../../common/auth/permission.guard';
import type { CachingValidationPipe } from '../../common/errors/validation';
import { ActorThrottlerGuard } from '../../common/rate-limit/actor-throttler.guard';
import { AccessAuthenticator } from '../auth/access-authenticator';
import { bearerToken } from '../auth/jwt.strategy';
import { PositionsController } from './positions.controller';
import { PositionsQueryDto } from './positions.dto';
import { PositionsService } from './positions.service';

/** The route Fastify matched (Nest registers it with the global prefix). */
export const POSITIONS_LIST_ROUTE = '/api/v1/positions';

const LIST_HANDLER = Object.getOwnPropertyDescriptor(PositionsController.prototype, 'list')?.value as (...args: unknown[]) => unknown;
const QUERY = { type: 'query', metatype: PositionsQueryDto, data: undefined } as const;

const answeredHere = new WeakSet<FastifyRequest>();

/** Whether the hot read answered this request (the access log says so). */
export function answeredByHotRead(request: FastifyRequest): boolean {
  return answeredHere.has(request);
}

/**
 * The hot read: `GET /api/v1/positions` with a Bearer token, answered from a Fastify onRequest
 * hook when every check the Nest pipeline makes passes now, without waiting, by the same code:
 * the token through AccessAuthenticator (verified signature, active user, open session, from the
 * caches the guards fill), the route's permission through PermissionGuard's side-effect-free
 * verdict, the query through the validation pipe's memory of what it accepted before, and the
 * rate limit through ActorThrottlerGuard (which counts the request and sets its headers). The
 * body is PositionsService's serialised answer for the current bridge snapshot.
 *
 * Anything else (an API key, a cache miss, a refusal, an unseen query, a bot that is not
 * running, stale or failing) is not answered here: the request goes on through Nest's guards,
 * pipes and controller, which give every error and every other state. Only the 200 answer is
 * ever given here, so no refusal can differ between the two paths. Why: the controller path
 * costs ~100 µs per request in framework plumbing (guards, interceptors, serialisation), more
 * than twice a bare server's whole answer; dashboards poll this route.
 */
@Injectable()
export class PositionsHotRead {
  constructor(
    private readonly access: AccessAuthenticator,
    private readonly permissions: PermissionGuard,
    private readonly throttler: ActorThrottlerGuard,
    private readonly positions: PositionsService,
  ) {}

  /**
   * Adds the hook. Register it after the hooks every response needs (security headers,
   * correlation id) and before the per-request machinery only the Nest path uses.
   */
  register(fastify: FastifyInstance, pipe: CachingValidationPipe): void {
    fastify.addHook('onRequest', (request, reply, done) => {
      const body =
        request.method === 'GET' && request.routeOptions.url === POSITIONS_LIST_ROUTE ? this.answerNow(request, reply, pipe) : undefined;
      if (body === undefined) {
        done();
        return;
      }
      answeredHere.add(request);
      void reply.code(200).header('cache-control', 'no-store').type('application/json; charset=utf-8').send(body);
    });
  }

  /** The body of the 200 answer when it can be given now (the request is then counted), else undefined. */
  answerNow(request: FastifyRequest, reply: FastifyReply, pipe: CachingValidationPipe): string | undefined {
    // An API key, or both credentials: the guards decide.
    if (request.headers['x-api-key'] !== undefined) return undefined;
    const token = bearerToken(request.headers.authorization);
    const actor = token === undefined ? undefined : this.access.actorNow(token);
    if (!actor || !this.permissions.allowsNow(actor, [LIST_HANDLER, PositionsController])) return undefined;
    const filter = pipe.knownNow(request.query, QUERY);
    const body = filter && this.positions.listJsonNow(filter);
    if (body === undefined) return undefined;
    // Last, because it counts: the request is answered here exactly when it is counted here.
    (request as FastifyRequest & AuthenticatedRequest).actor = actor;
    const allowed = this.throttler.canActivate(new ExecutionContextHost([request, reply], PositionsController, LIST_HANDLER));
    if (allowed === true) return body;
    // Over the limit: the Nest path counts it again (still over) and answers 429 with Retry-After.
    if (allowed instanceof Promise) allowed.catch(() => undefined);
    return undefined;
  }
}
