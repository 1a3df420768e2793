import { ASSETS } from '@dnb/contracts';
import type { FastifyInstance } from 'fastify';
import { hourlyRate, ratio } from '../common/decimal';
import { naiveIso, parseBotDateTime } from '../common/naive-time';
import { breakerWire } from '../model/circuit-breakers';
import type { SimRuntime } from '../sim-runtime';
import { safeEqual } from './bot-auth';
import { configPutBody, emergencyStopBody, parseBody } from './request-schemas';

/** The extension tier (x-tier: extension): served only with SIM_TIER=full. */
export function registerExtensionRoutes(app: FastifyInstance, runtime: SimRuntime, adminKey: string): void {
  app.post('/internal/control/emergency-stop', async (request, reply) => {
    const body = parseBody(emergencyStopBody, request.body);
    if (!body.ok) return reply.code(422).send({ detail: body.detail });
    if (!safeEqual(body.value.api_key, adminKey)) return { success: false };
    return { success: true, positions_closing: runtime.engine.emergencyStop(body.value.reason) };
  });

  app.get('/internal/config', async () => runtime.engine.settings.wire);

  app.put('/internal/config', async (request, reply) => {
    const body = parseBody(configPutBody, request.body);
    if (!body.ok) return reply.code(422).send({ detail: body.detail });
    if (!safeEqual(body.value.api_key, adminKey)) return { success: false };
    const result = runtime.engine.updateConfig(body.value.config);
    if (!result.ok) return reply.code(422).send({ detail: result.detail });
    return result.config;
  });

  app.get('/internal/funding-rates', async () => {
    const e = runtime.engine;
    const leverage = e.settings.defaultLeverage;
    return {
      timestamp: naiveIso(e.now),
      rates: ASSETS.map((asset) => ({
        asset,
        hyperliquid_funding_rate: hourlyRate(e.market.fundingRate(asset)),
        asgard_net_rate: ratio(e.market.asgardNetRate(asset, leverage)),
        net_apy: ratio(e.market.netApy(asset, leverage)),
      })),
    };
  });

  app.get<{ Querystring: { since?: string } }>('/internal/circuit-breakers', async (request, reply) => {
    const since = request.query.since;
    const sinceMs = since === undefined ? undefined : parseBotDateTime(since);
    if (since !== undefined && sinceMs === undefined)
      return reply.code(422).send({ detail: 'query.since: Input should be a valid datetime' });
    return { circuit_breakers: runtime.engine.breakers.history(sinceMs).map(breakerWire) };
  });

  app.get('/internal/chains', async () => {
    const m = runtime.engine.market;
    const view = (name: 'solana' | 'arbitrum') => {
      const c = m.chain(name);
      return { connected: c.connected, block_height: c.blockHeight };
    };
    return { solana: view('solana'), arbitrum: view('arbitrum') };
  });
}
