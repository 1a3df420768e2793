#!/usr/bin/env node
// npm run bench:ws: the real-time feed under load. The simulator (20 positions, 100 ms ticks, no
// incidents) and the built API (BOT_POLL_MS=1000) run as child processes: each poll yields ~20
// position_update events (+ stats_update), batched by the feed; the bench toggles pause/resume
// on the bot every 2 s for urgent pause_state_change events. Nothing is injected into the API:
// events go through the real bridge, event log and hub. N socket.io-client connections
// (ws-clients.mjs, spread over child processes) subscribe and measure, per event, publication
// (the bridge's `timestamp`) to receipt. Then a plain socket.io server (plain-socketio.mjs)
// replays the same events at the same times to the same clients. Prints one table.
//
// Env: BENCH_WS_CLIENTS (1000), BENCH_WS_DURATION_S (20), BENCH_WS_WARMUP_S (3),
// BENCH_WS_PROCS (2 client processes), BENCH_WS_WAVE (100 clients connected at a time),
// BENCH_WS_MSGPACK_CLIENTS (= clients; 0 skips the MessagePack runs), BENCH_WS_PAUSE_EVERY_MS (2000),
// BENCH_WS_TIMELINE_OUT (keep the captured events the baseline replays in this file),
// BENCH_WS_API_NODE_OPTIONS (NODE_OPTIONS for the API only, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"),
// BENCH_WS_REPLICAS (1): with 2 or more, the API runs as that many replicas on a throwaway
// PostgreSQL and Debian's redis-server (issue 9): one leads and sequences, the others follow its
// fan-out over Redis; the client processes are spread over the replicas (process i connects to
// replica i mod N), so each replica serves its share of the sockets. CPU is the replicas' sum,
// RSS the largest replica's.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Encoder as JsonEncoder } from 'socket.io-parser';
import msgpackParser from 'socket.io-msgpack-parser';
import {
  freePort,
  histogramPercentile,
  processStats,
  ROOT,
  sleep,
  start,
  startPostgres,
  startStack,
  startWorker,
  waitHttp,
} from './lib.mjs';

const num = (name, fallback) => (process.env[name] ? Number(process.env[name]) : fallback);
const CLIENTS = num('BENCH_WS_CLIENTS', 1000);
const DURATION_S = num('BENCH_WS_DURATION_S', 20);
const WARMUP_S = num('BENCH_WS_WARMUP_S', 3);
const PROCS = Math.max(1, Math.min(num('BENCH_WS_PROCS', 2), CLIENTS));
const WAVE = Math.max(1, num('BENCH_WS_WAVE', 100));
const MSGPACK_CLIENTS = num('BENCH_WS_MSGPACK_CLIENTS', CLIENTS);
const PAUSE_EVERY_MS = num('BENCH_WS_PAUSE_EVERY_MS', 2000);
const REPLICAS = Math.max(1, num('BENCH_WS_REPLICAS', 1));
const BATCH_MS = 100;
const POLL_MS = 1000;
const HEARTBEAT_MS = 15_000;
const FEED_PATH = '/ws/v1/feed';
const FEED_MSGPACK_PATH = '/ws/v1/feed-msgpack';
const CHANNELS = ['positions', 'pause_state', 'stats', 'bot', 'config', 'alerts'];
const CLIENT_ENTRY = join(ROOT, 'test/bench/ws-clients.mjs');

/**
 * Waits until mid-way between two batches (they come once per poll), so that starting or
 * stopping the window does not cut a fan-out burst in half (some clients counting it, others not).
 */
async function midGap(worker) {
  worker.send({ cmd: 'phase' });
  const { sinceLastBatchMs } = await worker.next('phase');
  if (sinceLastBatchMs === null) return;
  await sleep((((POLL_MS / 2 - sinceLastBatchMs) % POLL_MS) + POLL_MS) % POLL_MS);
}

