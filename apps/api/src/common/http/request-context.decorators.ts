import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { requestContextOf, type RequestContext } from '../logging/request-context';

/** The request's correlation id, IP and user agent, for routes with no actor yet (login, refresh). */
export const CurrentRequest = createParamDecorator((_: unknown, context: ExecutionContext): RequestContext =>
  requestContextOf(context.switchToHttp().getRequest<FastifyRequest>()),
);

/** The request's correlation id, for reads that call the bot (it is forwarded as X-Correlation-Id). */
export const CorrelationId = createParamDecorator(
  (_: unknown, context: ExecutionContext): string => context.switchToHttp().getRequest<FastifyRequest>().id,
);
