import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

/** Where a call comes from: what the audit log, the sessions list and the bot's logs record. */
export interface RequestContext {
  correlationId: string;
  /** The client's address (from X-Forwarded-For only when the peer is a trusted proxy). */
  ip?: string;
  userAgent?: string;
}

// The context is passed by hand (on the actor, or as an argument) rather than through an
// AsyncLocalStorage: on Node 20 an active AsyncLocalStorage runs an async_hooks callback for
// every async resource in the process, hot read included; bench:api measured it at ~18% of
// the API's throughput.
const CONTEXT = Symbol('requestContext');

/** The context of one HTTP request, built once from what Fastify has already parsed. */
export function requestContextOf(request: FastifyRequest): RequestContext {
  const holder = request as FastifyRequest & { [CONTEXT]?: RequestContext };
  return (holder[CONTEXT] ??= {
    correlationId: request.id,
    ip: request.ip,
    userAgent: request.headers['user-agent']?.slice(0, 512),
  });
}

/** A context for work no request started (a Telegram command, a scheduled job). */
export function backgroundContext(): RequestContext {
  return { correlationId: randomUUID() };
}

// Accept a caller's id only if it is a sane token: it is echoed in headers and logs.
const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function correlationIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && CORRELATION_ID.test(value) ? value : randomUUID();
}
