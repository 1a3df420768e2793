import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../common/config/env.schema';
import { BotCallError, BotHttpClient, MAX_BOT_RESPONSE_BYTES } from './bot-http.client';

// A real HTTP server on loopback standing in for pathological bot answers.
let server: Server;
let client: BotHttpClient;
const seen: Array<Record<string, string | string[] | undefined>> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.headers);
    switch (req.url) {
      case '/ok':
        res.setHeader('content-type', 'application/json');
        res.end('{"value":"0.1"}');
        return;
      case '/garbage':
        res.end('<html>oops');
        return;
      case '/huge-declared':
        res.setHeader('content-length', String(MAX_BOT_RESPONSE_BYTES + 1));
        res.end();
        return;
      case '/huge-chunked': {
        res.setHeader('transfer-encoding', 'chunked');
        const chunk = 'x'.repeat(64 * 1024);
        for (let i = 0; i < 20; i += 1) res.write(chunk);
        res.end();
        return;
      }
      case '/hang':
        return; // never answers
      default:
        res.statusCode = 404;
        res.end('{"detail":"Not Found"}');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  client = new BotHttpClient(loadConfig({ BOT_API_URL: `http://127.0.0.1:${port}`, BOT_ADMIN_KEY: 'the-key' }));
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

async function failure(path: string, timeoutMs = 500): Promise<BotCallError> {
  try {
    await client.request(path, { timeoutMs });
  } catch (error) {
    if (error instanceof BotCallError) return error;
    throw error;
  }
  throw new Error(`${path} succeeded`);
}

describe(BotHttpClient.name, () => {
  it('sends the Bearer key and forwards the correlation id', async () => {
    const response = await client.request('/ok', { timeoutMs: 1000, correlationId: 'corr-42' });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ value: '0.1' });
    const headers = seen.at(-1)!;
    expect(headers.authorization).toBe('Bearer the-key');
    expect(headers['x-correlation-id']).toBe('corr-42');
  });

  it('omits the key for unauthenticated paths', async () => {
    await client.request('/ok', { timeoutMs: 1000, authenticated: false });
    expect(seen.at(-1)!.authorization).toBeUndefined();
  });

  it('keeps error statuses as answers, not failures', async () => {
    const response = await client.request('/missing', { timeoutMs: 1000 });
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ detail: 'Not Found' });
  });

  it('refuses a body that is not JSON', async () => {
    expect((await failure('/garbage')).kind).toBe('invalid_body');
  });

  it('refuses an answer declared larger than the cap without reading it', async () => {
    expect((await failure('/huge-declared')).kind).toBe('too_large');
  });

  it('stops reading a streamed answer once it passes the cap', async () => {
    expect((await failure('/huge-chunked', 5000)).kind).toBe('too_large');
  });

  it('times out a bot that never answers, within the timeout plus a little', async () => {
    const started = performance.now();
    const error = await failure('/hang', 300);
    expect(error.kind).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(300 + 200);
  });

  it('reports a refused connection as unreachable', async () => {
    const closed = new BotHttpClient(loadConfig({ BOT_API_URL: 'http://127.0.0.1:1', BOT_ADMIN_KEY: 'k' }));
    await expect(closed.request('/ok', { timeoutMs: 1000 })).rejects.toMatchObject({ kind: 'unreachable' });
  });
});
