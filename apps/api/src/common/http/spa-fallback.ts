import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '../config/env.schema';

/** Paths that belong to the API or the socket; never answered with the SPA's HTML. */
const SERVER_PREFIXES = ['/api/', '/ws/', '/metrics'];

/**
 * Deep links of the SPA (/positions/abc) are client routes: an unmatched GET outside the API
 * gets index.html so the router in the browser can take over.
 */
@Injectable()
export class SpaFallback {
  readonly available: boolean;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.available = existsSync(join(config.webDistDir, 'index.html'));
  }

  handles(request: FastifyRequest, exception: unknown): boolean {
    if (!this.available || !(exception instanceof NotFoundException)) return false;
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    const path = request.url.split('?')[0] ?? '/';
    if (path === '/api' || SERVER_PREFIXES.some((prefix) => path.startsWith(prefix))) return false;
    // A missing asset (/assets/x.js) must stay a 404, not become HTML with a 200.
    return !/\.[a-z0-9]+$/i.test(path);
  }

  async serve(reply: FastifyReply): Promise<void> {
    await reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html');
  }
}
