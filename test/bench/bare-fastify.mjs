// The baseline for bench:api: a bare Fastify server answering the API's JSON, nothing else.
import Fastify from 'fastify';

const body = process.env.BARE_BODY ?? '{}';
const app = Fastify({ logger: false });
app.get('/api/v1/positions', (_req, reply) => reply.type('application/json; charset=utf-8').send(body));
await app.listen({ port: Number(process.env.BARE_PORT), host: '127.0.0.1' });
