import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import Decimal from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BOT_CONTRACT_PATH } from '@dnb/contracts/bot-contract';
import { startSim, type RunningSim } from '../support/sim';

// ---- the machine-readable contract -----------------------------------------------------

type Schema = Record<string, unknown>;
interface Operation {
  'x-tier': 'core' | 'extension';
  responses: Record<string, Schema>;
}
const doc = parse(readFileSync(BOT_CONTRACT_PATH, 'utf8')) as { paths: Record<string, Record<string, Operation>> };
const OPERATIONS = Object.entries(doc.paths).flatMap(([path, ops]) =>
  Object.entries(ops).map(([method, op]) => ({
    method: method.toUpperCase(),
    path,
    tier: op['x-tier'],
    statuses: Object.keys(op.responses),
  })),
);
const DEC_REF = '#/components/schemas/Dec';
const NAIVE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?$/;

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
// The contract says datetimes may be naive (meaning UTC); RFC 3339 date-time would refuse them.
ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/i);
ajv.addSchema(doc, 'bot-contract.json');

const pointer = (...parts: string[]) => parts.map((p) => encodeURIComponent(p.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/');

function resolveRef(ref: string): Schema {
  return ref
    .slice(2)
    .split('/')
    .reduce<Schema>((node, part) => node[part.replace(/~1/g, '/').replace(/~0/g, '~')] as Schema, doc as unknown as Schema);
}

/** The JSON schema the contract declares for a response, as an ajv $ref; undefined when none. */
function responseSchemaRef(method: string, path: string, status: number): string | undefined {
  const response = doc.paths[path]?.[method.toLowerCase()]?.responses[String(status)];
  if (!response) return undefined;
  const base =
    typeof response.$ref === 'string'
      ? (response.$ref as string).slice(2).split('/')
      : ['paths', path, method.toLowerCase(), 'responses', String(status)];
  return `bot-contract.json#/${pointer(...base, 'content', 'application/json', 'schema')}`;
}

const ERROR_REF = `bot-contract.json#/${pointer('components', 'responses', 'Error', 'content', 'application/json', 'schema')}`;
const SUCCESS_REF = 'bot-contract.json#/components/schemas/Success';
const validators = new Map<string, ReturnType<typeof ajv.compile>>();
function validator(ref: string) {
  let v = validators.get(ref);
  if (!v) {
    v = ajv.compile({ $ref: ref });
    validators.set(ref, v);
  }
  return v;
}

/** Collects every value the schema types as Dec or as a date-time, following $ref and allOf. */
function collect(
  schema: Schema | undefined,
  value: unknown,
  at: string,
  out: { decs: [string, unknown][]; dates: [string, unknown][] },
): void {
  if (!schema || value === undefined) return;
  if (schema.$ref === DEC_REF) {
    out.decs.push([at, value]);
    return;
  }
  if (typeof schema.$ref === 'string') return collect(resolveRef(schema.$ref), value, at, out);
  for (const part of (schema.allOf as Schema[] | undefined) ?? []) collect(part, value, at, out);
  if (schema.format === 'date-time' && value !== null) out.dates.push([at, value]);
  if (typeof value !== 'object' || value === null) return;
  const props = (schema.properties as Record<string, Schema> | undefined) ?? {};
  const record = value as Record<string, unknown>;
  for (const [key, sub] of Object.entries(props)) collect(sub, record[key], `${at}.${key}`, out);
  const extra = schema.additionalProperties;
  if (extra && typeof extra === 'object')
    for (const key of Object.keys(record).filter((k) => !(k in props))) collect(extra as Schema, record[key], `${at}.${key}`, out);
  if (schema.items && Array.isArray(value)) value.forEach((item, i) => collect(schema.items as Schema, item, `${at}[${i}]`, out));
}

// ---- calling the simulator and checking every answer ------------------------------------

const exercised = new Set<string>();
const wire = { decs: [] as [string, unknown][], dates: [] as [string, unknown][] };

interface Answer {
  status: number;
  body: unknown;
  headers: Headers;
}

async function call(
  sim: RunningSim,
  method: string,
  path: string,
  init: { auth?: boolean | string; body?: unknown } = {},
): Promise<Answer> {
  const auth = init.auth ?? true;
  const headers: Record<string, string> = {};
  if (auth) headers.authorization = `Bearer ${auth === true ? sim.adminKey : auth}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${sim.url}${path}`, {
    method,
    headers,
    body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
    signal: AbortSignal.timeout(5000),
  });
  const text = await res.text();
  expect(res.headers.get('content-type'), `${method} ${path} content-type`).toMatch(/^application\/json/);
  return { status: res.status, body: JSON.parse(text) as unknown, headers: res.headers };
}

/**
 * Calls the bot, expects the status, validates the body against what the contract
 * declares for it (errors against the Error shape), collects Dec and datetime fields,
 * and records the operation as exercised.
 */
async function check(
  sim: RunningSim,
  tier: 'full' | 'core',
  method: string,
  template: string,
  status: number,
  init: { path?: string; auth?: boolean | string; body?: unknown; schema?: string } = {},
): Promise<Record<string, unknown>> {
  const answer = await call(sim, method, init.path ?? template, init);
  expect(answer.status, `${method} ${init.path ?? template}: ${JSON.stringify(answer.body).slice(0, 300)}`).toBe(status);
  const ref = init.schema ?? responseSchemaRef(method, template, status) ?? (status >= 400 ? ERROR_REF : undefined);
  expect(ref, `the contract declares no schema for ${method} ${template} ${status}`).toBeDefined();
  const validate = validator(ref!);
  expect(validate(answer.body), `${method} ${template} ${status}: ${ajv.errorsText(validate.errors)}`).toBe(true);
  if (status >= 400) expect(Object.keys(answer.body as object)).toEqual(['detail']);
  const schema = init.schema
    ? undefined
    : ref === ERROR_REF
      ? undefined
      : resolveRef(`#${decodeURIComponent(ref!.slice('bot-contract.json#'.length))}`);
  collect(schema, answer.body, `${method} ${template}`, wire);
  exercised.add(`${tier} ${method} ${template} ${status}`);
  return answer.body as Record<string, unknown>;
}

/** A body each control path accepts, so a status other than 200 comes from the bot, not the body. */
function validBody(sim: RunningSim, method: string, path: string): unknown {
  if (method === 'GET') return undefined;
  if (path === '/internal/config') return { api_key: sim.adminKey, config: { bot: { scan_interval_seconds: 60 } } };
  return { api_key: sim.adminKey, reason: 'conformance: probe', scope: 'entry' };
}
const concrete = (path: string, id = 'pos_20250204000001') => path.replace('{position_id}', id);

// ---- the suites ---------------------------------------------------------------------------

describe('bot simulator, full tier, against the bot contract', () => {
  let sim: RunningSim;
  beforeAll(async () => {
    sim = await startSim({ seed: 'conformance', startTime: '2025-02-04T00:00:00', tickMs: 0, initialPositions: 3, incidents: false });
  });
  afterAll(async () => sim?.stop());

  it('answers /health "starting" and every /internal path 503 Bot not initialized before the bot object exists', async () => {
    await sim.control.restart({ startingMs: 60_000 });
    expect(await check(sim, 'full', 'GET', '/health', 200)).toEqual({ status: 'starting' });
    for (const op of OPERATIONS.filter((o) => o.path.startsWith('/internal'))) {
      const body = await check(sim, 'full', op.method, op.path, 503, { path: concrete(op.path), body: validBody(sim, op.method, op.path) });
      expect(body).toEqual({ detail: 'Bot not initialized' });
    }
    await sim.control.clearFaults();
    expect(await check(sim, 'full', 'GET', '/health', 200)).toEqual({ status: 'healthy', state: 'running' });
  });

  it('refuses a missing bearer token with 403 and a wrong one with 401 on every /internal path', async () => {
    for (const op of OPERATIONS.filter((o) => o.path.startsWith('/internal'))) {
      const init = { path: concrete(op.path), body: validBody(sim, op.method, op.path) };
      expect(await check(sim, 'full', op.method, op.path, 403, { ...init, auth: false })).toEqual({ detail: 'Not authenticated' });
      expect(await check(sim, 'full', op.method, op.path, 401, { ...init, auth: 'not-the-key' })).toEqual({
        detail: 'Invalid internal token',
      });
    }
    expect((await call(sim, 'GET', '/internal/stats', { auth: false })).status).toBe(403);
  });

  it('serves stats, the positions map and each position detail in the contract shapes', async () => {
    await sim.control.advance(2 * 3600);
    const stats = await check(sim, 'full', 'GET', '/internal/stats', 200);
    expect(stats.uptime_formatted).toMatch(/^\d{2,}:\d{2}:\d{2}$/);
    const positions = await check(sim, 'full', 'GET', '/internal/positions', 200);
    const ids = Object.keys(positions);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    for (const id of ids) {
      expect(id).toMatch(/^pos_\d{14}$/);
      const detail = await check(sim, 'full', 'GET', '/internal/positions/{position_id}', 200, {
        path: concrete('/internal/positions/{position_id}', id),
      });
      expect(detail.position_id).toBe(id);
      expect(new Decimal(detail.total_pnl_usd as string).equals(new Decimal((detail.pnl as { total_pnl: string }).total_pnl))).toBe(true);
    }
    expect(
      await check(sim, 'full', 'GET', '/internal/positions/{position_id}', 404, { path: '/internal/positions/pos_19990101000001' }),
    ).toEqual({
      detail: 'Position not found',
    });
  });

  it('pauses and resumes with the admin key, and answers {"success": false} to a wrong api_key', async () => {
    const pause = '/internal/control/pause';
    const resume = '/internal/control/resume';
    expect(await check(sim, 'full', 'POST', pause, 200, { body: { api_key: 'wrong', reason: 'mallory: nope', scope: 'all' } })).toEqual({
      success: false,
    });
    expect((await check(sim, 'full', 'GET', '/internal/pause-state', 200)).paused).toBe(false);
    expect(
      await check(sim, 'full', 'POST', pause, 200, { body: { api_key: sim.adminKey, reason: 'alice: maintenance', scope: 'entry' } }),
    ).toEqual({ success: true });
    expect(await check(sim, 'full', 'GET', '/internal/pause-state', 200)).toMatchObject({
      paused: true,
      scope: 'entry',
      reason: 'alice: maintenance',
      paused_by: 'alice',
    });
    expect(await check(sim, 'full', 'POST', resume, 200, { body: { api_key: 'wrong' } })).toEqual({ success: false });
    expect((await check(sim, 'full', 'GET', '/internal/pause-state', 200)).paused).toBe(true);
    expect(await check(sim, 'full', 'POST', resume, 200, { body: { api_key: sim.adminKey } })).toEqual({ success: true });
    expect((await check(sim, 'full', 'GET', '/internal/pause-state', 200)).paused).toBe(false);
  });

  it('answers 422 with a detail string to malformed control bodies', async () => {
    const cases: [string, string, unknown][] = [
      ['POST', '/internal/control/pause', { api_key: sim.adminKey }],
      ['POST', '/internal/control/pause', { api_key: sim.adminKey, reason: 'x', scope: 'everything' }],
      ['POST', '/internal/control/pause', '{"api_key": '],
      ['POST', '/internal/control/resume', {}],
      ['POST', '/internal/control/emergency-stop', { api_key: sim.adminKey }],
      ['PUT', '/internal/config', { api_key: sim.adminKey }],
    ];
    for (const [method, path, body] of cases) {
      const answer = await check(sim, 'full', method, path, 422, { body });
      expect(typeof answer.detail).toBe('string');
    }
  });

  it('serves the config and validates a PUT: 200 with the new config, 422 for default_leverage above max_leverage', async () => {
    const config = await check(sim, 'full', 'GET', '/internal/config', 200);
    expect(config).toMatchObject({ bot: { max_concurrent_positions: 5 }, risk: { max_leverage: '4.0', default_leverage: '3.0' } });
    const updated = await check(sim, 'full', 'PUT', '/internal/config', 200, {
      body: { api_key: sim.adminKey, config: { bot: { max_concurrent_positions: 4 }, risk: { default_leverage: '3.5' } } },
    });
    expect(updated).toMatchObject({ bot: { max_concurrent_positions: 4 }, risk: { default_leverage: '3.5', max_leverage: '4.0' } });
    const refused = await check(sim, 'full', 'PUT', '/internal/config', 422, {
      body: { api_key: sim.adminKey, config: { risk: { default_leverage: '5.0' } } },
    });
    expect(refused.detail).toMatch(/default_leverage.*max_leverage/);
    const wrongKey = await check(sim, 'full', 'PUT', '/internal/config', 200, {
      body: { api_key: 'wrong', config: { bot: { max_concurrent_positions: 1 } } },
      schema: SUCCESS_REF,
    });
    expect(wrongKey).toEqual({ success: false });
    expect((await check(sim, 'full', 'GET', '/internal/config', 200)).bot).toMatchObject({ max_concurrent_positions: 4 });
  });

  it('serves funding rates stamped with the bot clock as naive UTC', async () => {
    const rates = await check(sim, 'full', 'GET', '/internal/funding-rates', 200);
    const state = await sim.control.state();
    expect(rates.timestamp).toBe(state.clock.now);
    expect(Date.parse(`${rates.timestamp as string}Z`)).toBe(state.clock.nowMs);
    expect((rates.rates as { asset: string }[]).map((r) => r.asset)).toEqual(['SOL', 'jitoSOL', 'jupSOL', 'INF']);
  });

  it('lists circuit breakers newest first and filters them by since', async () => {
    await sim.control.tripBreaker({ type: 'manual', reason: 'conformance drill' });
    await sim.control.advance(60);
    await sim.control.tripBreaker({ type: 'price_deviation' });
    const all = await check(sim, 'full', 'GET', '/internal/circuit-breakers', 200);
    const events = all.circuit_breakers as { breaker_type: string; triggered_at: string }[];
    expect(events.map((e) => e.breaker_type)).toEqual(['price_deviation', 'manual']);
    const since = events[0]!.triggered_at;
    const recent = await check(sim, 'full', 'GET', '/internal/circuit-breakers', 200, {
      path: `/internal/circuit-breakers?since=${since}`,
    });
    expect((recent.circuit_breakers as unknown[]).length).toBe(1);
    expect(await check(sim, 'full', 'GET', '/internal/pause-state', 200)).toMatchObject({
      paused: true,
      active_breakers: ['manual', 'price_deviation'],
    });
    await sim.control.resetBreakers();
    const resolved = (await check(sim, 'full', 'GET', '/internal/circuit-breakers', 200)).circuit_breakers as { resolved_by: string }[];
    expect(resolved.every((e) => e.resolved_by === 'manual')).toBe(true);
  });

  it('serves chain status with advancing block heights, and connected false with no height in an outage', async () => {
    const before = (await check(sim, 'full', 'GET', '/internal/chains', 200)) as {
      solana: { block_height: number };
      arbitrum: { block_height: number };
    };
    await sim.control.advance(10);
    const after = (await check(sim, 'full', 'GET', '/internal/chains', 200)) as typeof before;
    expect(after.solana.block_height).toBe(before.solana.block_height + 25);
    expect(after.arbitrum.block_height).toBe(before.arbitrum.block_height + 40);
    await sim.control.chainOutage('solana');
    expect(await check(sim, 'full', 'GET', '/internal/chains', 200)).toMatchObject({
      solana: { connected: false, block_height: null },
      arbitrum: { connected: true },
    });
    expect(await check(sim, 'full', 'GET', '/health', 200)).toEqual({ status: 'healthy', state: 'degraded' });
    await sim.control.restoreChain();
    await sim.control.resetBreakers();
  });

  it('stops everything on emergency stop, lists the positions closing and pauses all', async () => {
    const ids = Object.keys(await check(sim, 'full', 'GET', '/internal/positions', 200));
    expect(await check(sim, 'full', 'POST', '/internal/control/emergency-stop', 200, { body: { api_key: 'wrong', reason: 'x' } })).toEqual({
      success: false,
    });
    const stop = await check(sim, 'full', 'POST', '/internal/control/emergency-stop', 200, {
      body: { api_key: sim.adminKey, reason: 'bob: exploit on Asgard' },
    });
    expect(stop).toEqual({ success: true, positions_closing: ids });
    const positions = (await check(sim, 'full', 'GET', '/internal/positions', 200)) as Record<string, { status: string }>;
    expect(Object.values(positions).every((p) => p.status === 'closing')).toBe(true);
    expect(await check(sim, 'full', 'GET', '/internal/pause-state', 200)).toMatchObject({ paused: true, scope: 'all', paused_by: 'bob' });
    await sim.control.advance(30);
    expect(await check(sim, 'full', 'GET', '/internal/positions', 200)).toEqual({});
  });

  it('sends every Dec field as a decimal string and every datetime as naive UTC', () => {
    expect(wire.decs.length).toBeGreaterThan(100);
    for (const [at, value] of wire.decs) {
      expect(typeof value, at).toBe('string');
      expect(value as string, at).toMatch(/^-?[0-9]+(\.[0-9]+)?$/);
      expect(new Decimal(value as string).toFixed(), at).toBe(new Decimal(value as string).toFixed()); // parses exactly
    }
    expect(wire.dates.length).toBeGreaterThan(10);
    for (const [at, value] of wire.dates) {
      expect(value as string, at).toMatch(NAIVE);
      const ms = Date.parse(`${value as string}Z`);
      expect(Number.isNaN(ms), at).toBe(false);
      expect(new Date(ms).toISOString().slice(0, 19), at).toBe((value as string).slice(0, 19)); // the naive text is the UTC time
    }
  });
});

describe('bot simulator, core tier (SIM_TIER=core), against the bot contract', () => {
  let sim: RunningSim;
  beforeAll(async () => {
    sim = await startSim({ tier: 'core', seed: 'conformance-core', tickMs: 0, incidents: false });
  });
  afterAll(async () => sim?.stop());

  it('serves every core path in the contract shapes', async () => {
    expect(await check(sim, 'core', 'GET', '/health', 200)).toEqual({ status: 'healthy', state: 'running' });
    await check(sim, 'core', 'GET', '/internal/stats', 200);
    const ids = Object.keys(await check(sim, 'core', 'GET', '/internal/positions', 200));
    await check(sim, 'core', 'GET', '/internal/positions/{position_id}', 200, {
      path: concrete('/internal/positions/{position_id}', ids[0]),
    });
    await check(sim, 'core', 'GET', '/internal/pause-state', 200);
    expect(
      await check(sim, 'core', 'POST', '/internal/control/pause', 200, { body: { api_key: sim.adminKey, reason: 'ops: core tier' } }),
    ).toEqual({ success: true });
    expect(await check(sim, 'core', 'GET', '/internal/pause-state', 200)).toMatchObject({ paused: true, scope: 'all', paused_by: 'ops' });
    expect(await check(sim, 'core', 'POST', '/internal/control/resume', 200, { body: { api_key: sim.adminKey } })).toEqual({
      success: true,
    });
  });

  it('answers 404 {"detail":"Not Found"} on every extension path, as FastAPI does for a route it lacks', async () => {
    for (const op of OPERATIONS.filter((o) => o.tier === 'extension')) {
      const body = await check(sim, 'core', op.method, op.path, 404, { body: validBody(sim, op.method, op.path) });
      expect(body).toEqual({ detail: 'Not Found' });
    }
  });
});

describe('bot contract coverage', () => {
  it('exercised every operation and every declared response of the contract, in both tiers', () => {
    const missing: string[] = [];
    for (const op of OPERATIONS) {
      for (const status of op.statuses)
        if (!exercised.has(`full ${op.method} ${op.path} ${status}`)) missing.push(`full ${op.method} ${op.path} ${status}`);
      const coreStatus = op.tier === 'core' ? 200 : 404;
      if (!exercised.has(`core ${op.method} ${op.path} ${coreStatus}`)) missing.push(`core ${op.method} ${op.path} ${coreStatus}`);
    }
    expect(OPERATIONS.length).toBe(13);
    expect(missing).toEqual([]);
  });
});
