import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../common/config/env.schema';
import { BotHealthProbe } from './bot-health.probe';
import { BotHttpClient } from './bot-http.client';

interface FakeBot {
  health: { status: number; body: unknown; delayMs?: number };
  pauseState: number;
  hits: string[];
}

let server: Server | undefined;
afterEach(() => {
  server?.closeAllConnections();
  server?.close();
  server = undefined;
});

// A real HTTP server on loopback answering like the bot would in each situation.
async function probeAgainst(bot: FakeBot, healthCacheMs = 1000): Promise<BotHealthProbe> {
  server = createServer((req, res) => {
    bot.hits.push(req.url ?? '');
    res.setHeader('content-type', 'application/json');
    if (req.url === '/health') {
      res.statusCode = bot.health.status;
      setTimeout(() => res.end(JSON.stringify(bot.health.body)), bot.health.delayMs ?? 0);
      return;
    }
    res.statusCode = bot.pauseState;
    res.end(bot.pauseState === 200 ? '{"paused":false,"scope":"all","active_breakers":[]}' : '{"detail":"Invalid internal token"}');
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  const config = loadConfig({ BOT_API_URL: `http://127.0.0.1:${port}`, BOT_ADMIN_KEY: 'k', BOT_HEALTH_CACHE_MS: String(healthCacheMs) });
  return new BotHealthProbe(new BotHttpClient(config), config);
}

const running = { status: 200, body: { status: 'healthy', state: 'running' } };

describe(BotHealthProbe.name, () => {
  it('calls a running bot whose key is accepted healthy', async () => {
    const probe = await probeAgainst({ health: running, pauseState: 200, hits: [] });
    expect(await probe.check()).toMatchObject({ status: 'healthy', state: 'running' });
  });

  it('calls a starting bot degraded, not healthy and not down', async () => {
    const probe = await probeAgainst({ health: { status: 200, body: { status: 'starting' } }, pauseState: 503, hits: [] });
    expect(await probe.check()).toMatchObject({ status: 'degraded', state: 'starting' });
  });

  it('calls a recovering bot degraded with its state', async () => {
    const probe = await probeAgainst({
      health: { status: 200, body: { status: 'healthy', state: 'recovering' } },
      pauseState: 200,
      hits: [],
    });
    expect(await probe.check()).toMatchObject({ status: 'degraded', state: 'recovering' });
  });

  it('says when the bot rejects the admin key', async () => {
    const probe = await probeAgainst({ health: running, pauseState: 401, hits: [] });
    const result = await probe.check();
    expect(result.status).toBe('degraded');
    expect(result.error).toContain('401');
  });

  it('calls an answer that breaks the contract unhealthy', async () => {
    const probe = await probeAgainst({ health: { status: 200, body: { status: 'healthy', state: 'dancing' } }, pauseState: 200, hits: [] });
    expect(await probe.check()).toMatchObject({ status: 'unhealthy', state: 'unavailable' });
  });

  it('shares one probe between concurrent callers and caches it briefly', async () => {
    const bot: FakeBot = { health: { ...running, delayMs: 50 }, pauseState: 200, hits: [] };
    const probe = await probeAgainst(bot);
    const results = await Promise.all(Array.from({ length: 20 }, () => probe.check()));
    expect(new Set(results).size).toBe(1);
    await probe.check();
    expect(bot.hits.filter((h) => h === '/health')).toHaveLength(1);
  });

  it('probes again once the cache has expired', async () => {
    const bot: FakeBot = { health: running, pauseState: 200, hits: [] };
    const probe = await probeAgainst(bot, 20);
    await probe.check();
    await new Promise((r) => setTimeout(r, 40));
    await probe.check();
    expect(bot.hits.filter((h) => h === '/health')).toHaveLength(2);
  });
});
