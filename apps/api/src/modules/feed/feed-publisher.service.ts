import { Inject, Injectable, Optional, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { feedEventOf, type BridgeBaselineEvent, type DomainEvent, type FeedEvent, type UnsequencedFeedEvent } from '@dnb/contracts';
import type { Logger } from 'pino';
import { APP_CONFIG, type AppConfig } from '../../common/config/env.schema';
import { LOGGER } from '../../common/logging/logger';
import { BotBridgeService } from '../bot-bridge/bot-bridge.service';
import { Leadership } from '../cluster/leadership';
import { FEED_EVENT_LOG, type FeedEventLog } from './event-log';
import { FeedHub } from './feed-hub.service';

/**
 * Replicas (issue 9): where the leader's sequenced events go besides its own hub (every other
 * replica's hub), and where a follower's own events go to be sequenced (the leader).
 */
export interface FeedRelay {
  /** Events just stored, in seq order. */
  sequenced(events: readonly FeedEvent[]): void;
  /** The hub restarted from a bridge baseline at this seq. */
  baseline(seq: number, baseline: BridgeBaselineEvent['payload']): void;
  /** A follower's event (a config change) for the leader to sequence. */
  forward(event: UnsequencedFeedEvent): Promise<void>;
}

/** Bridge events gathered for one store at most (a poll makes a few dozen). */
const MAX_PENDING = 1000;

/**
 * Bridge events -> sequenced, durable feed events -> the hub, in bus order. It reads the bus
 * through its own bounded queue (Q3: a slow database never blocks the bridge; drops are counted
 * by the bus and reported by /health). An event is sent only once it is stored, so a seq a
 * client has seen is never reused after a restart.
 */
@Injectable()
export class FeedPublisher implements OnApplicationBootstrap, OnModuleDestroy {
  private unsubscribe?: () => void;
  private tail: Promise<void> = Promise.resolve();
  private pending: Array<UnsequencedFeedEvent | { baseline: BridgeBaselineEvent['payload'] }> = [];
  private storing?: Promise<void>;
  private relay: FeedRelay | null = null;

  constructor(
    private readonly bridge: BotBridgeService,
    @Inject(FEED_EVENT_LOG) private readonly log: FeedEventLog,
    private readonly hub: FeedHub,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    @Optional() private readonly leadership?: Leadership,
  ) {}

  /** Replicas: the cluster service relays what is sequenced here, and forwards a follower's events. */
  setRelay(relay: FeedRelay | null): void {
    this.relay = relay;
  }

  /** Resolves once every bridge event received so far is stored and handed to the hub. */
  async idle(): Promise<void> {
    await this.storing;
    await this.tail;
  }

  onApplicationBootstrap(): void {
    this.hub.setFreshness(() => this.bridge.snapshot().freshness);
    this.hub.startAt(this.log.currentSeq());
    this.unsubscribe = this.bridge.events.subscribe('feed', (event) => this.handle(event), {
      capacity: this.config.feed.queueCapacity,
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  /** Publishes an event that does not come from the bridge (config changes, alerts). */
  publish(event: UnsequencedFeedEvent): Promise<void> {
    // Replicas: only the leader sequences.
    if (this.relay && this.leadership && !this.leadership.isLeader()) return this.relay.forward(event);
    // One at a time, store then send: the hub gets events in exactly the order of their seqs.
    const run = this.tail.then(async () => {
      const stored = await this.log.append([event]);
      this.hub.publish(stored[0]!);
      this.relay?.sequenced(stored);
    });
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** publish() for callers that must not fail because of the feed (a config change already made). */
  announce(event: UnsequencedFeedEvent): void {
    this.publish(event).catch((error: unknown) =>
      this.logger.error({ err: error, type: event.type }, 'feed event could not be stored; not sent'),
    );
  }

  /**
   * Bridge events are stored a poll at a time: they gather until the bus's delivery turn ends,
   * then go to the log in one append. Past MAX_PENDING the bus waits for the store, and its own
   * bounded queue (drops counted) takes over.
   */
  private handle(event: DomainEvent): Promise<void> | undefined {
    if (event.type === 'bridge_baseline') this.pending.push({ baseline: event.payload });
    else {
      const feedEvent = feedEventOf(event);
      if (!feedEvent) return undefined;
      this.pending.push(feedEvent);
    }
    const stored = (this.storing ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.storePending()));
    return this.pending.length >= MAX_PENDING ? stored : undefined;
  }

  private storePending(): Promise<void> {
    this.storing = undefined;
    const items = this.pending;
    this.pending = [];
    const run = this.tail.then(async () => {
      let events: UnsequencedFeedEvent[] = [];
      const store = async () => {
        if (!events.length) return;
        const batch = events;
        events = [];
        const stored = await this.log.append(batch);
        for (const sequenced of stored) this.hub.publish(sequenced);
        this.relay?.sequenced(stored);
      };
      for (const item of items) {
        if ('baseline' in item) {
          await store();
          this.hub.resetTo(item.baseline); // in seq order: after what came before it
          this.relay?.baseline(this.hub.seq(), item.baseline);
        } else events.push(item);
      }
      await store();
    });
    this.tail = run.catch((error: unknown) =>
      // Not stored, so not sent: clients see no seq for them; later polls carry on (counted by the log).
      this.logger.error({ err: error, events: items.length }, 'feed events could not be stored; not sent'),
    );
    return run.catch(() => undefined);
  }
}