/** Connects `clients` in waves, measures DURATION_S after WARMUP_S, and sums the workers' reports. */
async function measure(
  label,
  { url, urls = [url], path, msgpack, clients, token, serverPid, serverPids = [serverPid], simPid, capture = false },
) {
  const per = Array.from({ length: PROCS }, (_, i) => Math.floor(clients / PROCS) + (i < clients % PROCS ? 1 : 0));
  const workers = per.map((_, i) =>
    startWorker(`ws-clients-${i}`, CLIENT_ENTRY, {
      WS_URL: urls[i % urls.length],
      WS_PATH: path,
      WS_TOKEN: token,
      WS_MSGPACK: msgpack ? '1' : '0',
      WS_CAPTURE: capture && i === 0 ? '1' : '0',
    }),
  );
  const logs = [];
  for (const w of workers) w.child.on('message', (m) => m?.type === 'log' && logs.push(m.message));
  try {
    const connectStart = performance.now();
    const remaining = [...per];
    let failed = 0;
    const errors = {};
    while (remaining.some((r) => r > 0)) {
      const wave = remaining.map((r) => Math.min(r, Math.ceil(WAVE / PROCS)));
      const answers = await Promise.all(
        workers.map((w, i) => {
          if (!wave[i]) return null;
          remaining[i] -= wave[i];
          w.send({ cmd: 'connect', count: wave[i] });
          return w.next('connected');
        }),
      );
      for (const a of answers.filter(Boolean)) {
        failed += a.failed;
        for (const [e, n] of Object.entries(a.errors)) errors[e] = (errors[e] ?? 0) + n;
      }
    }
    const connectS = (performance.now() - connectStart) / 1000;
    if (failed === clients) throw new Error(`${label}: no client could connect: ${JSON.stringify(errors)}`);
    await sleep(WARMUP_S * 1000);

    await midGap(workers[0]);
    const servers = serverPids.length;
    const pids = [...serverPids, ...workers.map((w) => w.pid), ...(simPid ? [simPid] : [])];
    const before = await Promise.all(pids.map(processStats));
    let rssMax = Math.max(...before.slice(0, servers).map((b) => b.rssBytes));
    const sampler = setInterval(() => {
      for (const pid of serverPids) {
        processStats(pid).then(
          (s) => (rssMax = Math.max(rssMax, s.rssBytes)),
          () => {},
        );
      }
    }, 500);
    const wall0 = performance.now();
    await Promise.all(workers.map((w) => (w.send({ cmd: 'start' }), w.next('started'))));
    await sleep(DURATION_S * 1000 - POLL_MS / 2);
    await midGap(workers[0]);
    for (const w of workers) w.send({ cmd: 'stop' });
    const reports = await Promise.all(workers.map((w) => w.next('report')));
    const after = await Promise.all(pids.map(processStats));
    const wall = (performance.now() - wall0) / 1000;
    clearInterval(sampler);
    rssMax = Math.max(rssMax, ...after.slice(0, servers).map((a) => a.rssBytes));
    const cpu = (i) => ((after[i].cpuSeconds - before[i].cpuSeconds) / wall) * 100;
    const serverCpus = serverPids.map((_, i) => cpu(i));
    return summarize(label, reports, {
      connectS,
      failed,
      errors,
      logs,
      serverCpu: serverCpus.reduce((a, b) => a + b, 0),
      serverCpus,
      serverRssMb: rssMax / 2 ** 20,
      clientCpu: workers.map((_, i) => cpu(servers + i)),
      simCpu: simPid ? cpu(servers + workers.length) : null,
    });
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
  }
}

function summarize(label, reports, extra) {
  const sum = (key) => reports.reduce((s, r) => s + r[key], 0);
  const durationS = reports.reduce((s, r) => s + r.durationMs, 0) / reports.length / 1000;
  const merge = (key) => {
    const all = new Map();
    for (const r of reports) for (const [v, n] of r[key]) all.set(v, (all.get(v) ?? 0) + n);
    return [...all];
  };
  const urgent = merge('urgent');
  const batched = merge('batched');
  const headUrgent = merge('headUrgent');
  const headBatched = merge('headBatched');
  const seqs = reports.filter((r) => r.maxSeq > 0);
  const minSeq = Math.min(...seqs.map((r) => r.minSeq));
  const maxSeq = Math.max(...seqs.map((r) => r.maxSeq));
  const clients = sum('clients');
  const types = {};
  for (const r of reports) for (const [t, n] of Object.entries(r.types)) types[t] = (types[t] ?? 0) + n;
  const published = seqs.length ? (maxSeq - minSeq + 1) / durationS : 0;
  const delivered = sum('events') / durationS;
  return {
    label,
    clients,
    durationS,
    published,
    delivered,
    completeness: clients && published ? delivered / (clients * published) : 0,
    messagesPerS: sum('messages') / durationS,
    batchesPerClientS: clients ? sum('batches') / clients / durationS : 0,
    urgentPerClientS: clients ? sum('urgentEvents') / clients / durationS : 0,
    bytesPerEvent: sum('events') ? sum('bytes') / sum('events') : 0,
    bytesPerClientS: clients ? sum('bytes') / clients / durationS : 0,
    urgent: {
      n: sum('urgentEvents'),
      p50: histogramPercentile(urgent, 50),
      p99: histogramPercentile(urgent, 99),
      max: Math.max(...urgent.map(([v]) => v)),
    },
    batched: {
      n: sum('batchedEvents'),
      p50: histogramPercentile(batched, 50),
      p99: histogramPercentile(batched, 99),
      max: Math.max(...batched.map(([v]) => v)),
    },
    perClientTypes: Object.fromEntries(Object.entries(types).map(([t, n]) => [t, clients ? n / clients / durationS : 0])),
    head: {
      urgentP50: histogramPercentile(headUrgent, 50),
      urgentP99: histogramPercentile(headUrgent, 99),
      batchedP50: histogramPercentile(headBatched, 50),
      batchedP99: histogramPercentile(headBatched, 99),
    },
    gaps: sum('gaps'),
    duplicates: sum('duplicates'),
    disconnects: sum('disconnects'),
    capture: reports.find((r) => r.capture)?.capture ?? null,
    ...extra,
  };
}

