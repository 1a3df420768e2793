import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { BOT_LIFECYCLES } from '@dnb/contracts';
import { Counter, Gauge } from 'prom-client';
import { Metrics } from '../../common/metrics/metrics';
import { DatabaseHealthRepository } from '../../database/database-health.repository';
import { AlertDeliveryService } from '../alerts/alert-delivery.service';
import { BotBridgeService } from '../bot-bridge/bot-bridge.service';
import { Leadership } from '../cluster/leadership';
import { FEED_EVENT_LOG, type FeedEventLog } from '../feed/event-log';
import { FeedHub } from '../feed/feed-hub.service';

/** A counter that follows a running total kept elsewhere (it only ever adds the difference). */
function followTotal(counter: Counter<string>, labels: Record<string, string>, seen: Map<string, number>, total: number): void {
  const key = JSON.stringify(labels);
  const last = seen.get(key) ?? 0;
  // Zero is written too: a series that exists at 0 tells a rate of 0 from a missing target.
  if (total > last || !seen.has(key)) counter.inc(labels, Math.max(0, total - last));
  seen.set(key, Math.max(last, total));
}

/**
 * What Prometheus reads at each scrape from the services that already count it (the feed,
 * the event bus, the bridge, the alert outbox, the database), so no hot path pays for it.
 */
@Injectable()
export class MetricsCollectors implements OnModuleInit {
  constructor(
    private readonly metrics: Metrics,
    private readonly bridge: BotBridgeService,
    private readonly feedHub: FeedHub,
    @Inject(FEED_EVENT_LOG) private readonly eventLog: FeedEventLog,
    private readonly alertDelivery: AlertDeliveryService,
    private readonly database: DatabaseHealthRepository,
    private readonly leadership: Leadership,
  ) {}

  onModuleInit(): void {
    const registers = [this.metrics.registry];
    const { bridge, feedHub, eventLog, alertDelivery, database, leadership } = this;

    new Gauge({
      name: 'dnb_cluster_leader',
      help: 'Replicas: 1 while this process leads (polls the bot, sequences events), 0 while it follows',
      registers,
      collect() {
        this.set(leadership.isLeader() ? 1 : 0);
      },
    });
    new Gauge({
      name: 'dnb_cluster_epoch',
      help: 'Replicas: the fencing epoch this process leads with (0 without replicas; -1 while following)',
      registers,
      collect() {
        this.set(leadership.current().epoch ?? -1);
      },
    });

    new Gauge({
      name: 'dnb_ws_connections',
      help: 'Socket.IO connections, and those subscribed to the feed',
      labelNames: ['kind'],
      registers,
      collect() {
        const stats = feedHub.stats();
        this.set({ kind: 'connected' }, stats.connections);
        this.set({ kind: 'subscribed' }, stats.subscribed);
      },
    });
    const feedSeen = new Map<string, number>();
    new Counter({
      name: 'dnb_feed_messages_sent_total',
      help: 'Feed messages sent to sockets by kind (rate() gives events/s)',
      labelNames: ['kind'],
      registers,
      collect() {
        const stats = feedHub.stats();
        for (const [kind, total] of Object.entries({
          event: stats.events_sent,
          batch: stats.batches_sent,
          snapshot: stats.snapshots_sent,
          catch_up: stats.catch_ups_sent,
          reset: stats.resets_sent,
        })) {
          followTotal(this, { kind }, feedSeen, total);
        }
      },
    });
    new Gauge({
      name: 'dnb_feed_sequence',
      help: 'The newest sequence number of the feed event log (rate() gives sequenced events/s)',
      registers,
      collect() {
        this.set(eventLog.stats().current_seq);
      },
    });
    const logSeen = new Map<string, number>();
    new Counter({
      name: 'dnb_feed_log_append_failures_total',
      help: 'Feed events that could not be stored (and so were not sent)',
      registers,
      collect() {
        followTotal(this, {}, logSeen, eventLog.stats().append_failures);
      },
    });
    new Gauge({
      name: 'dnb_event_queue_depth',
      help: "Events waiting in each bus subscriber's bounded queue, and its capacity",
      labelNames: ['subscriber', 'kind'],
      registers,
      collect() {
        for (const sub of bridge.events.stats().subscribers) {
          this.set({ subscriber: sub.name, kind: 'queued' }, sub.queued);
          this.set({ subscriber: sub.name, kind: 'capacity' }, sub.capacity);
        }
      },
    });
    const dropSeen = new Map<string, number>();
    new Counter({
      name: 'dnb_event_queue_dropped_total',
      help: 'Events dropped by a full subscriber queue (each drop is also logged)',
      labelNames: ['subscriber'],
      registers,
      collect() {
        for (const sub of bridge.events.stats().subscribers) followTotal(this, { subscriber: sub.name }, dropSeen, sub.dropped);
      },
    });
    new Gauge({
      name: 'dnb_bot_lifecycle',
      help: "The bot's lifecycle as the bridge sees it (1 for the current state)",
      labelNames: ['state'],
      registers,
      collect() {
        const current = bridge.snapshot().lifecycle;
        for (const state of BOT_LIFECYCLES) this.set({ state }, state === current ? 1 : 0);
      },
    });
    new Gauge({
      name: 'dnb_bot_data_age_seconds',
      help: "Age of the bridge's oldest core data (stats, positions, pause state); absent before the first read",
      registers,
      collect() {
        this.reset();
        const age = bridge.snapshot().freshness.age_ms;
        if (age !== null) this.set(age / 1000);
      },
    });
    new Gauge({
      name: 'dnb_bot_breaker_open',
      help: "The bridge's circuit breaker towards the bot: 1 open or half-open, 0 closed",
      registers,
      collect() {
        this.set(bridge.snapshot().breakerState === 'closed' ? 0 : 1);
      },
    });
    const alertSeen = new Map<string, number>();
    new Counter({
      name: 'dnb_alert_deliveries_total',
      help: 'Alert delivery outcomes: sent, retried, dead (gave up), postponed (channel breaker open)',
      labelNames: ['outcome'],
      registers,
      collect() {
        const stats = alertDelivery.stats();
        for (const outcome of ['sent', 'retried', 'dead', 'postponed'] as const) followTotal(this, { outcome }, alertSeen, stats[outcome]);
      },
    });
    new Gauge({
      name: 'dnb_alert_channel_breaker_open',
      help: 'Per alert channel: 1 while its circuit breaker is open or half-open',
      labelNames: ['channel'],
      registers,
      collect() {
        this.reset();
        for (const [channel, state] of Object.entries(alertDelivery.stats().breakers)) this.set({ channel }, state === 'closed' ? 0 : 1);
      },
    });
    new Gauge({
      name: 'dnb_database_probe_seconds',
      help: 'Time of a trivial query and the migrations count, measured at the scrape (NaN when it failed)',
      registers,
      async collect() {
        const started = performance.now();
        try {
          await database.probe();
          this.set((performance.now() - started) / 1000);
        } catch {
          this.set(Number.NaN);
        }
      },
    });
  }
}
