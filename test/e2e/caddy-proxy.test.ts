import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Server as SocketIoServer } from 'socket.io';
import { io as ioClient, type Socket as ClientSocket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthReport } from '@dnb/contracts';
import { API_ENTRY, REPO_ROOT } from '../support/api';
import { freePort } from '../support/ports';
import { getJson, spawnProcess, waitFor, type ManagedProcess } from '../support/process';
import { startStack, type RunningStack } from '../support/stack';

/**
 * The repository's Caddyfile, run by the real Caddy binary on loopback (plain HTTP: the
 * site address is http://127.0.0.1:<port>, which turns automatic HTTPS off), in front of
 * 1. the real built API wired to the real simulator, and
 * 2. a small local upstream that echoes the request headers it receives and hosts a
 *    Socket.IO server at /ws/v1/feed, to see what Caddy forwards (X-Real-IP) and to prove
 *    WebSocket upgrades pass through.
 */

const CADDY = process.env.CADDY_BIN ?? '/usr/bin/caddy';
// CADDYFILE_UNDER_TEST: another file to run the same assertions on (e.g. a deliberately broken copy).
const CADDYFILE = process.env.CADDYFILE_UNDER_TEST ?? join(REPO_ROOT, 'Caddyfile');
const WEB_DIST = join(REPO_ROOT, 'apps', 'web', 'dist');
const HAS_SPA = existsSync(join(WEB_DIST, 'index.html'));
const FEED_PATH = '/ws/v1/feed';

interface RunningCaddy {
  url: string;
  process: ManagedProcess;
  stop(): Promise<void>;
}