/** The events the capture client received in the window, as a replay schedule for the baseline. */
function timelineOf(run) {
  const events = [];
  for (const { message } of run.capture.messages) {
    if (message.type === 'batch') events.push(...message.events);
    else if (typeof message.seq === 'number') events.push(message);
  }
  events.sort((a, b) => a.seq - b.seq);
  if (!events.length) throw new Error('the API delivered no events to replay');
  const t0 = Date.parse(events[0].timestamp);
  return {
    batchMs: BATCH_MS,
    heartbeatMs: HEARTBEAT_MS,
    periodMs: run.durationS * 1000,
    channels: CHANNELS,
    snapshot: run.capture.snapshot,
    schedule: events.map((event) => ({ offset: Math.max(0, Date.parse(event.timestamp) - t0), event })),
  };
}

/** Bytes of one message as a WebSocket frame payload: JSON ('4' + socket.io packet text) and MessagePack. */
function frameBytes(message) {
  const packet = { type: 2, nsp: '/', data: ['message', message] };
  const json = 1 + Buffer.byteLength(new JsonEncoder().encode(packet)[0]);
  const msgpack = new msgpackParser.Encoder().encode(packet)[0].byteLength;
  return { json, msgpack };
}

function bytesReport(run) {
  const batches = run.capture.messages.map((m) => m.message).filter((m) => m.type === 'batch');
  if (!batches.length) return 'bytes per update: no batch captured';
  const sizes = batches.map((b) => b.events.length).sort((a, b) => a - b);
  const median = sizes[Math.floor(sizes.length / 2)];
  const batch = batches.find((b) => b.events.length === median);
  const update = batch.events.find((e) => e.type === 'position_update') ?? batch.events[0];
  const one = frameBytes(update);
  const all = frameBytes(batch);
  const urgent = run.capture.messages.map((m) => m.message).find((m) => m.type === 'pause_state_change');
  const u = urgent ? frameBytes(urgent) : null;
  const f = (x) => x.toFixed(0);
  return [
    `bytes per update: JSON ${one.json}, MessagePack ${one.msgpack} (one ${update.type} alone, ratio ${(one.msgpack / one.json).toFixed(2)})`,
    `  batch of ${batch.events.length} (median size): JSON ${all.json} (${f(all.json / batch.events.length)}/update), MessagePack ${all.msgpack} (${f(all.msgpack / batch.events.length)}/update), ratio ${(all.msgpack / all.json).toFixed(2)}`,
    ...(u ? [`  pause_state_change: JSON ${u.json}, MessagePack ${u.msgpack}`] : []),
  ].join('\n');
}

const pad = (s, n) => String(s).padStart(n);
const ms = (x) => (Number.isFinite(x) ? x.toFixed(0) : '-');

function header() {
  return `${''.padEnd(28)}${pad('clients', 7)}${pad('events/s', 10)}${pad('delivered ev/s', 16)}${pad('msgs/s', 9)}${pad('urgent p50/p99', 17)}${pad('batched p50/p99', 18)}${pad('CPU', 7)}${pad('RSS', 9)}${pad('B/event', 9)}`;
}

