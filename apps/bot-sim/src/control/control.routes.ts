import type { FastifyInstance, FastifyReply } from 'fastify';
import type { z } from 'zod';
import { dec } from '../common/decimal';
import type { SimRuntime } from '../sim-runtime';
import * as s from './control-schemas';
import type { ChainName, FaultSpec } from './control.types';

type Parsed<T> = { ok: true; value: T } | { ok: false };

function parse<T>(schema: z.ZodType<T>, input: unknown, reply: FastifyReply): Parsed<T> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0]!;
  void reply.code(400).send({ error: `${issue.path.join('.') || 'body'}: ${issue.message}` });
  return { ok: false };
}

const chainsOf = (chain: ChainName | 'both' | undefined): ChainName[] =>
  chain === 'solana' || chain === 'arbitrum' ? [chain] : ['solana', 'arbitrum'];

/** Scenario and fault switches. Each answers what it changed; GET /state shows the whole model. */
export function registerControlRoutes(app: FastifyInstance, runtime: SimRuntime): void {
  const engine = () => runtime.engine;

  app.get('/state', async () => runtime.stateView());

  app.post('/reset', async (request, reply) => {
    const body = parse(s.resetSchema, request.body, reply);
    if (!body.ok) return reply;
    await runtime.reset(body.value.seed, body.value.initialPositions);
    return runtime.stateView();
  });

  // ---- clock
  app.post('/clock/advance', async (request, reply) => {
    const body = parse(s.advanceSchema, request.body, reply);
    if (!body.ok) return reply;
    runtime.advance(body.value.seconds);
    return runtime.stateView().clock;
  });

  app.put('/clock', async (request, reply) => {
    const body = parse(s.clockSchema, request.body, reply);
    if (!body.ok) return reply;
    if (body.value.paused !== undefined) runtime.clockPaused = body.value.paused;
    if (body.value.speed !== undefined) runtime.speed = body.value.speed;
    return runtime.stateView().clock;
  });

  // ---- risk scenarios
  app.post('/scenarios/health-factor', async (request, reply) => {
    const body = parse(s.forceValueSchema, request.body, reply);
    if (!body.ok) return reply;
    const ids = engine().forceHealthFactor(dec(body.value.value), body.value.positionId);
    if (body.value.positionId && ids.length === 0) return reply.code(404).send({ error: `no position ${body.value.positionId}` });
    return { positionIds: ids, value: body.value.value };
  });

  app.post('/scenarios/margin-fraction', async (request, reply) => {
    const body = parse(s.forceValueSchema, request.body, reply);
    if (!body.ok) return reply;
    const ids = engine().forceMarginFraction(dec(body.value.value), body.value.positionId);
    if (body.value.positionId && ids.length === 0) return reply.code(404).send({ error: `no position ${body.value.positionId}` });
    return { positionIds: ids, value: body.value.value };
  });

  app.post('/scenarios/funding', async (request, reply) => {
    const body = parse(s.fundingSchema, request.body, reply);
    if (!body.ok) return reply;
    return { rates: engine().setFunding(body.value.asset, body.value.rate ? dec(body.value.rate) : undefined) };
  });

  app.post('/scenarios/breakers', async (request, reply) => {
    const body = parse(s.breakerTripSchema, request.body, reply);
    if (!body.ok) return reply;
    const { type, ...options } = body.value;
    const event = engine().tripBreaker(type, options);
    if (!event) return reply.code(409).send({ error: `${type} is already active` });
    return { breaker: runtime.stateView().breakers.active.find((b) => b.breaker_type === type) };
  });

  app.delete('/scenarios/breakers', async (request, reply) => {
    const query = parse(s.breakerTypeQuery, request.query, reply);
    if (!query.ok) return reply;
    return {
      reset: engine()
        .resetBreakers(query.value.type)
        .map((e) => e.type),
    };
  });

  // ---- market scenarios
  app.post('/scenarios/lst-depeg', async (request, reply) => {
    const body = parse(s.lstDepegSchema, request.body, reply);
    if (!body.ok) return reply;
    engine().market.setLstPremium(body.value.asset, dec(body.value.premium));
    engine().afterScenario();
    return { asset: body.value.asset, premium: body.value.premium, price: engine().market.spot(body.value.asset).toFixed(6) };
  });

  app.delete('/scenarios/lst-depeg', async (request, reply) => {
    const query = parse(s.lstQuery, request.query, reply);
    if (!query.ok) return reply;
    const assets = query.value.asset ? [query.value.asset] : (['jitoSOL', 'jupSOL', 'INF'] as const);
    for (const asset of assets) engine().market.setLstPremium(asset, null);
    engine().afterScenario();
    return { released: assets };
  });

  app.post('/scenarios/chain-outage', async (request, reply) => {
    const body = parse(s.chainSchema, request.body, reply);
    if (!body.ok) return reply;
    const chains = chainsOf(body.value.chain);
    for (const chain of chains) engine().market.setChain(chain, false);
    engine().afterScenario();
    return { down: chains };
  });

  app.delete('/scenarios/chain-outage', async (request, reply) => {
    const query = parse(s.chainQuery, request.query, reply);
    if (!query.ok) return reply;
    const chains = chainsOf(query.value.chain);
    for (const chain of chains) engine().market.setChain(chain, true);
    engine().afterScenario();
    return { up: chains };
  });

  app.post('/scenarios/gas', async (request, reply) => {
    const body = parse(s.gasSchema, request.body, reply);
    if (!body.ok) return reply;
    engine().market.setGas(dec(body.value.sol));
    engine().afterScenario();
    return { gasSol: engine().market.gasSol().toFixed(9) };
  });

  app.post('/scenarios/price', async (request, reply) => {
    const body = parse(s.priceSchema, request.body, reply);
    if (!body.ok) return reply;
    const { asset, price, venue = 'asgard' } = body.value;
    engine().market.setPrice(asset, dec(price), venue);
    engine().afterScenario();
    return { market: engine().market.snapshot() };
  });

  // ---- positions
  app.post('/positions', async (request, reply) => {
    const body = parse(s.openSchema, request.body, reply);
    if (!body.ok) return reply;
    const { asset, deployedUsd, leverage } = body.value;
    if (leverage !== undefined && (dec(leverage).lessThan(1) || dec(leverage).greaterThan(10)))
      return reply.code(400).send({ error: 'leverage: must be between 1 and 10' });
    if (deployedUsd !== undefined && !dec(deployedUsd).isPositive())
      return reply.code(400).send({ error: 'deployedUsd: must be positive' });
    const p = engine().forceOpen(asset, deployedUsd ? dec(deployedUsd) : undefined, leverage ? dec(leverage) : undefined);
    return { position: engine().summary(p) };
  });

  app.post<{ Params: { id: string } }>('/positions/:id/close', async (request, reply) => {
    const body = parse(s.closeSchema, request.body, reply);
    if (!body.ok) return reply;
    const reason = body.value.reason ?? 'manual_close';
    if (!engine().forceClose(request.params.id, reason, (body.value.closingSeconds ?? 0) * 1000)) {
      return reply.code(404).send({ error: `no position ${request.params.id}` });
    }
    return { positionId: request.params.id, reason };
  });

  // ---- faults
  app.get('/faults', async () => runtime.faults.list());

  app.post('/faults', async (request, reply) => {
    const body = parse(s.faultSchema, request.body, reply);
    if (!body.ok) return reply;
    return runtime.addFault(body.value as FaultSpec);
  });

  app.delete('/faults', async () => ({ cleared: (await runtime.clearFaults()).map((f) => f.id) }));

  app.delete<{ Params: { id: string } }>('/faults/:id', async (request, reply) => {
    const fault = await runtime.removeFault(request.params.id);
    if (!fault) return reply.code(404).send({ error: `no fault ${request.params.id}` });
    return { cleared: [fault.id] };
  });
}
