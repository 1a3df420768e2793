// The baseline of npm run bench:ws: a bare socket.io server (same transport options as the API's
// feed: WebSocket only, no permessage-deflate) that replays, to every client, the events the
// API's feed delivered in its measurement window: same payloads, same timing (each event is
// published at its original offset, with a fresh seq and timestamp), batched the way the feed
// batches (position_update and stats_update wait BATCH_MS in one `batch` message; any other event
// goes at once: alone, or last in the pending batch, which it sends), plus a heartbeat. No auth beyond "a token is
// present", no database, no state: what socket.io alone costs for the same stream.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const PORT = Number(process.env.PLAIN_PORT);
const PATH = process.env.PLAIN_PATH ?? '/ws/v1/feed';
const timeline = JSON.parse(readFileSync(process.env.PLAIN_TIMELINE, 'utf8'));
const BATCH_MS = timeline.batchMs;
const BATCHED = new Set(['position_update', 'stats_update']);
const ROOM = 'feed:all';
const parser = process.env.PLAIN_MSGPACK === '1' ? (await import('socket.io-msgpack-parser')).default : undefined;

const http = createServer((req, res) => res.writeHead(req.url === '/health' ? 200 : 404).end());
const io = new Server(http, {
  path: PATH,
  transports: ['websocket'],
  perMessageDeflate: false,
  httpCompression: false,
  maxHttpBufferSize: 16 * 1024,
  serveClient: false,
  connectTimeout: 10_000,
  pingInterval: 25_000,
  pingTimeout: 20_000,
  ...(parser ? { parser } : {}),
});

io.use((socket, next) => (typeof socket.handshake.auth?.token === 'string' ? next() : next(new Error('UNAUTHENTICATED'))));
io.on('connection', (socket) => {
  socket.on('action', (action) => {
    if (action?.action !== 'subscribe') return;
    socket.emit('message', { type: 'subscribed', timestamp: new Date().toISOString(), channels: timeline.channels });
    flushBatch();
    socket.emit('message', { ...timeline.snapshot, seq, timestamp: new Date().toISOString(), reset: false });
    void socket.join(ROOM);
  });
});

let seq = 0;
let batch = [];
let batchTimer;

function publish(template) {
  const event = { ...template, seq: ++seq, timestamp: new Date().toISOString() };
  if (BATCHED.has(event.type)) {
    batch.push(event);
    batchTimer ??= setTimeout(flushBatch, BATCH_MS);
    return;
  }
  if (batch.length) {
    batch.push(event);
    flushBatch();
    return;
  }
  io.to(ROOM).emit('message', event);
}

function flushBatch() {
  clearTimeout(batchTimer);
  batchTimer = undefined;
  if (!batch.length) return;
  const events = batch;
  batch = [];
  io.to(ROOM).emit('message', {
    type: 'batch',
    timestamp: new Date().toISOString(),
    from_seq: events[0].seq,
    to_seq: events.at(-1).seq,
    events,
  });
}

/** One pass over the captured schedule ([{offset, event}] sorted by offset), then again. */
function replay() {
  const t0 = performance.now();
  let i = 0;
  const tick = () => {
    const elapsed = performance.now() - t0;
    while (i < timeline.schedule.length && timeline.schedule[i].offset <= elapsed) publish(timeline.schedule[i++].event);
    if (i < timeline.schedule.length) setTimeout(tick, timeline.schedule[i].offset - elapsed);
    else setTimeout(replay, Math.max(0, timeline.periodMs - elapsed));
  };
  tick();
}

setInterval(() => {
  flushBatch();
  io.to(ROOM).emit('message', { type: 'heartbeat', seq, timestamp: new Date().toISOString() });
}, timeline.heartbeatMs);

http.listen(PORT, '127.0.0.1', replay);
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => process.exit(0));
