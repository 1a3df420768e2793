import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { feedEventOf, type DomainEvent, type UnsequencedFeedEvent } from '@dnb/contracts';
import type { Logger } from 'pino';
import { APP_CONFIG, type AppConfig } from '../../common/config/env.schema';
import { LOGGER } from '../../common/logging/logger';
import { BotBridgeService } from '../bot-bridge/bot-bridge.service';
import { FEED_EVENT_LOG, type FeedEventLog } from './event-log';
import { FeedHub } from './feed-hub.service';

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

  private async handle(event: DomainEvent): Promise<void> {
    if (event.type === 'bridge_baseline') {
      // After whatever is being stored, so the reset lands in seq order too.
      const run = this.tail.then(() => this.hub.resetTo(event.payload));
      this.tail = run.catch(() => undefined);
      return run;
    }
    const feedEvent = feedEventOf(event);
    if (!feedEvent) return;
    try {
      await this.publish(feedEvent);
    } catch (error) {
      // Not stored, so not sent: clients see no seq for it; the next poll's changes carry on.
      this.logger.error({ err: error, type: event.type }, 'feed event could not be stored; not sent');
      throw error;
    }
  }
}
