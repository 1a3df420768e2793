import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { BridgeBaselineEvent, FeedEvent, FeedState, UnsequencedFeedEvent } from '@dnb/contracts';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { Subscription } from 'rxjs';
import { APP_CONFIG, type AppConfig } from '../../common/config/env.schema';
import { LOGGER } from '../../common/logging/logger';
import { AlertDeliveryService } from '../alerts/alert-delivery.service';
import { AuthStateService, type AccessRevocation } from '../auth/auth-state.service';
import { BotBridgeService, type BridgeState } from '../bot-bridge/bot-bridge.service';
import { DatabaseEventLog } from '../feed/database-event-log';
import { FEED_EVENT_LOG } from '../feed/event-log';
import { FeedHub } from '../feed/feed-hub.service';
import { FeedPublisher, type FeedRelay } from '../feed/feed-publisher.service';
import { CLUSTER_CHANNELS, CLUSTER_KEYS, ClusterBus } from './cluster-bus';
import { LeaderLease, postgresLockConnection } from './leader-lease';
import { Leadership } from './leadership';
import { withTimeout } from './with-timeout';

/** A follower asks for the lock this often: a dead leader is replaced within about this (issue 9: < 5 s). */
export const LEASE_RETRY_MS = 500;
const LEASE_CHECK_TIMEOUT_MS = 2000;
/** A leader silent this long (frozen, or its host gone) loses its session, and so the lock. */
const LEASE_IDLE_TIMEOUT_MS = 3000;
/** The leader stores its feed state for late-starting replicas at most this often (they fill the rest from the log). */
const FEED_STATE_EVERY_MS = 250;
/** How long the start waits for Redis before the replica goes on without it. */
const REDIS_WAIT_MS = 5000;

type FeedMessage =
  | { kind: 'events'; epoch: number; events: FeedEvent[] }
  | { kind: 'baseline'; epoch: number; seq: number; baseline: BridgeBaselineEvent['payload'] };
type LeaderRequest = { kind: 'poll' } | { kind: 'deliver' } | { kind: 'sequence'; event: UnsequencedFeedEvent };
interface SharedFeedState {
  seq: number;
  baselineSeq: number;
  state: FeedState;
}

/**
 * Replicas (issue 9). With PostgreSQL (DATABASE_URL) and REDIS_URL every API process is a
 * replica: one leads (LeaderLease: a PostgreSQL advisory lock, a fencing epoch), the others
 * follow. The leader polls the bot, sequences events and does the leader-only work (alerts,
 * history, prunes); it sends each sequenced batch, and its bridge view after each poll, over
 * Redis. A follower's hub takes the batches in seq order (gaps filled from the shared event log)
 * and fans them out to its own sockets, with the same per-client filtering and catch-up; its
 * bridge answers reads from the leader's view; its control calls go to the bot through its own
 * bridge and then ask the leader to poll, so the leader sequences the change. Without both
 * settings nothing here runs and the process is the leader, as before.
 */
@Injectable()
export class ClusterService implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown, FeedRelay {
  readonly instanceId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private bus?: ClusterBus;
  private lease?: LeaderLease;
  /** Follower work (taking in the leader's messages) and promotions, one at a time, in order. */
  private queue: Promise<unknown> = Promise.resolve();
  private feedStateTimer?: NodeJS.Timeout;
  private revocations?: Subscription;
  private unsubscribePolled?: () => void;
  private readonly counts = { promotions: 0, demotions: 0, followed_events: 0, gap_fills: 0 };

