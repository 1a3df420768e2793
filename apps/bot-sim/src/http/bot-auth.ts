import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Constant-time comparison of two secrets of any length. */
export function safeEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/**
 * FastAPI's HTTPBearer plus the bot's token check, with its exact answers:
 * no header 403 "Not authenticated", another scheme 403 "Invalid authentication
 * credentials", a wrong token 401 "Invalid internal token".
 */
export function bearerGuard(adminKey: string) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const header = request.headers.authorization;
    if (!header) return reply.code(403).send({ detail: 'Not authenticated' });
    const space = header.indexOf(' ');
    const scheme = space < 0 ? header : header.slice(0, space);
    const token = space < 0 ? '' : header.slice(space + 1).trim();
    if (scheme.toLowerCase() !== 'bearer' || token === '') return reply.code(403).send({ detail: 'Invalid authentication credentials' });
    if (!safeEqual(token, adminKey)) return reply.code(401).send({ detail: 'Invalid internal token' });
  };
}
