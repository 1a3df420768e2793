import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PositionsResponse } from '@dnb/contracts';
import { Client, createApiKey, expectError, nextIp, type Answer } from '../support/auth';
import { startLiveBridgeStack, type BridgeStack } from '../support/bridge-stack';
import { until } from '../support/until';

// GET /api/v1/positions is answered by a Fastify hook (PositionsHotRead) once every check of the
// Nest pipeline passes without waiting, and the plain poll (no query) even before Fastify;
// everything else goes through the guards and controller. The access log marks hot answers
// (hot_read: true, and before_fastify: true), which is how these tests tell the paths apart.

interface RequestLine {
  correlation_id?: string;
  event?: string;
  status?: number;
  hot_read?: boolean;
  /** The plain poll answered on the server's request event, before Fastify. */
  before_fastify?: boolean;
}

/** Headers whose values legitimately differ from one answer to the next. */
const VARYING = new Set(['date', 'x-correlation-id', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'content-length', 'keep-alive']);

describe('the hot read of GET /api/v1/positions', () => {
  let s: BridgeStack;
  let client: Client;

  beforeAll(async () => {
    // Clock stopped: the figures hold still, so two answers compare byte for byte (freshness apart).
    s = await startLiveBridgeStack({ sim: { tickMs: 0, initialPositions: 3, incidents: false, seed: 'hot-read' } });
    client = new Client(s.stack.apiUrl);
  });
  afterAll(async () => s?.stack.stop());

  /** The access-log line of one request, found by the correlation id it was sent with. */
  async function requestLine(correlationId: string): Promise<RequestLine> {
    return until(`access log line of ${correlationId}`, () => {
      for (const text of s.stack.api.process.output().split('\n')) {
        if (!text.includes(correlationId)) continue;
        const line = JSON.parse(text) as RequestLine;
        if (line.event === 'request' && line.correlation_id === correlationId) return line;
      }
      return undefined;
    });
  }

  function read(path: string, options: { token?: string; apiKey?: string } = { token: s.token }): Promise<Answer & { id: string }> {
    const id = `hot-${randomUUID()}`;
    return client
      .call(path.startsWith('/') ? 'GET' : path, path, { ...options, headers: { 'x-correlation-id': id } })
      .then((res) => ({ ...res, id }));
  }

  function withoutFreshness(body: PositionsResponse): Omit<PositionsResponse, 'freshness'> {
    const { freshness, ...rest } = body;
    expect(freshness.source).toBe('live');
    return rest;
  }

  /** The same status, header names and values (those that do not vary per answer) and body. */
  function expectSameAnswer(answer: Answer, reference: Answer): void {
    expect(answer.status).toBe(reference.status);
    const names = (res: Answer) => Object.keys(res.headers).sort();
    expect(names(answer)).toEqual(names(reference));
    for (const [name, value] of Object.entries(reference.headers))
      if (!VARYING.has(name)) expect([name, answer.headers[name]]).toEqual([name, value]);
    expect(withoutFreshness(answer.body as PositionsResponse)).toStrictEqual(withoutFreshness(reference.body as PositionsResponse));
    // Same serialisation: the hot body is the pipeline's JSON text, freshness last.
    expect(answer.text.replace(/"freshness":.*$/, '')).toBe(reference.text.replace(/"freshness":.*$/, ''));
  }

  it('answers a repeated read itself, with the same status, headers and body as the Nest pipeline', async () => {
    const path = '/api/v1/positions?sort=deployed_usd:desc';
    const first = await read(path);
    const second = await read(path);
    // The first sight of this query string is validated by the pipeline; the repeat is hot.
    expect((await requestLine(first.id)).hot_read).toBeUndefined();
    expect(await requestLine(second.id)).toMatchObject({ status: 200, hot_read: true });

    expectSameAnswer(second, first);
    expect(second.headers['x-correlation-id']).toBe(second.id);
    expect(second.headers['cache-control']).toBe('no-store');
    expect(second.headers['content-security-policy']).toContain("default-src 'self'");
    expect(Number(second.headers['x-ratelimit-remaining'])).toBeLessThan(Number(first.headers['x-ratelimit-remaining']));
  });

  it('answers the plain poll before Fastify, with the same status, headers and body as the Fastify path', async () => {
    // An Origin header keeps the request out of the early path (CORS belongs to Fastify's hooks).
    const viaFastify = async () => {
      const id = `hot-${randomUUID()}`;
      const res = await client.call('GET', '/api/v1/positions', {
        token: s.token,
        headers: { 'x-correlation-id': id, origin: s.stack.apiUrl },
      });
      return { ...res, id };
    };
    await viaFastify();
    const fastify = await viaFastify();
    const early = await read('/api/v1/positions');
    expect(await requestLine(early.id)).toMatchObject({ status: 200, hot_read: true, before_fastify: true });
    expect((await requestLine(fastify.id)).before_fastify).toBeUndefined();

    expectSameAnswer(early, fastify);
    expect(early.headers['x-correlation-id']).toBe(early.id);
    expect(Number(early.headers['x-ratelimit-remaining'])).toBe(Number(fastify.headers['x-ratelimit-remaining']) - 1);
  });

  it('leaves API keys, refused tokens and invalid queries to the guards and pipes', async () => {
    const key = await createApiKey(client, s.token, { role: 'viewer' });
    for (let i = 0; i < 2; i++) {
      const res = await read('/api/v1/positions', { apiKey: key.key });
      expect(res.status).toBe(200);
      expect((await requestLine(res.id)).hot_read).toBeUndefined();
    }
    for (let i = 0; i < 2; i++) {
      const bad = await read('/api/v1/positions?sort=nonsense');
      expect(expectError(bad, 400, 'VALIDATION_FAILED').errors?.map((e) => e.field)).toContain('sort');
      expect((await requestLine(bad.id)).hot_read).toBeUndefined();
    }
    const forged = await read('/api/v1/positions', { token: `${s.token.slice(0, -4)}AAAA` });
    expectError(forged, 401, 'UNAUTHENTICATED');
  });

  it('refuses a logged-out session at once, although its reads were answered hot', async () => {
    const login = await client.call<{ access_token: string }>('POST', '/api/v1/auth/login', {
      body: { username: 'admin', password: s.password },
      headers: { 'x-forwarded-for': nextIp() },
    });
    expect(login.status).toBe(200);
    const token = login.body.access_token;
    await until('a hot answer for the new session', async () => {
      const res = await read('/api/v1/positions', { token });
      return (await requestLine(res.id)).hot_read ? true : undefined;
    });
    expect((await client.call('POST', '/api/v1/auth/logout', { token })).status).toBe(204);
    const after = await read('/api/v1/positions', { token });
    expectError(after, 401, 'UNAUTHENTICATED');
    expect((await requestLine(after.id)).hot_read).toBeUndefined();
  });

  it('stands aside while the bot restarts: the pipeline answers with the state and a note', async () => {
    await s.stack.sim.control.restart({ startingMs: 800, recoveringMs: 1500 });
    const during = await until('the restart seen by the API', async () => {
      const res = await read('/api/v1/positions');
      const body = res.body as PositionsResponse;
      return res.status === 200 && body.complete === false ? res : undefined;
    });
    expect((during.body as PositionsResponse).note).toBeTruthy();
    expect((await requestLine(during.id)).hot_read).toBeUndefined();
    await until('the bot running again', async () => {
      const res = await read('/api/v1/positions');
      return res.status === 200 && (res.body as PositionsResponse).complete ? true : undefined;
    });
  });

  it('counts every hot answer against the rate limit: past the role limit the pipeline answers 429', async () => {
    // The admin's limit is 500 a minute (multiplier 1); earlier tests used some of it.
    const first = await read('/api/v1/positions');
    const remaining = Number(first.headers['x-ratelimit-remaining']);
    expect(remaining).toBeGreaterThan(0);
    let hot = 0;
    for (let i = 0; i < remaining; i++) {
      const res = await read('/api/v1/positions');
      expect(res.status).toBe(200);
      if (i === remaining - 1) hot = (await requestLine(res.id)).hot_read ? 1 : 0;
    }
    expect(hot).toBe(1);
    const over = await read('/api/v1/positions');
    expectError(over, 429, 'RATE_LIMITED');
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
  });
});
