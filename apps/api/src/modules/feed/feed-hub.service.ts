import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import {
  BATCHED_EVENT_TYPES,
  CHANNEL_OF,
  FEED_CHANNELS,
  FEED_MESSAGE,
  can,
  type BridgeBaselineEvent,
  type DataFreshness,
  type FeedChannel,
  type FeedErrorCode,
  type FeedEvent,
  type FeedServerMessage,
  type FeedState,
  Permission,
} from '@dnb/contracts';
import type { Logger } from 'pino';
import type { Server, Socket } from 'socket.io';
import type { Actor } from '../../common/auth/actor';
import { APP_CONFIG, type AppConfig } from '../../common/config/env.schema';
import { LOGGER } from '../../common/logging/logger';
import { FEED_EVENT_LOG, type FeedEventLog } from './event-log';
import { FeedProjection } from './feed-state';

/** The channels each role may read (a channel needs the read permission of its REST twin). */
const CHANNEL_PERMISSION: Record<FeedChannel, Permission> = {
  positions: Permission.PositionsRead,
  pause_state: Permission.StatusRead,
  stats: Permission.StatusRead,
  bot: Permission.StatusRead,
  config: Permission.ConfigRead,
  alerts: Permission.AlertsRead,
};

export function channelsAllowed(actor: Actor): FeedChannel[] {
  return FEED_CHANNELS.filter((channel) => can(actor.role, CHANNEL_PERMISSION[channel]));
}

/** What the hub keeps about one connection (in socket.data). */
export interface FeedClient {
  actor: Actor;
  /** Null until the client subscribed. */
  channels: ReadonlySet<FeedChannel> | null;
  /** While a catch-up is read from the database, live events wait here. */
  pending: FeedEvent[] | null;
  refreshTimer?: NodeJS.Timeout;
  expiryTimer?: NodeJS.Timeout;
}

export interface FeedHubStats {
  connections: number;
  subscribed: number;
  refused: Record<string, number>;
  disconnected_slow: number;
  events_sent: number;
  batches_sent: number;
  snapshots_sent: number;
  resets_sent: number;
  catch_ups_sent: number;
}

const now = () => new Date().toISOString();

/**
 * The fan-out side of the feed: which sockets are connected and subscribed, and what they are
 * sent. Events reach it in seq order from the publisher. Urgent events go at once; the others
 * wait at most FEED_BATCH_MS in one batch, which an urgent event closes (it goes last in that
 * batch's frame), so every client receives events in seq order. Clients with the same channels share a room, so each message is
 * serialised once per room, not once per socket.
 */
@Injectable()
export class FeedHub implements OnApplicationShutdown {
  private readonly servers: Server[] = [];
  private readonly projection = new FeedProjection();
  /** Seq of the bridge baseline the state starts from: catch-up from before it cannot be trusted. */
  private baselineSeq = 0;
  private publishedSeq?: number;
  private freshness: () => DataFreshness = () => ({ source: 'cached', as_of: null, age_ms: null });
  private batch: FeedEvent[] = [];
  private batchTimer?: NodeJS.Timeout;
  private readonly heartbeat: NodeJS.Timeout;
  private readonly slowCheck: NodeJS.Timeout;
  private readonly syncing = new Set<Socket>();
  private readonly roomChannels = new Map<string, ReadonlySet<FeedChannel>>();
  private readonly roomMembers = new Map<string, { members: number }>();
  private readonly counters = {
    refused: {} as Record<string, number>,
    disconnected_slow: 0,
    events_sent: 0,
    batches_sent: 0,
    snapshots_sent: 0,
    resets_sent: 0,
    catch_ups_sent: 0,
  };

  constructor(
    @Inject(FEED_EVENT_LOG) private readonly log: FeedEventLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.heartbeat = setInterval(() => this.sendHeartbeat(), config.ws.heartbeatMs);
    this.heartbeat.unref();
    this.slowCheck = setInterval(() => this.dropSlowConsumers(), 1000);
    this.slowCheck.unref();
  }

