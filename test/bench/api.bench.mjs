#!/usr/bin/env node
// npm run bench:api: GET /api/v1/positions with a valid token (50 connections, 10 s) against the
// real API, a bare Fastify server returning the same JSON in the same run, NestJS with that one
// route and nothing else (the framework floor), and the API again
// while the simulator answers only after 10 s (the cache must keep serving). Prints the figures.
import autocannon from 'autocannon';
import { join } from 'node:path';
import { freePort, ROOT, start, startStack, waitHttp } from './lib.mjs';

const DURATION = Number(process.env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);

function run(url, headers) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

function line(name, r) {
  const non2xx = r.non2xx + r.errors + r.timeouts;
  return `${name.padEnd(34)} ${String(Math.round(r.requests.average)).padStart(7)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms   non-2xx/errors ${non2xx}`;
}

const stack = await startStack({ apiEnv: { RATE_LIMIT_ROLE_MULTIPLIER: '100000' } });
try {
  const url = `${stack.apiUrl}/api/v1/positions`;
  const headers = { authorization: `Bearer ${stack.token}` };
  const sample = await fetch(url, { headers });
  if (sample.status !== 200) throw new Error(`GET /api/v1/positions answered ${sample.status}: ${await sample.text()}`);
  const body = await sample.text();

  // The bare server runs in its own process, like the API, so both get the same share of CPU.
  const barePort = await freePort();
  const bare = start('bare-fastify', join(ROOT, 'test/bench/bare-fastify.mjs'), { BARE_PORT: String(barePort), BARE_BODY: body });
  await waitHttp(`http://127.0.0.1:${barePort}/api/v1/positions`);

  console.log(`GET /api/v1/positions, ${CONNECTIONS} connections, ${DURATION} s each, body ${body.length} bytes`);
  const baseline = await run(`http://127.0.0.1:${barePort}/api/v1/positions`, {});
  console.log(line('bare Fastify, same JSON', baseline));
  await bare.stop();

  // The framework floor: NestJS on Fastify, one route, nothing else.
  const nestPort = await freePort();
  const nest = start('bare-nest', join(ROOT, 'test/bench/bare-nest.mjs'), { BARE_PORT: String(nestPort), BARE_BODY: body });
  await waitHttp(`http://127.0.0.1:${nestPort}/api/v1/positions`);
  const floor = await run(`http://127.0.0.1:${nestPort}/api/v1/positions`, {});
  console.log(line('NestJS + Fastify, one route only', floor));
  await nest.stop();

  const api = await run(url, headers);
  console.log(line('control center API (JWT)', api));
  const ratio = (a, b) => (a.requests.average / b.requests.average).toFixed(2);
  console.log(`ratio API / bare: ${ratio(api, baseline)}  (target >= 0.5; p99 target < 20 ms)`);
  console.log(`ratio NestJS floor / bare: ${ratio(floor, baseline)}   ratio API / NestJS floor: ${ratio(api, floor)}`);

  // The bot now answers only after 10 s: reads must still come from the cache, fast.
  await fetch(`${stack.controlUrl}/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'latency', ms: 10_000 }),
  });
  const slow = await run(url, headers);
  console.log(line('API while the bot takes 10 s', slow));
} finally {
  await stack.api.stop();
  await stack.sim.stop();
}