/** Starts `caddy run` on the repo's Caddyfile with its own temp XDG dirs and a free port. */
async function startCaddy(upstream: string, webRoot: string): Promise<RunningCaddy> {
  const port = await freePort();
  const home = mkdtempSync(join(tmpdir(), 'dnb-caddy-'));
  const url = `http://127.0.0.1:${port}`;
  const proc = spawnProcess({
    name: `caddy:${port}`,
    command: CADDY,
    args: ['run', '--config', CADDYFILE, '--adapter', 'caddyfile'],
    cwd: home,
    env: {
      DASHBOARD_DOMAIN: url,
      ACME_EMAIL: 'e2e@example.invalid',
      API_UPSTREAM: upstream,
      WEB_ROOT: webRoot,
      HOME: home,
      XDG_DATA_HOME: join(home, 'data'),
      XDG_CONFIG_HOME: join(home, 'config'),
    },
  });
  try {
    // Any HTTP answer means Caddy is serving (the upstream may not be ready yet).
    await waitFor(`Caddy on ${url}`, async () => (await getJson(`${url}/caddy-ready`)) !== undefined, { timeoutMs: 20_000, process: proc });
  } catch (error) {
    await proc.stop();
    rmSync(home, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    process: proc,
    async stop() {
      await proc.stop();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

interface EchoUpstream {
  address: string;
  /** Headers of the Socket.IO handshakes the upstream accepted, and their transport. */
  handshakes: { headers: IncomingHttpHeaders; transport: string }[];
  close(): Promise<void>;
}

/** An HTTP upstream that answers every request with what it received, plus Socket.IO. */
async function startEchoUpstream(): Promise<EchoUpstream> {
  const server: Server = createServer((req, res) => {
    // Read the whole body first, as the API does before it answers a POST.
    let bodyBytes = 0;
    req.on('data', (chunk: Buffer) => (bodyBytes += chunk.length));
    req.on('end', () => {
      res.writeHead(200, {
        'content-type': 'application/json',
        // What an upstream might send: the edge must remove or replace these.
        server: 'echo-upstream/1.0',
        'x-powered-by': 'echo',
        'content-security-policy': 'default-src *',
      });
      res.end(JSON.stringify({ method: req.method, url: req.url, headers: req.headers, peer: req.socket.remoteAddress, bodyBytes }));
    });
  });
  const handshakes: EchoUpstream['handshakes'] = [];
  const io = new SocketIoServer(server, { path: FEED_PATH, serveClient: false });
  io.on('connection', (socket) => {
    handshakes.push({ headers: socket.handshake.headers, transport: socket.conn.transport.name });
    socket.on('echo', (message: unknown, ack: (reply: unknown) => void) => {
      ack({ message, transport: socket.conn.transport.name, realIp: socket.handshake.headers['x-real-ip'] });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    handshakes,
    async close() {
      await new Promise<void>((resolve) => {
        void io.close(() => resolve());
      });
    },
  };
}

function connectFeed(baseUrl: string, transports: ('polling' | 'websocket')[]): Promise<ClientSocket> {
  const socket = ioClient(baseUrl, {
    path: FEED_PATH,
    transports,
    reconnection: false,
    timeout: 5000,
    // A client's claim of its own address must not reach the upstream as it is.
    extraHeaders: { 'x-real-ip': '203.0.113.66' },
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};

function expectSecurityHeaders(headers: Headers): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(headers.get(name), name).toBe(value);
  expect(headers.get('referrer-policy')).toBeTruthy();
  const csp = headers.get('content-security-policy') ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('unsafe-inline');
  // Plain HTTP: HSTS must not be sent.
  expect(headers.get('strict-transport-security')).toBeNull();
  expect(headers.get('server')).toBeNull();
  expect(headers.get('x-powered-by')).toBeNull();
}

describe('Caddy (the repository Caddyfile) in front of the real API and simulator', () => {
  let stack: RunningStack;
  let caddy: RunningCaddy;
  let emptyWebRoot: string | undefined;

  beforeAll(async () => {
    if (!existsSync(API_ENTRY)) throw new Error(`${API_ENTRY} is missing: build first (npx tsc -b libs/contracts apps/api apps/bot-sim)`);
    if (!existsSync(CADDY)) throw new Error(`${CADDY} is missing: apt-get install caddy (or set CADDY_BIN)`);
    stack = await startStack();
    emptyWebRoot = HAS_SPA ? undefined : mkdtempSync(join(tmpdir(), 'dnb-web-'));
    caddy = await startCaddy(`127.0.0.1:${stack.api.port}`, emptyWebRoot ?? WEB_DIST);
  });

  afterAll(async () => {
    await caddy?.stop();
    await stack?.stop();
    if (emptyWebRoot) rmSync(emptyWebRoot, { recursive: true, force: true });
  });

  it('proxies GET /api/v1/health to the API and the correlation id round-trips', async () => {
    const id = `caddy-e2e-${Date.now()}`;
    const viaCaddy = await getJson(`${caddy.url}/api/v1/health`, { headers: { 'x-correlation-id': id } });
    expect(viaCaddy?.status).toBe(200);
    expect(viaCaddy!.headers.get('content-type')).toMatch(/^application\/json/);
    expect(viaCaddy!.headers.get('x-correlation-id')).toBe(id);
    const body = viaCaddy!.body as HealthReport;
    expect(['healthy', 'degraded']).toContain(body.status);
    // The same report the API gives directly (same checks, same shape).
    const direct = await getJson(`${stack.apiUrl}/api/v1/health`);
    expect(Object.keys(body.checks).sort()).toEqual(Object.keys((direct!.body as HealthReport).checks).sort());
    expect(Object.keys(body).sort()).toEqual(Object.keys(direct!.body as object).sort());
    await waitFor('the API to log the forwarded correlation id', async () => stack.api.process.output().includes(id), { timeoutMs: 5000 });
  });

  it('sets the security headers on API answers, without HSTS over plain HTTP and without Server', async () => {
    const res = await getJson(`${caddy.url}/api/v1/health/live`);
    expect(res?.status).toBe(200);
    expectSecurityHeaders(res!.headers);
  });

  it('answers unknown API paths with the API’s JSON 404, not the SPA', async () => {
    const res = await getJson(`${caddy.url}/api/v1/no-such-route`);
    expect(res?.status).toBe(404);
    expect(res!.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res!.body).toMatchObject({ statusCode: 404 });
    expectSecurityHeaders(res!.headers);
  });

  it('serves Swagger UI with scripts held to self (inline styles allowed there only)', async () => {
    const res = await fetch(`${caddy.url}/api/docs`, { signal: AbortSignal.timeout(5000) });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('swagger-ui');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self';/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('server')).toBeNull();
  });

  it('does not expose the API’s /metrics through the public entry', async () => {
    const res = await fetch(`${caddy.url}/metrics`, { signal: AbortSignal.timeout(5000) });
    await res.arrayBuffer();
    // Answered by the static site (SPA or 404), never proxied to the API.
    expect(res.headers.get('x-correlation-id')).toBeNull();
  });

  it.skipIf(!HAS_SPA)('serves the SPA: index.html at /, for client routes, and 404 for a missing asset', async () => {
    const index = await fetch(`${caddy.url}/`, { signal: AbortSignal.timeout(5000) });
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const html = await index.text();
    expect(html).toContain('<div id="root">');
    expectSecurityHeaders(index.headers);

    const deepLink = await fetch(`${caddy.url}/positions/abc`, { signal: AbortSignal.timeout(5000) });
    expect(deepLink.status).toBe(200);
    expect(await deepLink.text()).toBe(html);

    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset, 'index.html references a bundled script').toBeTruthy();
    const script = await fetch(`${caddy.url}${asset}`, { signal: AbortSignal.timeout(5000) });
    expect(script.status).toBe(200);
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    await script.arrayBuffer();

    const missing = await fetch(`${caddy.url}/assets/does-not-exist.js`, { signal: AbortSignal.timeout(5000) });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control')).toBe('no-cache');
    await missing.arrayBuffer();
  });

  describe('what the upstream receives (echo upstream behind a second Caddy)', () => {
    let echo: EchoUpstream;
    let edge: RunningCaddy;
    let emptyRoot: string;

    beforeAll(async () => {
      echo = await startEchoUpstream();
      emptyRoot = mkdtempSync(join(tmpdir(), 'dnb-web-'));
      edge = await startCaddy(echo.address, emptyRoot);
    });

    afterAll(async () => {
      await edge?.stop();
      await echo?.close();
      rmSync(emptyRoot, { recursive: true, force: true });
    });

    it('sets X-Real-IP to the peer address and ignores the client’s X-Real-IP / X-Forwarded-For', async () => {
      const res = await getJson(`${edge.url}/api/v1/echo?x=1`, {
        headers: { 'x-real-ip': '203.0.113.66', 'x-forwarded-for': '203.0.113.77', 'x-correlation-id': 'echo-1' },
      });
      expect(res?.status).toBe(200);
      const seen = res!.body as { url: string; headers: IncomingHttpHeaders; peer: string };
      expect(seen.url).toBe('/api/v1/echo?x=1');
      expect(seen.headers['x-real-ip']).toBe('127.0.0.1');
      expect(String(seen.headers['x-forwarded-for'])).not.toContain('203.0.113.77');
      expect(seen.headers['x-forwarded-proto']).toBe('http');
      expect(seen.headers['x-correlation-id']).toBe('echo-1');
      // The upstream's Server / X-Powered-By / weak CSP do not reach the client.
      expectSecurityHeaders(res!.headers);
    });

    it('refuses request bodies over 1 MB before the upstream answers', async () => {
      const small = await fetch(`${edge.url}/api/v1/echo`, {
        method: 'POST',
        body: Buffer.alloc(100_000),
        signal: AbortSignal.timeout(10_000),
      });
      expect(small.status).toBe(200);
      expect(((await small.json()) as { bodyBytes: number }).bodyBytes).toBe(100_000);
      const big = await fetch(`${edge.url}/api/v1/echo`, {
        method: 'POST',
        body: Buffer.alloc(2_000_000),
        signal: AbortSignal.timeout(10_000),
      });
      await big.arrayBuffer();
      // 413 on newer Caddy; 2.6 answers 502 when a Content-Length body passes max_size.
      expect([413, 502]).toContain(big.status);
    });

    it('passes a WebSocket upgrade through to /ws/v1/feed (Socket.IO, websocket transport only)', async () => {
      const socket = await connectFeed(edge.url, ['websocket']);
      try {
        const reply = (await socket.timeout(5000).emitWithAck('echo', { hello: 'through caddy' })) as Record<string, unknown>;
        expect(reply).toEqual({ message: { hello: 'through caddy' }, transport: 'websocket', realIp: '127.0.0.1' });
        const handshake = echo.handshakes.at(-1)!;
        expect(handshake.transport).toBe('websocket');
        expect(String(handshake.headers.upgrade).toLowerCase()).toBe('websocket');
        expect(handshake.headers['x-real-ip']).toBe('127.0.0.1');
      } finally {
        socket.close();
      }
    });

    it('upgrades a Socket.IO session from long-polling to WebSocket through Caddy', async () => {
      const socket = await connectFeed(edge.url, ['polling', 'websocket']);
      try {
        await waitFor('the engine to upgrade to websocket', async () => socket.io.engine.transport.name === 'websocket', {
          timeoutMs: 10_000,
        });
        const reply = (await socket.timeout(5000).emitWithAck('echo', 'after upgrade')) as Record<string, unknown>;
        expect(reply).toMatchObject({ message: 'after upgrade', transport: 'websocket' });
      } finally {
        socket.close();
      }
    });
  });
});
