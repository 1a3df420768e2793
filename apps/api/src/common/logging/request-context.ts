import type { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { asyncLocalStorage } from '@fastify/request-context';

export interface RequestContext {
  correlationId: string;
  /** The client's address (from X-Forwarded-For only when the peer is a trusted proxy). */
  ip?: string;
  userAgent?: string;
}

// The storage @fastify/request-context binds to each HTTP request (it keeps the context across
// body parsing); background work and socket handlers enter it with runWithContext.
const storage = asyncLocalStorage as unknown as AsyncLocalStorage<RequestContext>;

/** Runs fn with a correlation id visible to every log line and outbound bot call inside it. */
export function runWithContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

export function currentCorrelationId(): string | undefined {
  return storage.getStore()?.correlationId;
}

// Accept a caller's id only if it is a sane token: it is echoed in headers and logs.
const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function correlationIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && CORRELATION_ID.test(value) ? value : randomUUID();
}