function row(r) {
  return (
    r.label.padEnd(28) +
    pad(r.clients, 7) +
    pad(r.published.toFixed(1), 10) +
    pad(r.delivered.toFixed(0), 16) +
    pad(r.messagesPerS.toFixed(0), 9) +
    pad(`${ms(r.urgent.p50)} / ${ms(r.urgent.p99)} ms`, 17) +
    pad(`${ms(r.batched.p50)} / ${ms(r.batched.p99)} ms`, 18) +
    pad(`${r.serverCpu.toFixed(0)}%`, 7) +
    pad(`${r.serverRssMb.toFixed(0)} MB`, 9) +
    pad(r.bytesPerEvent.toFixed(0), 9)
  );
}

/**
 * Where a batched event's time goes, from the first client's captured batches: held in the
 * server (batch timestamp, set at flush, - the event's timestamp) and flush -> receipt.
 */
function batchSplit(r) {
  const held = [];
  const transit = [];
  for (const { receivedAt, message } of r.capture?.messages ?? []) {
    if (message.type !== 'batch') continue;
    const flushed = Date.parse(message.timestamp);
    for (const e of message.events) held.push(flushed - Date.parse(e.timestamp));
    transit.push(receivedAt - flushed);
  }
  if (!transit.length) return '';
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return `; batched, first client: held in server ${median(held)} ms (median: event timestamp -> batch flush), flush -> receipt ${median(transit)} ms`;
}

function detail(r) {
  const errors = Object.keys(r.errors).length ? ` ${JSON.stringify(r.errors)}` : '';
  return (
    `  ${r.label}: connect ${r.clients + r.failed} in ${r.connectS.toFixed(1)} s, refused/failed ${r.failed}${errors}; ` +
    `per client ${(r.delivered / Math.max(1, r.clients)).toFixed(1)} ev/s in ${r.batchesPerClientS.toFixed(2)} batches/s + ${r.urgentPerClientS.toFixed(2)} urgent/s, ` +
    `${(r.bytesPerClientS / 1024).toFixed(1)} KiB/s (${Object.entries(r.perClientTypes)
      .map(([t, n]) => `${t} ${n.toFixed(2)}/s`)
      .join(', ')}); delivered/expected ${(r.completeness * 100).toFixed(1)}%; ` +
    `urgent n=${r.urgent.n} max ${ms(r.urgent.max)} ms, batched n=${r.batched.n} max ${ms(r.batched.max)} ms; ` +
    `first client of each process only: urgent ${ms(r.head.urgentP50)} / ${ms(r.head.urgentP99)} ms, batched ${ms(r.head.batchedP50)} / ${ms(r.head.batchedP99)} ms; ` +
    `gaps ${r.gaps}, duplicates ${r.duplicates}, disconnects ${r.disconnects}; ` +
    (r.serverCpus?.length > 1 ? `replicas CPU ${r.serverCpus.map((c) => `${c.toFixed(0)}%`).join(' + ')}; ` : '') +
    `client processes CPU ${r.clientCpu.map((c) => `${c.toFixed(0)}%`).join(' + ')}` +
    (r.simCpu !== null ? `, simulator CPU ${r.simCpu.toFixed(0)}%` : '') +
    batchSplit(r) +
    (r.logs.length ? `\n    client log: ${r.logs.slice(0, 3).join(' | ')}${r.logs.length > 3 ? ` (+${r.logs.length - 3})` : ''}` : '')
  );
}

// ------------------------------------------------------------------------------------- the run

/** Debian's redis-server on a free loopback port, nothing persisted (replicas only). */
async function startRedis() {
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  for (let i = 0; ; i++) {
    const up = await new Promise((resolve) => {
      const socket = createConnection(port, '127.0.0.1', () => (socket.end(), resolve(true)));
      socket.on('error', () => resolve(false));
    });
    if (up) break;
    if (i > 100 || child.exitCode !== null) throw new Error('redis-server did not start');
    await sleep(100);
  }
  return { url: `redis://127.0.0.1:${port}`, stop: () => (child.exitCode !== null ? undefined : (child.kill('SIGTERM'), exited)) };
}

const dir = mkdtempSync(join(tmpdir(), 'dnb-bench-ws-'));
const runs = {};
let feedHealth = null;
const postgres = REPLICAS > 1 ? await startPostgres() : null;
const redis = REPLICAS > 1 ? await startRedis() : null;
const replicaEnv = postgres
  ? {
      DATABASE_URL: postgres.url,
      REDIS_URL: redis.url,
      JWT_SECRET: `bench-jwt-${randomBytes(24).toString('hex')}`,
      SECRETS_ENCRYPTION_KEY: `bench-enc-${randomBytes(24).toString('hex')}`,
    }
  : {};
