import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuthenticatedRequest } from '../../common/auth/actor';
import type { SecurityHeaders } from '../../common/http/security-headers';
import { correlationIdFrom } from '../../common/logging/request-context';
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
const NO_QUERY = Object.freeze({});

/** What the raw answer reports, for the access log and the latency histogram. */
export type RawAnswerObserver = (answer: { correlationId: string; url: string; status: number; durationMs: number }) => void;

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
export class PositionsHotRead implements BeforeApplicationShutdown {
  /** Set as the application starts closing: from then on Nest answers (its 503 while closing). */
  private closing = false;
  /** What the validation pipe made of an empty query, once it has seen one. */
  private noQueryFilter: PositionsQueryDto | undefined;

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
        request.method === 'GET' && request.routeOptions.url === POSITIONS_LIST_ROUTE
          ? this.answerNow(request.headers, request.query, request, reply, pipe)
          : undefined;
      if (body === undefined) {
        done();
        return;
      }
      answeredHere.add(request);
      void reply.code(200).header('cache-control', 'no-store').type('application/json; charset=utf-8').send(body);
    });
  }

  /**
   * The same answer one step earlier, for the dashboards' plain poll (`GET /api/v1/positions`
   * without a query or an Origin): on the HTTP server's request event, before Fastify routes
   * the request and runs its hooks. It writes what the Fastify path writes: the security
   * headers, the correlation id, the rate-limit headers, no-store, the JSON; the access log
   * line and the latency histogram come through `observe`. test/e2e/positions-hot-read.test.ts
   * holds the answers of the three paths to the same headers and body. Anything else goes on
   * to Fastify untouched (the response object too, with any rate-limit header set here).
   */
  installBeforeFastify(server: Server, securityHeaders: SecurityHeaders, pipe: CachingValidationPipe, observe: RawAnswerObserver): void {
    // Written with one writeHead of a flat list: Node then validates each header once and skips
    // building the per-response header map that setHeader fills.
    const fixed = Object.entries({
      ...securityHeaders,
      'cache-control': 'no-store',
      'content-type': 'application/json; charset=utf-8',
    }).flat();
    const listeners = server.listeners('request') as Array<(req: IncomingMessage, res: ServerResponse) => void>;
    server.removeAllListeners('request');
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      if (!this.answerRaw(req, res, pipe, fixed, observe)) for (const listener of listeners) listener.call(server, req, res);
    });
  }

  beforeApplicationShutdown(): void {
    this.closing = true;
  }

  private answerRaw(
    req: IncomingMessage,
    res: ServerResponse,
    pipe: CachingValidationPipe,
    fixed: string[],
    observe: RawAnswerObserver,
  ): boolean {
    if (this.closing || req.method !== 'GET' || req.url !== POSITIONS_LIST_ROUTE || req.headers.origin !== undefined) return false;
    const started = performance.now();
    // The rate limiter's headers are collected here rather than set on `res`: a request that is
    // not answered here reaches Fastify with a response nothing was written to.
    const headers = fixed.slice();
    const body = this.answerNow(req.headers, NO_QUERY, req, new HeaderList(headers), pipe);
    if (body === undefined) return false;
    const correlationId = correlationIdFrom(req.headers['x-correlation-id']);
    headers.push('x-correlation-id', correlationId, 'content-length', String(Buffer.byteLength(body)));
    res.writeHead(200, headers);
    res.end(body);
    observe({ correlationId, url: POSITIONS_LIST_ROUTE, status: 200, durationMs: performance.now() - started });
    return true;
  }

  /**
   * The body of the 200 answer when it can be given now (the request is then counted), else
   * undefined. `request` and `response` are what the rate limiter reads the caller from and
   * writes its headers to: Fastify's, or Node's before Fastify.
   */
  answerNow(
    headers: IncomingHttpHeaders,
    query: unknown,
    request: object,
    response: object,
    pipe: CachingValidationPipe,
  ): string | undefined {
    // An API key, or both credentials: the guards decide.
    if (headers['x-api-key'] !== undefined) return undefined;
    const token = bearerToken(headers.authorization);
    const actor = token === undefined ? undefined : this.access.actorNow(token);
    if (!actor || !this.permissions.allowsNow(actor, [LIST_HANDLER, PositionsController])) return undefined;
    // The plain poll's filter is the same every time once the pipe has accepted it.
    const filter = query === NO_QUERY ? (this.noQueryFilter ??= pipe.knownNow(query, QUERY)) : pipe.knownNow(query, QUERY);
    const body = filter && this.positions.listJsonNow(filter);
    if (body === undefined) return undefined;
    // Last, because it counts: the request is answered here exactly when it is counted here.
    (request as AuthenticatedRequest).actor = actor;
    const allowed = this.throttler.canActivate(new ExecutionContextHost([request, response], PositionsController, LIST_HANDLER));
    if (allowed === true) return body;
    // Over the limit: the Nest path counts it again (still over) and answers 429 with Retry-After.
    if (allowed instanceof Promise) allowed.catch(() => undefined);
    return undefined;
  }
}

/** Where the rate limiter writes its headers on the early path (it calls `header(name, value)`). */
class HeaderList {
  constructor(private readonly list: string[]) {}

  header(name: string, value: unknown): this {
    this.list.push(name, String(value));
    return this;
  }
}
