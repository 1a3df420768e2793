import { ArgumentsHost, Catch, HttpException, Inject, type ExceptionFilter } from '@nestjs/common';
import { WsException } from '@nestjs/websockets';
import type { ApiErrorBody, ErrorCode } from '@dnb/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';

import { LOGGER } from '../logging/logger';
import { SpaFallback } from '../http/spa-fallback';
import { AppException } from './app.exception';

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  501: 'BOT_FEATURE_UNSUPPORTED',
  503: 'SERVICE_UNAVAILABLE',
};

/**
 * The one place errors become answers: a stable JSON shape with a code and the correlation id;
 * internals of unexpected errors are logged, never sent.
 */
@Catch()
export class GlobalExceptionFilter implements ExceptionFilter {
  /** A socket event that failed: the client gets a feed `error` message; the connection stays open. */
  private socketError(exception: unknown, host: ArgumentsHost): void {
    const client = host.switchToWs().getClient<{ emit(event: string, message: unknown): void }>();
    const known = exception instanceof WsException ? (exception.getError() as { code?: string; message?: string }) : undefined;
    if (!known) this.logger.error({ err: exception }, 'socket event failed');
    client.emit('message', {
      type: 'error',
      timestamp: new Date().toISOString(),
      code: known?.code ?? 'INTERNAL_ERROR',
      message: known?.message ?? 'Internal error',
    });
  }

  constructor(
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly spa: SpaFallback,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() === 'ws') return this.socketError(exception, host);
    if (host.getType() !== 'http') return;
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    // Fastify's request id is the caller's correlation id when it sent a sane one (see genReqId).
    const correlationId = request.id;

    if (this.spa.handles(request, exception)) {
      void this.spa.serve(reply);
      return;
    }

    const { body, headers } = this.toAnswer(exception, correlationId);
    if (body.statusCode >= 500 && !(exception instanceof AppException)) {
      this.logger.error({ err: exception, correlation_id: correlationId, url: request.url }, 'unhandled error');
    }
    void reply
      .status(body.statusCode)
      .headers({ 'x-correlation-id': correlationId, ...headers })
      .type('application/json; charset=utf-8')
      .send(body);
  }

  private toAnswer(
    exception: unknown,
    correlationId: string,
  ): { body: ApiErrorBody & Record<string, unknown>; headers: Record<string, string> } {
    if (exception instanceof AppException) {
      return {
        body: {
          statusCode: exception.statusCode,
          code: exception.code,
          message: exception.message,
          ...(exception.errors ? { errors: exception.errors } : {}),
          ...exception.extra,
          correlationId,
        },
        headers: exception.headers ?? {},
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message = typeof response === 'string' ? response : String((response as { message?: unknown }).message ?? exception.message);
      return {
        body: { statusCode: status, code: codeFor(status), message: status >= 500 ? 'Internal error' : message, correlationId },
        headers: {},
      };
    }
    // Fastify's own errors (body too large, bad JSON, wrong content type) carry a statusCode.
    const fastifyStatus = (exception as { statusCode?: unknown })?.statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      return {
        body: { statusCode: fastifyStatus, code: codeFor(fastifyStatus), message: (exception as Error).message, correlationId },
        headers: {},
      };
    }
    return { body: { statusCode: 500, code: 'INTERNAL_ERROR', message: 'Internal error', correlationId }, headers: {} };
  }
}

function codeFor(status: number): ErrorCode {
  return CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST');
}
