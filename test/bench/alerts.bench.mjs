#!/usr/bin/env node
// npm run bench:alerts: the simulator drives a position's health factor below 0.10 one hundred
// times (each a new emergency, which has no throttle); for each, the time from the simulator's
// change to the alert's arrival at a webhook receiver. Default API settings (BOT_POLL_MS 1000);
// the real simulator, API and HTTP all the way. Prints p50/p99/max.
import { createServer } from 'node:http';
import { freePort, percentile, sleep, startStack } from './lib.mjs';

const COUNT = Number(process.env.BENCH_ALERTS ?? 100);
const TIMEOUT_MS = 15_000;

const arrivals = new Map(); // health factor -> arrival time (ms)
const sinkPort = await freePort();
const sink = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const at = performance.timeOrigin + performance.now();
    try {
      const alert = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      if (alert.type === 'health_factor_emergency') arrivals.set(alert.facts.health_factor, at);
    } catch {
      // not an alert
    }
    res.writeHead(204).end();
  });
});
await new Promise((r) => sink.listen(sinkPort, '127.0.0.1', r));

const stack = await startStack({
  simEnv: { SIM_TICK_MS: '0', SIM_INITIAL_POSITIONS: '1', SIM_INCIDENTS: 'off', SIM_SEED: 'bench-alerts' },
  apiEnv: { ALERT_ALLOWED_HOSTS: `127.0.0.1:${sinkPort}`, ALERT_WEBHOOK_URL: `http://127.0.0.1:${sinkPort}/hook` },
});
const control = (path, body) =>
  fetch(`${stack.controlUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(
    async (r) => {
      if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
      return r.json();
    },
  );
try {
  // Wait until the API sees the position.
  let positionId;
  for (let i = 0; i < 100 && !positionId; i++) {
    const res = await fetch(`${stack.apiUrl}/api/v1/positions`, { headers: { authorization: `Bearer ${stack.token}` } }).then((r) =>
      r.json(),
    );
    positionId = res.positions?.[0]?.position_id;
    if (!positionId) await sleep(200);
  }
  if (!positionId) throw new Error('the API never listed the simulator position');

  const latencies = [];
  let missed = 0;
  for (let i = 0; i < COUNT; i++) {
    // A distinct value each time (0.0950, 0.0945, ...): every change is a new emergency.
    const value = (0.095 - (i % 150) * 0.0005).toFixed(4);
    const started = performance.timeOrigin + performance.now();
    await control('/scenarios/health-factor', { value, positionId });
    const deadline = started + TIMEOUT_MS;
    while (!arrivals.has(value) && performance.timeOrigin + performance.now() < deadline) await sleep(5);
    if (arrivals.has(value)) latencies.push(arrivals.get(value) - started);
    else missed += 1;
    // A little jitter so the changes fall at every point of the poll cycle.
    await sleep(50 + Math.floor(Math.random() * 400));
  }
  latencies.sort((a, b) => a - b);
  const fmt = (v) => `${Math.round(v)} ms`;
  console.log(`health factor below 0.10, ${COUNT} times; simulator change -> webhook receipt (default settings, BOT_POLL_MS 1000)`);
  console.log(
    `received ${latencies.length}/${COUNT}  missed ${missed}  p50 ${fmt(percentile(latencies, 50))}  p99 ${fmt(percentile(latencies, 99))}  max ${fmt(latencies.at(-1) ?? NaN)}  (target p99 < 1500 ms; spec 5 s)`,
  );
} finally {
  await stack.api.stop();
  await stack.sim.stop();
  sink.close();
}