  attach(server: Server): void {
    this.servers.push(server);
  }

  /**
   * The seq the state and what was sent stand at: the last event handed to publish(). Not the
   * log's seq, which moves as soon as an event is stored, a moment before it reaches the hub.
   */
  seq(): number {
    return this.publishedSeq ?? this.log.currentSeq();
  }

  /** Called once the log is loaded and before any event is appended. */
  startAt(seq: number): void {
    this.publishedSeq ??= seq;
  }

  setFreshness(source: () => DataFreshness): void {
    this.freshness = source;
  }

  sockets(): Socket[] {
    return this.servers.flatMap((server) => [...server.sockets.sockets.values()]);
  }

  connectionCount(): number {
    return this.servers.reduce((sum, server) => sum + server.engine.clientsCount, 0);
  }

  countRefusal(reason: string): void {
    this.counters.refused[reason] = (this.counters.refused[reason] ?? 0) + 1;
  }

  stats(): FeedHubStats {
    const sockets = this.sockets();
    return {
      connections: sockets.length,
      subscribed: sockets.filter((s) => clientOf(s)?.channels).length,
      ...this.counters,
      refused: { ...this.counters.refused },
    };
  }

  // ------------------------------------------------------------ from the publisher (seq order)

  /** The bridge's baseline: the state restarts from it, and every subscribed client gets it. */
  resetTo(baseline: BridgeBaselineEvent['payload']): void {
    this.flushBatch();
    this.projection.reset(baseline);
    this.baselineSeq = this.seq();
    for (const socket of this.sockets()) {
      const client = clientOf(socket);
      if (client?.channels && !client.pending) this.sendSnapshot(socket, client.channels, true);
    }
  }

  /** The state at seq() and the seq of its baseline, for replicas that start later (see adopt). */
  exportState(): { seq: number; baselineSeq: number; state: FeedState } {
    this.flushBatch();
    return { seq: this.seq(), baselineSeq: this.baselineSeq, state: this.projection.export() };
  }

  /**
   * A replica that starts while another leads takes the leader's state at seq; the events after
   * it then come through publish(). Subscribed clients get it as a reset snapshot.
   */
  adopt(shared: { seq: number; baselineSeq: number; state: FeedState }): void {
    this.flushBatch();
    this.projection.restore(shared.state);
    this.publishedSeq = shared.seq;
    this.baselineSeq = shared.baselineSeq;
    for (const socket of this.sockets()) {
      const client = clientOf(socket);
      if (client?.channels && !client.pending) this.sendSnapshot(socket, client.channels, true);
    }
  }

  publish(event: FeedEvent): void {
    this.publishedSeq = event.seq;
    this.projection.apply(event);
    for (const socket of this.syncing) clientOf(socket)?.pending?.push(event);
    if (BATCHED_EVENT_TYPES.has(event.type)) {
      this.batch.push(event);
      // The window counts from when the bridge saw the change, not from when it got here.
      this.batchTimer ??= setTimeout(
        () => this.flushBatch(),
        Math.max(0, this.config.ws.batchMs - (Date.now() - Date.parse(event.timestamp))),
      );
      return;
    }
    if (this.batch.length) {
      // Updates are waiting: they go now, with this event last, in one frame per client (one
      // fan-out instead of two, and still in seq order).
      this.batch.push(event);
      this.flushBatch();
      return;
    }
    for (const [room, channels] of this.rooms()) {
      if (!channels.has(CHANNEL_OF[event.type])) continue;
      for (const server of this.servers) server.to(room).emit(FEED_MESSAGE, event);
      this.counters.events_sent++;
    }
  }

  // ------------------------------------------------------------ from the gateway

