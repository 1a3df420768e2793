import type { Logger } from 'pino';

/**
 * A bounded in-process publish/subscribe bus. Each subscriber has its own queue and its own
 * delivery loop, so publishing never waits and a slow or failing subscriber never delays the
 * publisher or the other subscribers. When a queue is full the oldest queued event is dropped
 * (the newest state is worth more than the oldest), and every drop is counted per subscriber
 * and event type, and logged at most once per interval per subscriber.
 */

export interface BusEvent {
  type: string;
}

export type EventHandler<E> = (event: E) => void | Promise<void>;

export interface SubscribeOptions {
  /** Most events queued for this subscriber before the oldest is dropped (default 10,000). */
  capacity?: number;
}

export interface SubscriberStats {
  name: string;
  capacity: number;
  /** Events waiting for the handler now. */
  queued: number;
  delivered: number;
  /** Handler calls that threw or rejected. */
  failed: number;
  dropped: number;
  dropped_by_type: Record<string, number>;
}

export interface BusStats {
  published: number;
  published_by_type: Record<string, number>;
  dropped: number;
  subscribers: SubscriberStats[];
}

export const DEFAULT_SUBSCRIBER_CAPACITY = 10_000;
/** At most one drop (or failure) warning per subscriber per this many ms. */
export const DROP_LOG_INTERVAL_MS = 10_000;
/** A delivery loop yields to the event loop after this many events in a row. */
const BATCH = 64;

interface Subscriber<E extends BusEvent> {
  name: string;
  handler: EventHandler<E>;
  capacity: number;
  queue: E[];
  head: number;
  running: boolean;
  closed: boolean;
  delivered: number;
  failed: number;
  dropped: number;
  droppedByType: Map<string, number>;
  /** Drops and failures not yet reported in a log line. */
  unloggedDrops: Map<string, number>;
  unloggedFailures: number;
  lastFailure?: string;
  lastLogAt: number;
}

export class EventBus<E extends BusEvent> {
  private readonly subscribers = new Set<Subscriber<E>>();
  private published = 0;
  private readonly publishedByType = new Map<string, number>();
  /** Drops of subscribers that have since unsubscribed, so totals never go down. */
  private retiredDrops = 0;

  constructor(
    private readonly logger?: Pick<Logger, 'warn'>,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Queues the event for every subscriber and returns at once. */
  publish(event: E): void {
    this.published += 1;
    this.publishedByType.set(event.type, (this.publishedByType.get(event.type) ?? 0) + 1);
    for (const sub of this.subscribers) {
      if (sub.queue.length - sub.head >= sub.capacity) this.drop(sub);
      sub.queue.push(event);
      if (!sub.running) this.start(sub);
    }
  }

  /** Registers a handler; events published from now on reach it in order. Returns the unsubscribe. */
  subscribe(name: string, handler: EventHandler<E>, options: SubscribeOptions = {}): () => void {
    const capacity = options.capacity ?? DEFAULT_SUBSCRIBER_CAPACITY;
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError(`subscriber capacity must be a positive integer, got ${capacity}`);
    const sub: Subscriber<E> = {
      name,
      handler,
      capacity,
      queue: [],
      head: 0,
      running: false,
      closed: false,
      delivered: 0,
      failed: 0,
      dropped: 0,
      droppedByType: new Map(),
      unloggedDrops: new Map(),
      unloggedFailures: 0,
      lastLogAt: -Infinity,
    };
    this.subscribers.add(sub);
    return () => {
      if (sub.closed) return;
      sub.closed = true;
      this.retiredDrops += sub.dropped;
      sub.queue = [];
      sub.head = 0;
      this.subscribers.delete(sub);
    };
  }

  /** Counters for health and metrics. */
  stats(): BusStats {
    const subscribers = [...this.subscribers].map((sub) => ({
      name: sub.name,
      capacity: sub.capacity,
      queued: sub.queue.length - sub.head,
      delivered: sub.delivered,
      failed: sub.failed,
      dropped: sub.dropped,
      dropped_by_type: Object.fromEntries(sub.droppedByType),
    }));
    return {
      published: this.published,
      published_by_type: Object.fromEntries(this.publishedByType),
      dropped: this.retiredDrops + subscribers.reduce((sum, s) => sum + s.dropped, 0),
      subscribers,
    };
  }

  private drop(sub: Subscriber<E>): void {
    const oldest = sub.queue[sub.head]!;
    sub.queue[sub.head] = undefined as unknown as E;
    sub.head += 1;
    sub.dropped += 1;
    sub.droppedByType.set(oldest.type, (sub.droppedByType.get(oldest.type) ?? 0) + 1);
    sub.unloggedDrops.set(oldest.type, (sub.unloggedDrops.get(oldest.type) ?? 0) + 1);
    this.maybeLog(sub);
  }

  private start(sub: Subscriber<E>): void {
    sub.running = true;
    // Never deliver inside publish(): the publisher's turn ends first.
    setImmediate(() => void this.drain(sub));
  }

  private async drain(sub: Subscriber<E>): Promise<void> {
    let inARow = 0;
    while (!sub.closed && sub.head < sub.queue.length) {
      const event = sub.queue[sub.head]!;
      sub.queue[sub.head] = undefined as unknown as E;
      sub.head += 1;
      if (sub.head > 1024 && sub.head * 2 > sub.queue.length) {
        sub.queue = sub.queue.slice(sub.head);
        sub.head = 0;
      }
      try {
        await sub.handler(event);
        sub.delivered += 1;
      } catch (error) {
        sub.failed += 1;
        sub.unloggedFailures += 1;
        sub.lastFailure = (error as Error)?.message ?? String(error);
        this.maybeLog(sub);
      }
      inARow += 1;
      if (inARow >= BATCH) {
        // A handler that never really waits must not starve timers and I/O.
        inARow = 0;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    sub.running = false;
    if (!sub.closed && sub.head < sub.queue.length) this.start(sub);
    else if (!sub.closed) this.maybeLog(sub);
  }

  private maybeLog(sub: Subscriber<E>): void {
    if (sub.unloggedDrops.size === 0 && sub.unloggedFailures === 0) return;
    const now = this.now();
    if (now - sub.lastLogAt < DROP_LOG_INTERVAL_MS) return;
    sub.lastLogAt = now;
    const dropped = Object.fromEntries(sub.unloggedDrops);
    const droppedCount = [...sub.unloggedDrops.values()].reduce((a, b) => a + b, 0);
    this.logger?.warn(
      {
        subscriber: sub.name,
        capacity: sub.capacity,
        dropped_since_last_log: droppedCount,
        dropped_by_type_since_last_log: dropped,
        dropped_total: sub.dropped,
        failed_since_last_log: sub.unloggedFailures,
        last_failure: sub.lastFailure,
      },
      droppedCount > 0 ? 'event subscriber too slow: events dropped' : 'event subscriber failed',
    );
    sub.unloggedDrops.clear();
    sub.unloggedFailures = 0;
  }
}
