import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from '../common/logger';
import type { SimRuntime } from '../sim-runtime';
import { registerControlRoutes } from './control.routes';

/** The control surface on its own port (loopback by default), no auth: a test and demo tool. */
export function createControlServer(runtime: SimRuntime, logger: Logger): FastifyInstance {
  const app = Fastify({
    loggerInstance: logger.child({ server: 'control' }) as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    requestIdHeader: 'x-correlation-id',
    forceCloseConnections: true,
  });
  app.addHook('onResponse', async (request, reply) => {
    if (request.method !== 'GET')
      request.log.info({ method: request.method, url: request.url, statusCode: reply.statusCode }, 'control request');
  });
  app.setNotFoundHandler((request, reply) => reply.code(404).send({ error: `no control route ${request.method} ${request.url}` }));
  app.setErrorHandler((error: { statusCode?: number; message: string }, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) request.log.error({ err: error }, 'control route failed');
    return reply.code(status).send({ error: error.message });
  });
  registerControlRoutes(app, runtime);
  return app;
}