  constructor(
    private readonly leadership: Leadership,
    private readonly bridge: BotBridgeService,
    private readonly publisher: FeedPublisher,
    private readonly hub: FeedHub,
    @Inject(FEED_EVENT_LOG) private readonly log: DatabaseEventLog,
    private readonly delivery: AlertDeliveryService,
    private readonly authState: AuthStateService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  get clustered(): boolean {
    return this.config.database.driver === 'postgres' && !!this.config.redisUrl;
  }

  stats(): Record<string, number> {
    return { ...this.counts };
  }

  /** Before any bootstrap hook (the bridge's first poll): a replica starts as a follower. */
  onModuleInit(): void {
    if (!this.clustered) return;
    this.leadership.startClustered();
    this.bridge.follow({ requestPoll: () => this.request({ kind: 'poll' }) });
    this.publisher.setRelay(this);
    this.delivery.forwardWakes(() => this.request({ kind: 'deliver' }));
    this.bus = new ClusterBus(this.config.redisUrl!, this.instanceId, this.logger.child({ component: 'cluster' }));
  }

  async onApplicationBootstrap(): Promise<void> {
    const bus = this.bus;
    if (!bus) return;
    this.revocations = this.authState.revocations$.subscribe((revocation) => {
      if (!revocation.remote) bus.publish(CLUSTER_CHANNELS.revocations, { revocation });
    });
    this.unsubscribePolled = this.bridge.onPolled(() => this.shareBridgeState());
    // Before the lease (a new leader starts from the view it followed) and before the first
    // client: bounded, so a Redis that is down delays the start by REDIS_WAIT_MS at most.
    await this.serial(() => this.connect(bus));
    const database = this.config.database;
    if (database.driver !== 'postgres') return;
    this.lease = new LeaderLease(
      () => postgresLockConnection(database.url, LEASE_CHECK_TIMEOUT_MS, LEASE_IDLE_TIMEOUT_MS),
      // Queued, not awaited: the lease keeps its session busy (idle_session_timeout) while a promotion runs.
      { acquired: (epoch) => void this.serial(() => this.promote(epoch)), lost: (reason) => void this.serial(() => this.demote(reason)) },
      { retryMs: LEASE_RETRY_MS, checkTimeoutMs: LEASE_CHECK_TIMEOUT_MS, holder: this.instanceId },
    );
    this.lease.start();
    this.logger.info({ instance: this.instanceId }, 'replica started as a follower; asking for the leader lease');
  }

  /** Subscribes, then takes the leader's state; waits for Redis at most REDIS_WAIT_MS (the subscriptions complete when it is back). */
  private async connect(bus: ClusterBus): Promise<void> {
    const subscribed = Promise.all([
      bus.subscribe(CLUSTER_CHANNELS.feed, (m) => void this.serial(() => this.onFeed(m as FeedMessage))),
      bus.subscribe(CLUSTER_CHANNELS.bridge, (m) => void this.serial(() => this.onBridge(m as { state: BridgeState; seq: number }))),
      bus.subscribe(CLUSTER_CHANNELS.leader, (m) => this.onRequest(m as LeaderRequest)),
      bus.subscribe(CLUSTER_CHANNELS.revocations, (m) =>
        this.authState.revoke({ ...(m as { revocation: AccessRevocation }).revocation, remote: true }),
      ),
    ]);
    try {
      await withTimeout(subscribed, REDIS_WAIT_MS);
      await withTimeout(this.catchUpWithLeader(), REDIS_WAIT_MS);
    } catch (error) {
      this.logger.error({ err: error }, 'cluster: Redis does not answer; this replica follows without the leader view until it does');
    }
  }

  async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.feedStateTimer);
    this.revocations?.unsubscribe();
    this.unsubscribePolled?.();
    // Closing the lease's session frees the lock at once: a follower leads within LEASE_RETRY_MS.
    await this.lease?.stop();
    await this.bus?.close();
  }

  // ------------------------------------------------------------ leader side (FeedRelay)

  sequenced(events: readonly FeedEvent[]): void {
    if (!events.length) return;
    this.bus?.publish(CLUSTER_CHANNELS.feed, { kind: 'events', epoch: this.leadership.current().epoch, events });
    this.shareFeedStateSoon();
  }

  baseline(seq: number, baseline: BridgeBaselineEvent['payload']): void {
    this.bus?.publish(CLUSTER_CHANNELS.feed, { kind: 'baseline', epoch: this.leadership.current().epoch, seq, baseline });
    this.shareFeedState();
  }

  async forward(event: UnsequencedFeedEvent): Promise<void> {
    await this.bus!.send(CLUSTER_CHANNELS.leader, { kind: 'sequence', event });
  }

  private onRequest(request: LeaderRequest): void {
    if (!this.leadership.isLeader()) return;
    if (request.kind === 'poll') void this.bridge.poll();
    else if (request.kind === 'deliver') this.delivery.wake();
    else if (request.kind === 'sequence') this.publisher.announce(request.event);
  }

  private request(request: LeaderRequest): void {
    this.bus?.publish(CLUSTER_CHANNELS.leader, request);
  }

  /** After a poll: once its events are stored (so a successor never skips them), the bridge view goes out. */
  private shareBridgeState(): void {
    if (!this.leadership.isLeader()) return;
    const failures = this.log.stats().append_failures;
    setImmediate(() => {
      void this.publisher.idle().then(() => {
        if (!this.leadership.isLeader() || !this.bus) return;
        // Events of this poll that were not stored must not look "already seen" to a successor.
        if (this.log.stats().append_failures !== failures) return;
        const state = this.bridge.exportState();
        this.bus.publish(CLUSTER_CHANNELS.bridge, { state, seq: this.log.currentSeq() });
        this.bus.setState(CLUSTER_KEYS.bridgeState, { state });
      });
    });
  }

  private shareFeedStateSoon(): void {
    this.feedStateTimer ??= setTimeout(() => {
      this.feedStateTimer = undefined;
      this.shareFeedState();
    }, FEED_STATE_EVERY_MS);
  }

  private shareFeedState(): void {
    if (!this.leadership.isLeader()) return;
    this.bus?.setState(CLUSTER_KEYS.feedState, this.hub.exportState());
  }

  // ------------------------------------------------------------ follower side

  /** At start: the leader's bridge view and feed state, then the events after it from the log. */
  private async catchUpWithLeader(): Promise<void> {
    const bridge = await this.bus!.getState<{ state: BridgeState }>(CLUSTER_KEYS.bridgeState);
    if (bridge) this.bridge.importState(bridge.state);
    const shared = await this.bus!.getState<SharedFeedState>(CLUSTER_KEYS.feedState);
    if (!shared) return;
    await this.log.followTo(shared.seq);
    this.hub.adopt(shared);
    const after = await this.log.since(shared.seq, this.log.currentSeq());
    for (const event of after ?? []) this.hub.publish(event);
    this.logger.info({ seq: this.hub.seq(), state_seq: shared.seq }, 'replica took the leader feed state');
  }

  private async onFeed(message: FeedMessage): Promise<void> {
    if (this.leadership.isLeader()) return;
    if (message.kind === 'events') {
      const first = message.events[0]?.seq ?? 0;
      if (first > this.log.currentSeq() + 1) this.counts.gap_fills++;
      this.pass(await this.log.follow(message.events));
      return;
    }
    this.pass(await this.log.followTo(message.seq));
    if (this.hub.seq() === message.seq) this.hub.resetTo(message.baseline);
  }

  private async onBridge(message: { state: BridgeState; seq: number }): Promise<void> {
    if (this.leadership.isLeader()) return;
    this.bridge.importState(message.state);
    // The leader's seq: a feed message lost on the way is noticed here, at the latest a poll later.
    if (message.seq > this.log.currentSeq()) {
      this.counts.gap_fills++;
      this.pass(await this.log.followTo(message.seq));
    }
  }

  private pass(events: readonly FeedEvent[]): void {
    for (const event of events) this.hub.publish(event);
    this.counts.followed_events += events.length;
  }

  // ------------------------------------------------------------ role changes

  private async promote(epoch: number): Promise<void> {
    const started = performance.now();
    this.log.fence(epoch, () => void this.lease?.resign('fenced: another replica leads'));
    let missed: FeedEvent[];
    try {
      // The high-water mark from the database, not from the fan-out: seqs go on without a gap.
      const before = this.hub.seq();
      await this.log.init();
      missed = (await this.log.since(before, this.log.currentSeq())) ?? [];
    } catch (error) {
      // Not able to lead: give the lock back (not awaited: this runs inside the lease's turn).
      this.logger.error({ err: error, epoch }, 'could not take over the event log; giving the lead back');
      void this.lease?.resign('promotion failed');
      return;
    }
    this.pass(missed);
    for (const error of await this.leadership.set('leader', epoch)) this.logger.error({ err: error }, 'a leader-only task did not start');
    this.bridge.lead();
    this.counts.promotions++;
    this.shareFeedState();
    this.logger.warn(
      {
        instance: this.instanceId,
        epoch,
        seq: this.log.currentSeq(),
        caught_up: missed.length,
        ms: Math.round(performance.now() - started),
      },
      'this replica leads now',
    );
  }

  private async demote(reason: string): Promise<void> {
    this.bridge.follow({ requestPoll: () => this.request({ kind: 'poll' }) });
    for (const error of await this.leadership.set('follower', null)) this.logger.error({ err: error }, 'a leader-only task did not stop');
    this.counts.demotions++;
    this.logger.error({ instance: this.instanceId, reason }, 'this replica no longer leads; following');
  }

  private serial(work: () => Promise<void>): Promise<void> {
    const run = this.queue.then(work);
    this.queue = run.catch((error: unknown) => this.logger.error({ err: error }, 'cluster step failed'));
    return run.catch(() => undefined);
  }
}
