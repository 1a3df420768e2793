import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from '../common/logger';
import { installFaultHooks } from '../faults/fault-hooks';
import type { BotListener, SimRuntime } from '../sim-runtime';
import { registerCoreRoutes } from './bot-api.routes';
import { bearerGuard } from './bot-auth';
import { registerExtensionRoutes } from './bot-extension.routes';

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'] as const;

/** The bot's private API on SIM_HOST:SIM_PORT, answering like FastAPI would. */
export class BotServer implements BotListener {
  readonly app: FastifyInstance;
  private readonly hung = new Set<Socket>();
  private isListening = false;

  constructor(
    private readonly runtime: SimRuntime,
    logger: Logger,
  ) {
    const env = runtime.env;
    this.app = Fastify({
      loggerInstance: logger.child({ server: 'bot' }) as FastifyBaseLogger,
      logController: new LogController({ disableRequestLogging: true }),
      requestIdHeader: 'x-correlation-id',
      genReqId: () => randomUUID(),
      exposeHeadRoutes: false,
      forceCloseConnections: true,
      return503OnClosing: false,
    });
    const app = this.app;
    app.addHook('onRequest', async (request, reply) => {
      const correlationId = request.headers['x-correlation-id'];
      if (typeof correlationId === 'string') reply.header('x-correlation-id', correlationId);
    });
    installFaultHooks(app, runtime.faults, this.hung);
    // One access line per request, like uvicorn's; reqId is the caller's X-Correlation-ID when it sent one.
    app.addHook('onResponse', async (request, reply) => {
      const correlationId = request.headers['x-correlation-id'];
      request.log.info(
        {
          method: request.method,
          url: request.url,
          statusCode: reply.statusCode,
          ms: Math.round(reply.elapsedTime),
          ...(correlationId ? { correlationId } : {}),
        },
        'bot request',
      );
    });
    app.setNotFoundHandler((_request, reply) => reply.code(404).send({ detail: 'Not Found' }));
    app.setErrorHandler((error: { statusCode?: number; message: string }, request, reply) => {
      const status = error.statusCode ?? 500;
      if (status === 413) return reply.code(413).send({ detail: 'Request Entity Too Large' });
      // A body FastAPI cannot read is a validation error there: 422, not 400/415.
      if (status >= 400 && status < 500) return reply.code(422).send({ detail: `body: ${error.message}` });
      request.log.error({ err: error }, 'unhandled error');
      return reply.code(500).type('text/plain; charset=utf-8').send('Internal Server Error');
    });

    const served: Record<string, string[]> = {};
    app.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      (served[route.url] ??= []).push(...methods);
    });
    app.get('/health', async () => runtime.health());
    app.register(async (scope) => {
      scope.addHook('onRequest', bearerGuard(env.adminKey));
      scope.addHook('preHandler', async (_request, reply) => {
        if (runtime.engine.phase === 'starting') return reply.code(503).send({ detail: 'Bot not initialized' });
      });
      registerCoreRoutes(scope, runtime, env.adminKey);
      if (env.tier === 'full') registerExtensionRoutes(scope, runtime, env.adminKey);
    });
    // FastAPI answers 405 for a known path with another method (before any auth).
    app.after(() => {
      for (const [url, methods] of Object.entries(served)) {
        const others = METHODS.filter((m) => !methods.includes(m));
        if (others.length > 0)
          app.route({ method: others, url, handler: async (_req, reply) => reply.code(405).send({ detail: 'Method Not Allowed' }) });
      }
    });
  }

  get listening(): boolean {
    return this.isListening;
  }

  async listen(): Promise<void> {
    await this.app.listen({ host: this.runtime.env.host, port: this.runtime.env.port });
    this.isListening = true;
  }

  /** "refuse": the port closes, so connects get ECONNREFUSED; open connections are cut. */
  async stopListening(): Promise<void> {
    if (!this.isListening) return;
    this.isListening = false;
    const server = this.app.server;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  async resumeListening(): Promise<void> {
    if (this.isListening) return;
    const server = this.app.server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.runtime.env.port, this.runtime.env.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.isListening = true;
  }

  releaseHung(): void {
    for (const socket of this.hung) socket.destroy();
    this.hung.clear();
  }

  async close(): Promise<void> {
    this.releaseHung();
    if (!this.isListening) await this.resumeListening().catch(() => undefined); // fastify closes a listening server
    await this.app.close();
  }
}
