// A load-generator worker for ws.bench.mjs: lean socket.io-client connections to a feed (the
// API's or the plain socket.io baseline), driven by the bench over IPC:
//   {cmd:'connect', count}  opens `count` more clients, each subscribing with last_seq 0;
//                           answers {type:'connected'} once each got its snapshot (or failed);
//   {cmd:'phase'}           answers {type:'phase', sinceLastBatchMs}: the bench starts and stops
//                           the window between two batches, so no burst is cut in half;
//   {cmd:'start'}           resets the counters: the measurement window begins;
//   {cmd:'stop'}            answers {type:'report'} with what was received in the window.
// Latency = Date.now() at receipt - Date.parse(event.timestamp), per event, in a 1 ms histogram.
import { io } from 'socket.io-client';

const URL = process.env.WS_URL;
const PATH = process.env.WS_PATH;
const TOKEN = process.env.WS_TOKEN;
const MSGPACK = process.env.WS_MSGPACK === '1';
/** The first client of this worker records what it receives, as templates for the baseline. */
const CAPTURE = process.env.WS_CAPTURE === '1';
const BATCHED = new Set(['position_update', 'stats_update']);
const parser = MSGPACK ? (await import('socket.io-msgpack-parser')).default : undefined;

const clients = [];
let measuring = false;
let closing = false;
let windowStart = 0;
let windowStartWall = 0;
let lastBatchAt = 0;
let stats = fresh();
const capture = { snapshot: null, messages: [] };

function fresh() {
  return {
    messages: 0,
    batches: 0,
    heartbeats: 0,
    events: 0,
    urgentEvents: 0,
    batchedEvents: 0,
    bytes: 0,
    gaps: 0,
    duplicates: 0,
    minSeq: Infinity,
    maxSeq: 0,
    disconnects: 0,
    types: {},
    urgent: new Map(),
    batched: new Map(),
    // The same for this worker's first client alone: written to first by the server, read first here.
    headUrgent: new Map(),
    headBatched: new Map(),
  };
}

function record(hist, ms) {
  const bucket = ms < 0 ? 0 : Math.round(ms);
  hist.set(bucket, (hist.get(bucket) ?? 0) + 1);
}

function onEvent(client, event, now, urgent) {
  if (client.lastSeq) {
    if (event.seq <= client.lastSeq) {
      if (measuring) stats.duplicates++;
      return;
    }
    if (event.seq !== client.lastSeq + 1 && measuring) stats.gaps++;
  }
  client.lastSeq = event.seq;
  if (!measuring) return;
  stats.events++;
  stats.types[event.type] = (stats.types[event.type] ?? 0) + 1;
  if (event.seq < stats.minSeq) stats.minSeq = event.seq;
  if (event.seq > stats.maxSeq) stats.maxSeq = event.seq;
  const latency = now - Date.parse(event.timestamp);
  if (urgent) {
    stats.urgentEvents++;
    record(stats.urgent, latency);
    if (client.head) record(stats.headUrgent, latency);
  } else {
    stats.batchedEvents++;
    record(stats.batched, latency);
    if (client.head) record(stats.headBatched, latency);
  }
}

function onMessage(client, message) {
  const now = Date.now();
  if (measuring) stats.messages++;
  switch (message.type) {
    case 'snapshot':
      client.lastSeq = message.seq;
      if (client.capture && !capture.snapshot) capture.snapshot = message;
      client.ready?.();
      return;
    case 'batch':
      lastBatchAt = performance.now();
      if (measuring) stats.batches++;
      // An urgent event can close a batch (it goes last in it): classify by type, not by frame.
      for (const event of message.events) onEvent(client, event, now, !BATCHED.has(event.type));
      break;
    case 'heartbeat':
      if (measuring) stats.heartbeats++;
      break;
    case 'subscribed':
    case 'catch_up':
    case 'token_refresh_required':
    case 'token_refresh_success':
      break;
    case 'error':
      process.send({ type: 'log', message: `feed error: ${message.code} ${message.message}` });
      break;
    default:
      if (typeof message.seq === 'number') onEvent(client, message, now, !BATCHED.has(message.type));
  }
  if (client.capture && measuring && message.type !== 'heartbeat')
    capture.messages.push({ at: now - windowStartWall, receivedAt: now, message });
}

function connectOne(captureThis) {
  return new Promise((resolve) => {
    const socket = io(URL, {
      path: PATH,
      transports: ['websocket'],
      auth: { token: TOKEN },
      reconnection: false,
      forceNew: true,
      timeout: 30_000,
      ...(parser ? { parser } : {}),
    });
    const client = { socket, lastSeq: 0, capture: captureThis, head: clients.length === 0, ready: null };
    clients.push(client);
    const timer = setTimeout(() => settle(false, 'no snapshot within 30 s'), 30_000);
    function settle(ok, error) {
      clearTimeout(timer);
      client.ready = null;
      resolve({ ok, error });
    }
    client.ready = () => settle(true);
    socket.on('message', (message) => onMessage(client, message));
    socket.once('connect', () => {
      socket.io.engine.on('data', (data) => {
        if (measuring) stats.bytes += typeof data === 'string' ? data.length : data.byteLength;
      });
      socket.emit('action', { action: 'subscribe', last_seq: 0 });
    });
    socket.once('connect_error', (error) => settle(false, error.message));
    socket.on('disconnect', (reason) => {
      if (closing) return;
      stats.disconnects++;
      process.send({ type: 'log', message: `client disconnected: ${reason}` });
    });
  });
}

async function connect(count) {
  const results = await Promise.all(Array.from({ length: count }, () => connectOne(CAPTURE && clients.length === 0)));
  const errors = {};
  for (const r of results) if (!r.ok) errors[r.error] = (errors[r.error] ?? 0) + 1;
  const ok = results.filter((r) => r.ok).length;
  return { ok, failed: count - ok, errors };
}

function report() {
  const durationMs = performance.now() - windowStart;
  measuring = false;
  const { urgent, batched, headUrgent, headBatched, minSeq, ...rest } = stats;
  return {
    type: 'report',
    durationMs,
    clients: clients.filter((c) => c.socket.connected).length,
    ...rest,
    minSeq: Number.isFinite(minSeq) ? minSeq : 0,
    urgent: [...urgent],
    batched: [...batched],
    headUrgent: [...headUrgent],
    headBatched: [...headBatched],
    capture: CAPTURE ? capture : null,
  };
}

process.on('message', (command) => {
  const fail = (error) => process.send({ type: 'error', message: String(error?.stack ?? error) });
  try {
    if (command.cmd === 'connect') {
      connect(command.count).then((r) => process.send({ type: 'connected', ...r }), fail);
    } else if (command.cmd === 'phase') {
      process.send({ type: 'phase', sinceLastBatchMs: lastBatchAt ? performance.now() - lastBatchAt : null });
    } else if (command.cmd === 'start') {
      stats = fresh();
      capture.messages = [];
      windowStart = performance.now();
      windowStartWall = Date.now();
      measuring = true;
      process.send({ type: 'started' });
    } else if (command.cmd === 'stop') {
      process.send(report());
    } else if (command.cmd === 'close') {
      closing = true;
      for (const c of clients) c.socket.disconnect();
      process.send({ type: 'closed' });
    }
  } catch (error) {
    fail(error);
  }
});
process.on('disconnect', () => process.exit(0)); // the bench went away
process.on('SIGTERM', () => {
  closing = true;
  for (const c of clients) c.socket.disconnect();
  process.exit(0);
});