const apiEnv = {
  ...replicaEnv,
  BOT_POLL_MS: String(POLL_MS),
  WS_BATCH_MS: String(BATCH_MS),
  WS_HEARTBEAT_MS: String(HEARTBEAT_MS),
  MAX_WS_CONNECTIONS: String(Math.max(CLIENTS, MSGPACK_CLIENTS) + 100),
  MAX_WS_CONNECTIONS_PER_USER: String(Math.max(CLIENTS, MSGPACK_CLIENTS) + 100),
  RATE_LIMIT_ROLE_MULTIPLIER: '100000',
  ...(process.env.BENCH_WS_API_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_WS_API_NODE_OPTIONS } : {}),
};
const stack = await startStack({
  simEnv: { SIM_INITIAL_POSITIONS: '20', SIM_INCIDENTS: 'off', SIM_TICK_MS: '100', SIM_RECOVERY_STEP_MS: '10' },
  apiEnv,
});
let stopToggling = () => {};
/** The other replicas: same database, Redis, secrets and bot as the first (which created the admin). */
const others = [];
try {
  if (!stack.token) throw new Error('the admin could not log in');
  for (let i = 1; i < REPLICAS; i++) {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'dnb-bench-replica-'));
    const api = start(`api-${i + 1}`, join(ROOT, 'apps/api/dist/main.js'), {
      PORT: String(port),
      DATA_DIR: dataDir,
      BOT_API_URL: stack.simUrl,
      BOT_ADMIN_KEY: stack.simKey,
      LOG_LEVEL: 'warn',
      ...apiEnv,
    });
    others.push({ ...api, url: `http://127.0.0.1:${port}`, dataDir });
    await waitHttp(`http://127.0.0.1:${port}/api/v1/health/ready`);
  }
  // The bot recovers its 20 positions at boot: measure the steady state, not the recovery.
  for (let deadline = Date.now() + 30_000; ; await sleep(100)) {
    const state = await fetch(`${stack.controlUrl}/state`).then((r) => r.json());
    if (state.phase === 'running') break;
    if (Date.now() > deadline) throw new Error(`the simulator is still ${state.phase} after 30 s`);
  }
  await sleep(POLL_MS * 2); // the bridge has seen it
  // Urgent events: the bot paused (scope entry) and resumed every PAUSE_EVERY_MS.
  let paused = false;
  let toggleErrors = 0;
  const toggle = async () => {
    paused = !paused;
    const body = paused
      ? { api_key: stack.simKey, reason: 'bench: toggle', scope: 'entry' }
      : { api_key: stack.simKey, reason: 'bench: toggle' };
    const res = await fetch(`${stack.simUrl}/internal/control/${paused ? 'pause' : 'resume'}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${stack.simKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = await res.json();
    if (res.status !== 200 || answer.success === false) toggleErrors++;
  };
  const toggler = setInterval(() => toggle().catch(() => toggleErrors++), PAUSE_EVERY_MS);
  stopToggling = () => clearInterval(toggler);

  const api = {
    urls: [stack.apiUrl, ...others.map((o) => o.url)],
    token: stack.token,
    serverPids: [stack.api.pid, ...others.map((o) => o.pid)],
    simPid: stack.sim.pid,
  };
  if (REPLICAS > 1) {
    const roles = await Promise.all(api.urls.map((u) => fetch(`${u}/api/v1/health/ready`).then((r) => r.json())));
    console.log(`replicas: ${roles.map((r, i) => `${api.urls[i]} ${r.cluster?.role}`).join(', ')}`);
  }
  const title = REPLICAS > 1 ? `control center x${REPLICAS}` : 'control center';
  runs.api = await measure(`${title} (JSON)`, { ...api, path: FEED_PATH, msgpack: false, clients: CLIENTS, capture: true });
  if (!runs.api.delivered) throw new Error(`the API delivered no events: ${stack.api.output()}`);
  await sleep(1000);
  if (MSGPACK_CLIENTS > 0) {
    runs.apiMsgpack = await measure(`${title} (MessagePack)`, {
      ...api,
      path: FEED_MSGPACK_PATH,
      msgpack: true,
      clients: MSGPACK_CLIENTS,
      capture: true,
    });
  }
  stopToggling();
  if (toggleErrors) console.warn(`warning: ${toggleErrors} pause/resume calls to the simulator failed`);
  feedHealth = await fetch(`${stack.apiUrl}/api/v1/health`)
    .then((r) => r.json())
    .then((h) => h.checks?.feed?.detail)
    .catch(() => null);
} finally {
  stopToggling();
  for (const other of others) {
    await other.stop();
    rmSync(other.dataDir, { recursive: true, force: true });
  }
  await stack.api.stop();
  await stack.sim.stop();
  await redis?.stop();
  postgres?.stop();
}

// The baseline, alone on the machine like the API was (the simulator and the API are gone).
const timelineFile = process.env.BENCH_WS_TIMELINE_OUT || join(dir, 'timeline.json');
writeFileSync(timelineFile, JSON.stringify(timelineOf(runs.api)));
for (const [key, msgpack, clients, label] of [
  ['plain', false, CLIENTS, 'plain socket.io (JSON)'],
  ['plainMsgpack', true, MSGPACK_CLIENTS, 'plain socket.io (MessagePack)'],
]) {
  if (!clients) continue;
  const port = await freePort();
  const path = msgpack ? FEED_MSGPACK_PATH : FEED_PATH;
  const plain = start('plain-socketio', join(ROOT, 'test/bench/plain-socketio.mjs'), {
    PLAIN_PORT: String(port),
    PLAIN_PATH: path,
    PLAIN_TIMELINE: timelineFile,
    PLAIN_MSGPACK: msgpack ? '1' : '0',
  });
  try {
    await waitHttp(`http://127.0.0.1:${port}/health`);
    runs[key] = await measure(label, {
      url: `http://127.0.0.1:${port}`,
      path,
      msgpack,
      clients,
      token: 'plain',
      serverPid: plain.pid,
      capture: true,
    });
  } finally {
    await plain.stop();
  }
}
rmSync(dir, { recursive: true, force: true });

