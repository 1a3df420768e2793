import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { feedEventOf, type BridgeBaselineEvent, type DomainEvent, type UnsequencedFeedEvent } from '@dnb/contracts';
import type { Logger } from 'pino';
import { APP_CONFIG, type AppConfig } from '../../common/config/env.schema';
import { LOGGER } from '../../common/logging/logger';
import { BotBridgeService } from '../bot-bridge/bot-bridge.service';
import { FEED_EVENT_LOG, type FeedEventLog } from './event-log';
import { FeedHub } from './feed-hub.service';

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

  constructor(
    private readonly bridge: BotBridgeService,
    @Inject(FEED_EVENT_LOG) private readonly log: FeedEventLog,
    private readonly hub: FeedHub,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

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
    // One at a time, store then send: the hub gets events in exactly the order of their seqs.
    const run = this.tail.then(async () => {
      const [sequenced] = await this.log.append([event]);
      this.hub.publish(sequenced!);
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
        for (const sequenced of await this.log.append(batch)) this.hub.publish(sequenced);
      };
      for (const item of items) {
        if ('baseline' in item) {
          await store();
          this.hub.resetTo(item.baseline); // in seq order: after what came before it
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