  /**
   * Subscribes a client: a snapshot for a fresh one, the missed events when its last_seq is
   * still kept (and after the current baseline), else a snapshot with reset. The live stream
   * follows the last seq it was sent, with no gap and no repeat.
   */
  async subscribe(socket: Socket, channels: ReadonlySet<FeedChannel>, lastSeq: number): Promise<void> {
    const client = clientOf(socket)!;
    this.leaveRooms(socket);
    this.flushBatch();
    client.channels = channels;
    const current = this.seq();
    if (lastSeq <= 0) return this.join(socket, client, () => this.sendSnapshot(socket, channels, false));
    const resumable = lastSeq >= this.baselineSeq && lastSeq <= current;
    if (!resumable) {
      this.logResumeReset('last_seq outside the kept sequence', lastSeq, current);
      return this.join(socket, client, () => this.sendSnapshot(socket, channels, true));
    }
    const inMemory = this.log.sinceInMemory(lastSeq, current);
    if (inMemory) return this.join(socket, client, () => this.sendCatchUp(socket, channels, lastSeq, current, inMemory));

    // From the database: live events meanwhile wait in `pending`, then follow the catch-up.
    client.pending = [];
    this.syncing.add(socket);
    let events: FeedEvent[] | null;
    try {
      events = await this.log.since(lastSeq, current);
    } catch (error) {
      this.logger.warn({ err: error }, 'feed catch-up read failed; sending a reset snapshot');
      events = null;
    } finally {
      this.syncing.delete(socket);
    }
    const waiting = client.pending ?? [];
    client.pending = null;
    if (!socket.connected || client.channels !== channels) return;
    this.flushBatch();
    if (events === null || lastSeq < this.baselineSeq) {
      // Retention (or a new baseline) overtook the read: the state is only known as a whole.
      this.logResumeReset(events === null ? 'missed events not all in the log' : 'a new baseline during the read', lastSeq, current);
      return this.join(socket, client, () => this.sendSnapshot(socket, channels, true));
    }
    const all = [...events, ...waiting.filter((e) => e.seq > current)];
    this.join(socket, client, () => this.sendCatchUp(socket, channels, lastSeq, all.at(-1)?.seq ?? current, all));
  }

  /** Why a client that asked to resume got the whole state instead (rare; each is worth a line). */
  private logResumeReset(reason: string, lastSeq: number, current: number): void {
    this.logger.info(
      { reason, last_seq: lastSeq, current_seq: current, baseline_seq: this.baselineSeq, oldest_seq: this.log.oldestSeq() },
      'feed client could not resume; sent a reset snapshot',
    );
  }

  /** A socket is going away: before socket.io forgets its rooms. */
  forget(socket: Socket): void {
    this.leaveRooms(socket);
    this.syncing.delete(socket);
    const client = clientOf(socket);
    if (client) {
      clearTimeout(client.refreshTimer);
      clearTimeout(client.expiryTimer);
    }
  }

  /** Sends one message to one socket. */
  send(socket: Socket, message: FeedServerMessage): void {
    socket.emit(FEED_MESSAGE, message);
  }

  /** Tells the client why, then closes its connection. */
  disconnect(socket: Socket, code: FeedErrorCode, message: string): void {
    this.send(socket, { type: 'error', timestamp: now(), code, message });
    // After the error frame is flushed: disconnect(true) closes the transport.
    setImmediate(() => socket.disconnect(true));
  }

  onApplicationShutdown(): void {
    clearInterval(this.heartbeat);
    clearInterval(this.slowCheck);
    if (this.batchTimer) clearTimeout(this.batchTimer);
  }

  // ------------------------------------------------------------ internals

  private join(socket: Socket, client: FeedClient, sendFirst: () => void): void {
    // Synchronous from here: nothing can be broadcast between the first message and joining.
    sendFirst();
    this.joinRoom(socket, client.channels!);
  }

