import fastifyHelmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';

export type SecurityHeaders = Readonly<Record<string, string>>;

/**
 * The headers Helmet sets for these options, computed once. @fastify/helmet rebuilds the whole
 * Helmet middleware (and re-parses the CSP directives) on every request, although the headers
 * only depend on the options: that cost ~25% of a cached read. Helmet stays the source of the
 * values: it runs once here, on a throwaway Fastify instance.
 */
export async function helmetHeaders(options: FastifyHelmetOptions): Promise<SecurityHeaders> {
  const probe = Fastify({ logger: false });
  let headers: Record<string, string> = {};
  try {
    await probe.register(fastifyHelmet, options);
    // Helmet writes to the raw response in onRequest; by the time the handler runs they are all there.
    probe.get('/', (_request, reply) => {
      headers = Object.fromEntries(Object.entries(reply.raw.getHeaders()).map(([name, value]) => [name, String(value)]));
      return '';
    });
    const response = await probe.inject({ method: 'GET', url: '/' });
    if (response.statusCode !== 200 || !headers['content-security-policy']) {
      throw new Error(`could not compute the security headers (probe answered ${response.statusCode})`);
    }
  } finally {
    await probe.close();
  }
  return Object.freeze(headers);
}

/** Sets the precomputed security headers on every response (one synchronous hook, no per-request work). */
export function registerSecurityHeaders(fastify: FastifyInstance, headers: SecurityHeaders): void {
  const entries = Object.entries(headers);
  fastify.addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of entries) void reply.header(name, value);
    done();
  });
}
