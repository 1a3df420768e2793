import 'reflect-metadata';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { LogController } from 'fastify';
import { existsSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import { AppModule } from './app.module';
import { loadConfig, type AppConfig } from './common/config/env.schema';
import { ConfigError } from './common/config/secrets';
import { createValidationPipe } from './common/errors/validation';
import { helmetHeaders, registerSecurityHeaders } from './common/http/security-headers';
import { Metrics } from './common/metrics/metrics';
import { createLogger, NestPinoLogger } from './common/logging/logger';
import { correlationIdFrom } from './common/logging/request-context';
import { FeedIoAdapter } from './modules/feed/feed-io.adapter';
import { answeredByHotRead, PositionsHotRead } from './modules/positions/positions-hot-read';
import { setupOpenApi } from './openapi';

/** JSON bodies larger than this are refused with 413 before they are parsed. */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

export async function createApp(config: AppConfig, logger: Logger): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    // One line per request is written by the onResponse hook below, with its duration.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'correlation_id' }),
    bodyLimit: MAX_JSON_BODY_BYTES,
    genReqId: (req: IncomingMessage) => correlationIdFrom(req.headers['x-correlation-id']),
    // X-Forwarded-For is believed only from these peers; otherwise request.ip is the socket's.
    trustProxy: config.http.trustedProxies.length ? config.http.trustedProxies : false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, logger), adapter, {
    logger: new NestPinoLogger(logger),
    abortOnError: false,
    // No form-body parser: only JSON bodies are accepted (anything else is 415, which also
    // blocks cross-site form posts). Fastify's own JSON parser stays.
    bodyParser: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  // JSON only: any other body type is answered 415 before it is parsed.
  fastify.removeContentTypeParser(['text/plain']);
  // Helmet's headers depend only on these options: computed once, set by one cheap hook.
  const securityHeaders = await helmetHeaders({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'font-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // HSTS only when served over TLS (production sits behind Caddy with HTTPS).
    hsts: config.auth.cookieSecure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  registerSecurityHeaders(fastify, securityHeaders);
  // Swagger UI needs inline styles and its bundled scripts; only its own pages get that leeway.
  fastify.addHook('onSend', (req, reply, payload, done) => {
    if (req.url.startsWith('/api/docs')) {
      void reply.header(
        'content-security-policy',
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'",
      );
    }
    done(null, payload);
  });
  fastify.addHook('onRequest', (req, reply, done) => {
    void reply.header('x-correlation-id', req.id);
    done();
  });
  // The hot read of GET /positions answers here when every check passes at once (see
  // PositionsHotRead); the hooks below it are only for requests that go on to Nest.
  const validationPipe = createValidationPipe();
  app.get(PositionsHotRead).register(fastify, validationPipe);
  await fastify.register(fastifyCookie);
  // Every answer into the latency histogram (by route template), then one log line per request
  // (written through the logger's asynchronous stdout, see createLogger).
  const metrics = app.get(Metrics);
  fastify.addHook('onResponse', (req, reply, done) => {
    metrics.observeHttp(req.method, req.routeOptions.url, reply.statusCode, reply.elapsedTime / 1000);
    const level = reply.statusCode >= 500 ? 'error' : reply.statusCode >= 400 ? 'warn' : 'info';
    // Checked on the root logger first: req.log makes a child logger for each request.
    if (!logger.isLevelEnabled(level)) return done();
    const line = { method: req.method, url: req.url, status: reply.statusCode, duration_ms: Math.round(reply.elapsedTime) };
    req.log[level](answeredByHotRead(req) ? { ...line, hot_read: true } : line, 'request');
    done();
  });

  // Same-origin by default; cross-origin only for the listed origins, never `null` or `*`. With
  // none listed CORS stays off altogether (@fastify/cors with `origin: false` added no header and
  // answered no preflight, but still ran on every request).
  if (config.http.corsOrigins.length) {
    app.enableCors({
      origin: config.http.corsOrigins,
      credentials: true,
      methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['authorization', 'content-type', 'x-api-key', 'x-correlation-id'],
      exposedHeaders: ['x-correlation-id', 'retry-after'],
      maxAge: 600,
    });
  }
  app.setGlobalPrefix('api/v1', { exclude: ['metrics'] });
  app.useGlobalPipes(validationPipe);
  app.useWebSocketAdapter(new FeedIoAdapter(app));
  app.enableShutdownHooks();
  setupOpenApi(app);

  if (existsSync(config.webDistDir)) {
    await fastify.register(fastifyStatic, {
      root: config.webDistDir,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
      setHeaders: (res, path: string) => {
        // Vite fingerprints assets: cache them for ever; index.html must always be revalidated.
        void res.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  } else {
    logger.warn({ web_dist_dir: config.webDistDir }, 'SPA build not found; serving the API only (run npm run build)');
  }
  // The dashboards' plain poll of GET /positions, answered before Fastify when every check passes.
  app.get(PositionsHotRead).installBeforeFastify(fastify.server, securityHeaders, validationPipe, (answer) => {
    metrics.observeHttp('GET', answer.url, answer.status, answer.durationMs / 1000);
    if (logger.isLevelEnabled('info')) {
      logger.info(
        {
          correlation_id: answer.correlationId,
          method: 'GET',
          url: answer.url,
          status: answer.status,
          duration_ms: Math.round(answer.durationMs),
          hot_read: true,
          before_fastify: true,
        },
        'request',
      );
    }
  });
  return app;
}

async function bootstrap(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(
        `${JSON.stringify({ level: 'fatal', event: 'invalid configuration', variable: error.variable, error: error.message })}\n`,
      );
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const app = await createApp(config, logger);
  await app.listen({ port: config.port, host: config.host });
  logger.info(
    {
      url: `http://${config.host}:${config.port}`,
      database: config.database.driver,
      bot_api_url: config.bot.apiUrl,
      environment: config.env,
    },
    'control center listening',
  );
}

if (require.main === module) {
  bootstrap().catch((error: unknown) => {
    process.stderr.write(
      `${JSON.stringify({ level: 'fatal', event: 'failed to start', error: String((error as Error)?.stack ?? error) })}\n`,
    );
    process.exit(1);
  });
}
