import { io, type Socket } from 'socket.io-client';
import * as msgpackParser from 'socket.io-msgpack-parser';
import {
  applyFeedEvent,
  FEED_ACTION,
  FEED_MESSAGE,
  FEED_MSGPACK_PATH,
  FEED_PATH,
  type FeedChannel,
  type FeedEvent,
  type FeedServerMessage,
  type FeedState,
} from '@dnb/contracts';

// A real socket.io-client on the feed that keeps state the way a dashboard does: snapshot,
// then catch-up, batches and events applied in seq order; gaps and repeats are counted.

export interface FeedClientOptions {
  token?: string;
  apiKey?: string;
  origin?: string;
  msgpack?: boolean;
  channels?: FeedChannel[];
}

export class FeedTestClient {
  readonly messages: FeedServerMessage[] = [];
  state: Partial<FeedState> = {};
  lastSeq = 0;
  gaps = 0;
  duplicates = 0;
  resets = 0;
  socket!: Socket;
  private waiters: Array<{ test: (m: FeedServerMessage) => boolean; resolve: (m: FeedServerMessage) => void }> = [];

  constructor(
    public url: string,
    readonly options: FeedClientOptions,
  ) {}

  /** Connects and resolves when connected, or rejects with the server's connect_error. */
  connect(): Promise<void> {
    const { token, apiKey, origin, msgpack } = this.options;
    this.socket = io(this.url, {
      path: msgpack ? FEED_MSGPACK_PATH : FEED_PATH,
      transports: ['websocket'],
      auth: { ...(token ? { token } : {}), ...(apiKey ? { api_key: apiKey } : {}) },
      extraHeaders: origin ? { origin } : {},
      reconnection: false,
      forceNew: true,
      ...(msgpack ? { parser: msgpackParser } : {}),
    });
    this.socket.on(FEED_MESSAGE, (message: FeedServerMessage) => this.receive(message));
    return new Promise((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', (error) => reject(error));
    });
  }

  /**
   * Drops the connection (as a network failure would) and reconnects with the state kept,
   * resuming from lastSeq; resolves with the ms from reconnection to the first snapshot or catch_up.
   */
  async resume(url = this.url): Promise<number> {
    this.socket?.disconnect();
    const from = this.messages.length;
    this.url = url;
    await this.connectWithRetry();
    // Timed from the reconnection (an API restart's own boot time is not the feed's).
    const started = performance.now();
    this.subscribe(this.lastSeq);
    await this.waitFor('snapshot or catch_up', (m) => m.type === 'snapshot' || m.type === 'catch_up', 10_000, from);
    return performance.now() - started;
  }

  /** Connects, retrying while the server is not there (an API restart). */
  async connectWithRetry(timeoutMs = 30_000): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      try {
        return await this.connect();
      } catch (error) {
        this.socket.disconnect();
        if (performance.now() > deadline) throw error;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }

  subscribe(lastSeq = this.lastSeq, channels = this.options.channels): void {
    this.socket.emit(FEED_ACTION, { action: 'subscribe', last_seq: lastSeq, ...(channels ? { channels } : {}) });
  }

  send(action: unknown): void {
    this.socket.emit(FEED_ACTION, action);
  }

  /** Resolves with the first message (already received or coming) that passes the test. */
  waitFor<T extends FeedServerMessage>(what: string, test: (m: FeedServerMessage) => boolean, timeoutMs = 10_000, from = 0): Promise<T> {
    const seen = this.messages.slice(from).find(test);
    if (seen) return Promise.resolve(seen as T);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`feed: no ${what} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        test,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m as T);
        },
      });
    });
  }

  /** The first event of this type, sent alone or inside a batch or catch-up. */
  waitForEvent<T extends FeedEvent['type']>(type: T, timeoutMs = 10_000): Promise<FeedEvent<T>> {
    const find = (m: FeedServerMessage): FeedEvent<T> | undefined => {
      if (m.type === type) return m as FeedEvent<T>;
      if (m.type === 'batch' || m.type === 'catch_up') return m.events.find((e) => e.type === type) as FeedEvent<T> | undefined;
      return undefined;
    };
    return this.waitFor(type, (m) => find(m) !== undefined, timeoutMs).then((m) => find(m)!);
  }

  disconnected(): Promise<string> {
    if (!this.socket.connected) return Promise.resolve('already');
    return new Promise((resolve) => this.socket.once('disconnect', (reason) => resolve(reason)));
  }

  close(): void {
    this.socket?.disconnect();
  }

  private receive(message: FeedServerMessage): void {
    this.messages.push(message);
    switch (message.type) {
      case 'snapshot':
        this.state = structuredClone(message.data);
        this.lastSeq = message.seq;
        if (message.reset) this.resets++;
        break;
      case 'catch_up':
        if (message.from_seq !== this.lastSeq + 1) this.gaps++;
        for (const event of message.events) this.apply(event);
        this.lastSeq = Math.max(this.lastSeq, message.to_seq);
        break;
      case 'batch':
        for (const event of message.events) this.apply(event);
        break;
      case 'heartbeat':
        break;
      default:
        if ('seq' in message && typeof message.seq === 'number') this.apply(message as FeedEvent);
    }
    for (const waiter of [...this.waiters]) {
      if (waiter.test(message)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(message);
      }
    }
  }

  /** Applies one event in seq order; every channel is subscribed in these tests, so seqs are contiguous. */
  private apply(event: FeedEvent): void {
    if (event.seq <= this.lastSeq) {
      this.duplicates++;
      return;
    }
    if (event.seq !== this.lastSeq + 1) this.gaps++;
    this.lastSeq = event.seq;
    applyFeedEvent(this.state, event);
  }
}
