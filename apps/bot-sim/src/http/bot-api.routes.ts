import type { FastifyInstance } from 'fastify';
import type { SimRuntime } from '../sim-runtime';
import { safeEqual } from './bot-auth';
import { parseBody, pauseBody, resumeBody } from './request-schemas';

/** The core tier: what the production bot serves today. Routes are thin; the engine decides. */
export function registerCoreRoutes(app: FastifyInstance, runtime: SimRuntime, adminKey: string): void {
  app.get('/internal/stats', async () => runtime.engine.stats.view(runtime.engine.now));

  app.get('/internal/positions', async () => {
    const e = runtime.engine;
    return Object.fromEntries(e.visiblePositions().map((p) => [p.id, e.summary(p)]));
  });

  app.get<{ Params: { position_id: string } }>('/internal/positions/:position_id', async (request, reply) => {
    const e = runtime.engine;
    const p = e.book.get(request.params.position_id);
    if (!p || !e.isVisible(p.id)) return reply.code(404).send({ detail: 'Position not found' });
    return e.detail(p);
  });

  app.get('/internal/pause-state', async () => runtime.engine.pauseState());

  app.post('/internal/control/pause', async (request, reply) => {
    const body = parseBody(pauseBody, request.body);
    if (!body.ok) return reply.code(422).send({ detail: body.detail });
    if (!safeEqual(body.value.api_key, adminKey)) return { success: false };
    runtime.engine.pauseBot(body.value.scope ?? 'all', body.value.reason);
    return { success: true };
  });

  app.post('/internal/control/resume', async (request, reply) => {
    const body = parseBody(resumeBody, request.body);
    if (!body.ok) return reply.code(422).send({ detail: body.detail });
    if (!safeEqual(body.value.api_key, adminKey)) return { success: false };
    runtime.engine.resumeBot();
    return { success: true };
  });
}