// ------------------------------------------------------------------------------------- report

const ordered = [runs.api, runs.plain, runs.apiMsgpack, runs.plainMsgpack].filter(Boolean);
console.log(
  `\nfeed, ${CLIENTS} clients (MessagePack ${MSGPACK_CLIENTS}), ${DURATION_S} s window after ${WARMUP_S} s warm-up, clients in ${PROCS} processes, ` +
    `sim 20 positions / 100 ms ticks, BOT_POLL_MS 1000, WS_BATCH_MS ${BATCH_MS}, pause/resume every ${PAUSE_EVERY_MS} ms` +
    (REPLICAS > 1 ? `; API: ${REPLICAS} replicas (PostgreSQL + Redis), clients spread over them, CPU summed, RSS of the largest` : ''),
);
console.log(header());
for (const r of ordered) console.log(row(r));
const ratio = (a, b) => (a && b ? (a.delivered / b.delivered).toFixed(2) : '-');
const api = runs.api;
const ok = (cond) => (cond ? 'ok' : 'MISSED');
console.log(
  `ratio delivered API / plain: JSON ${ratio(runs.api, runs.plain)}${runs.apiMsgpack ? `, MessagePack ${ratio(runs.apiMsgpack, runs.plainMsgpack)}` : ''} (target >= 0.80)`,
);
console.log(
  `targets (API, JSON): urgent p99 ${ms(api.urgent.p99)} ms < 50 ${ok(api.urgent.p99 < 50)}; batched p99 ${ms(api.batched.p99)} ms < 200 ${ok(api.batched.p99 < 200)}; ` +
    `RSS ${api.serverRssMb.toFixed(0)} MB < 300 ${ok(api.serverRssMb < 300)}; delivered ratio ${ok(runs.plain && api.delivered / runs.plain.delivered >= 0.8)}; ` +
    `${api.clients} x ${(api.delivered / Math.max(1, api.clients)).toFixed(1)} ev/s (target 1000 x 20)`,
);
console.log(bytesReport(api));
console.log('details:');
for (const r of ordered) console.log(detail(r));
if (feedHealth?.sockets) {
  const s = feedHealth.sockets;
  const drops = (feedHealth.bus?.subscribers ?? []).map((b) => `${b.name} dropped ${b.dropped ?? 0}`).join(', ');
  console.log(
    `  API feed counters: refused ${JSON.stringify(s.refused)}, disconnected_slow ${s.disconnected_slow}, batches_sent ${s.batches_sent}, events_sent ${s.events_sent}${drops ? `; bus: ${drops}` : ''}`,
  );
}
console.log(
  '  latency: Date.now() at receipt - event.timestamp (stamped by the bridge when it read the poll; the baseline stamps at publication); ' +
    "batched events include the 100 ms batch window; both include the client processes' own decode queue on the shared 2 cores.",
);