  private sendSnapshot(socket: Socket, channels: ReadonlySet<FeedChannel>, reset: boolean): void {
    this.send(socket, {
      type: 'snapshot',
      seq: this.seq(),
      timestamp: now(),
      reset,
      data: this.projection.view(channels),
      freshness: this.freshness(),
    });
    this.counters.snapshots_sent++;
    if (reset) this.counters.resets_sent++;
  }

  private sendCatchUp(socket: Socket, channels: ReadonlySet<FeedChannel>, lastSeq: number, toSeq: number, events: FeedEvent[]): void {
    this.send(socket, {
      type: 'catch_up',
      from_seq: lastSeq + 1,
      to_seq: toSeq,
      timestamp: now(),
      events: events.filter((e) => channels.has(CHANNEL_OF[e.type])),
    });
    this.counters.catch_ups_sent++;
  }

  private flushBatch(): void {
    if (this.batchTimer) clearTimeout(this.batchTimer);
    this.batchTimer = undefined;
    if (!this.batch.length) return;
    const events = this.batch;
    this.batch = [];
    for (const [room, channels] of this.rooms()) {
      const mine = events.filter((e) => channels.has(CHANNEL_OF[e.type]));
      if (!mine.length) continue;
      const message: FeedServerMessage = {
        type: 'batch',
        timestamp: now(),
        from_seq: mine[0]!.seq,
        to_seq: mine.at(-1)!.seq,
        events: mine,
      };
      for (const server of this.servers) server.to(room).emit(FEED_MESSAGE, message);
      this.counters.batches_sent++;
      this.counters.events_sent += mine.length;
    }
  }

  private sendHeartbeat(): void {
    this.flushBatch();
    const message: FeedServerMessage = { type: 'heartbeat', seq: this.seq(), timestamp: now() };
    for (const [room] of this.rooms()) for (const server of this.servers) server.to(room).emit(FEED_MESSAGE, message);
  }

  /** The rooms in use (one per distinct channel set) with their channels. */
  private rooms(): ReadonlyMap<string, ReadonlySet<FeedChannel>> {
    return this.roomChannels;
  }

  private joinRoom(socket: Socket, channels: ReadonlySet<FeedChannel>): void {
    const room = roomOf(channels);
    const entry = this.roomMembers.get(room);
    if (entry) entry.members++;
    else {
      this.roomMembers.set(room, { members: 1 });
      this.roomChannels.set(room, channels);
    }
    void socket.join(room);
  }

  private leaveRooms(socket: Socket): void {
    for (const room of socket.rooms) {
      if (!room.startsWith('feed:')) continue;
      void socket.leave(room);
      const entry = this.roomMembers.get(room);
      if (entry && --entry.members <= 0) {
        this.roomMembers.delete(room);
        this.roomChannels.delete(room);
      }
    }
  }

  /** A client that does not read fast enough is closed with a reason, not buffered without bound. */
  private dropSlowConsumers(): void {
    const { maxBacklogMessages, maxBacklogBytes } = this.config.ws;
    for (const socket of this.sockets()) {
      const conn = socket.conn as unknown as { writeBuffer?: unknown[]; transport?: { socket?: { bufferedAmount?: number } } };
      const queued = conn.writeBuffer?.length ?? 0;
      const bytes = conn.transport?.socket?.bufferedAmount ?? 0;
      if (queued <= maxBacklogMessages && bytes <= maxBacklogBytes) continue;
      this.counters.disconnected_slow++;
      this.logger.warn(
        { actor: clientOf(socket)?.actor.name, queued_messages: queued, buffered_bytes: bytes },
        'feed client too slow: disconnected',
      );
      // Its buffer is full: the reason goes as the close, not as another queued message.
      socket.disconnect(true);
    }
  }
}

export function clientOf(socket: Socket): FeedClient | undefined {
  return (socket.data as { feed?: FeedClient }).feed;
}

export function roomOf(channels: ReadonlySet<FeedChannel>): string {
  return `feed:${FEED_CHANNELS.filter((c) => channels.has(c)).join(',')}`;
}
