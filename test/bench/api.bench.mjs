#!/usr/bin/env node
// npm run bench:api: GET /api/v1/positions with a valid token (50 connections, 10 s) against the
// real API, a bare Fastify server returning the same JSON in the same run, NestJS with that one
// route and nothing else (the framework floor), and the API, in turn for BENCH_ROUNDS rounds
// (default 3; the medians are compared), then the API again while the simulator answers only
// after 10 s (the cache must keep serving). Prints the figures.
import autocannon from 'autocannon';
import { join } from 'node:path';
import { freePort, ROOT, start, startStack, waitHttp } from './lib.mjs';

const DURATION = Number(process.env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));

function run(url, headers) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

/** The run with the median throughput (its own latency figures with it). */
function medianRun(runs) {
  const sorted = [...runs].sort((a, b) => a.requests.average - b.requests.average);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

function line(name, r) {
  const non2xx = r.non2xx + r.errors + r.timeouts;
  return `${name.padEnd(44)} ${String(Math.round(r.requests.average)).padStart(7)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms   non-2xx/errors ${non2xx}`;
}

const stack = await startStack({ apiEnv: { RATE_LIMIT_ROLE_MULTIPLIER: '100000' } });
try {
  const url = `${stack.apiUrl}/api/v1/positions`;
  const headers = { authorization: `Bearer ${stack.token}` };
  const sample = await fetch(url, { headers });
  if (sample.status !== 200) throw new Error(`GET /api/v1/positions answered ${sample.status}: ${await sample.text()}`);
  const body = await sample.text();

  // The bare server and the NestJS floor run in their own processes, like the API, so each gets
  // the same share of CPU. The three are measured in turn, ROUNDS times, and compared by their
  // medians: on a shared 2-core machine one 10 s run of the bare server swung between 25k and 57k
  // req/s, so a single pass said more about the neighbours than about the API.
  const barePort = await freePort();
  const bare = start('bare-fastify', join(ROOT, 'test/bench/bare-fastify.mjs'), { BARE_PORT: String(barePort), BARE_BODY: body });
  // The framework floor: NestJS on Fastify, one route, nothing else.
  const nestPort = await freePort();
  const nest = start('bare-nest', join(ROOT, 'test/bench/bare-nest.mjs'), { BARE_PORT: String(nestPort), BARE_BODY: body });
  await waitHttp(`http://127.0.0.1:${barePort}/api/v1/positions`);
  await waitHttp(`http://127.0.0.1:${nestPort}/api/v1/positions`);
  const targets = [
    { name: 'bare Fastify, same JSON', url: `http://127.0.0.1:${barePort}/api/v1/positions`, headers: {}, runs: [] },
    { name: 'NestJS + Fastify, one route only', url: `http://127.0.0.1:${nestPort}/api/v1/positions`, headers: {}, runs: [] },
    { name: 'control center API (JWT)', url, headers, runs: [] },
  ];
  console.log(`GET /api/v1/positions, ${CONNECTIONS} connections, ${DURATION} s each, ${ROUNDS} rounds, body ${body.length} bytes`);
  for (let round = 1; round <= ROUNDS; round++) {
    for (const target of targets) {
      const result = await run(target.url, target.headers);
      target.runs.push(result);
      console.log(line(`round ${round}: ${target.name}`, result));
    }
    const [b, , a] = targets.map((t) => t.runs[round - 1].requests.average);
    console.log(`round ${round}: ratio API / bare ${(a / b).toFixed(2)}`);
  }
  await bare.stop();
  await nest.stop();

  const [baseline, floor, api] = targets.map((t) => medianRun(t.runs));
  console.log(`medians of ${ROUNDS} rounds:`);
  for (const [target, median] of [
    [targets[0], baseline],
    [targets[1], floor],
    [targets[2], api],
  ])
    console.log(line(target.name, median));
  const ratio = (a, b) => (a.requests.average / b.requests.average).toFixed(2);
  console.log(`ratio API / bare: ${ratio(api, baseline)}  (target >= 0.5; p99 target < 20 ms)`);
  console.log(`ratio NestJS floor / bare: ${ratio(floor, baseline)}   ratio API / NestJS floor: ${ratio(api, floor)}`);
  const worstP99 = Math.max(...targets[2].runs.map((r) => r.latency.p99));
  console.log(`API p99, worst round: ${worstP99} ms`);

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
