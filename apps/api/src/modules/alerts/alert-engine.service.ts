import { Inject, Injectable, Optional, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Cron, Interval } from '@nestjs/schedule';
import { randomUUID } from 'node:crypto';
import type { BotFundingRate, BotPauseState, BotPositionSummary, DomainEvent } from '@dnb/contracts';
import type { Logger } from 'pino';
import type { Actor } from '../../common/auth/actor';
import { APP_CONFIG, type AppConfig } from '../../common/config/env.schema';
import { LOGGER } from '../../common/logging/logger';
import { BotBridgeService } from '../bot-bridge/bot-bridge.service';
import { Leadership } from '../cluster/leadership';
import { FeedPublisher } from '../feed/feed-publisher.service';
import { TradesRepository } from '../history/trades.repository';
import { AlertDeliveryService } from './alert-delivery.service';
import { AlertGate } from './alert-gate';
import { alertMessage } from './alert-messages';
import {
  breakerAlerts,
  breakerKey,
  chainOutageAlerts,
  chainKey,
  clearedBreakers,
  dailyPnlFacts,
  deltaDriftAlert,
  deltaKey,
  fundingFlipAlerts,
  healthAlert,
  healthKey,
  type AlertCandidate,
} from './alert-rules';
import { AlertSettingsService } from './alert-settings.service';
import { AlertStore, type Silence, type StoredAlert } from './alert-store';

/** The gate forgets throttles older than the longest interval it applies (an hour covers every rule). */
const GATE_MEMORY_MS = 3_600_000;
const SILENCES_REFRESH_MS = 10_000;
const REACHABILITY_KEY = 'bot:reachability';
/** Trades closed this recently are watched for a liquidation reason; one without a reason is given this long. */
const TRADE_WATCH_MS = 120_000;
const TRADE_REASON_WAIT_MS = 60_000;
/** Position fields whose change can change an alert. */
const WATCHED = ['asgard_hf', 'hyperliquid_mf', 'delta_ratio', 'status'] as const;

export interface EngineStats {
  raised: number;
  throttled: number;
  held_by_ack: number;
  muted: number;
  escalated: number;
}

/**
 * Evaluates every bridge update against the rules (spec 6.1) and raises what the gate lets
 * through (spec 6.4 / Q11): stored with its deliveries before anything is sent (the outbox),
 * muted but kept when a silence matches, pushed on the real-time feed as `alert`. Also the
 * dead-man's switch (bot silent for BOT_SILENCE_ALERT_S), escalation of unacknowledged critical
 * alerts, and the hourly heartbeat. It reads the bus through its own bounded queue.
 */
@Injectable()
export class AlertEngineService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly gate = new AlertGate();
  private readonly positions = new Map<string, BotPositionSummary>();
  private pauseState: BotPauseState | null = null;
  private fundingRates: readonly BotFundingRate[] | null = null;
  private silences: Silence[] = [];
  private silencesReadAt = -Infinity;
  /** Whether bot_unreachable was raised for the current silence (its recovery is then announced). */
  private unreachableRaised = false;
  private unsubscribe?: () => void;
  private readonly counts: EngineStats = { raised: 0, throttled: 0, held_by_ack: 0, muted: 0, escalated: 0 };
  /** Closed trades whose reason was looked at (id -> when), so each liquidation alerts once. */
  private readonly decidedTrades = new Map<number, number>();
  /** Raises one at a time, in the order they were found. */
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly bridge: BotBridgeService,
    private readonly store: AlertStore,
    private readonly settings: AlertSettingsService,
    private readonly delivery: AlertDeliveryService,
    private readonly feed: FeedPublisher,
    private readonly trades: TradesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    @Optional() private readonly leadership?: Leadership,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.restoreMemory();
    this.unsubscribe = this.bridge.events.subscribe('alerts', (event) => this.onEvent(event), {
      capacity: this.config.alerts.queueCapacity,
    });
    // Replicas: a follower's bus is quiet; the one that takes over starts from what the
    // previous leader stored and from the bridge view it followed.
    this.leadership?.onChange((view) => (view.role === 'leader' ? this.takeOver() : undefined));
  }

  /** What was sent and acknowledged before a restart (or by the previous leader) still holds repeats back. */
  private async restoreMemory(): Promise<void> {
    const since = Date.now() - GATE_MEMORY_MS;
    for (const sent of await this.store.lastSent(since)) this.gate.restore(sent.metricKey, sent.type, sent.sentAt);
    for (const acked of await this.store.acknowledgedLevels(since)) this.gate.acknowledge(acked.metricKey, acked.level);
    // Closes seen before this start were dealt with by the previous process.
    for (const trade of await this.trades.observedSince(new Date(Date.now() - TRADE_WATCH_MS).toISOString())) {
      this.decidedTrades.set(trade.id, Date.now());
    }
  }

  /** This replica leads now: its memory from the store, its view from the bridge (as a baseline would give it). */
  private async takeOver(): Promise<void> {
    try {
      await this.restoreMemory();
      const view = this.bridge.snapshot();
      if (!view.positions) return;
      await this.onEvent({
        type: 'bridge_baseline',
        timestamp: new Date().toISOString(),
        payload: {
          positions: view.positions,
          pause_state: view.pauseState,
          stats: view.stats,
          lifecycle: view.lifecycle,
          reason: view.lastError,
        },
      });
    } catch (error) {
      this.logger.error({ err: error }, 'alert engine could not take over; it follows the next events');
    }
  }

  private leading(): boolean {
    return !this.leadership || this.leadership.isLeader();
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  stats(): EngineStats {
    return { ...this.counts };
  }

  /** Acknowledges an alert: repeats of its metric are held back until the severity rises. */
  async acknowledge(id: string, actor: Actor): Promise<StoredAlert | null> {
    const alert = await this.store.acknowledge(id, actor.name, Date.now());
    if (alert?.acknowledgedAt) this.gate.acknowledge(alert.metricKey, alert.level);
    return alert;
  }

  /** A silence was added or ended: read them again before the next evaluation. */
  silencesChanged(): void {
    this.silencesReadAt = -Infinity;
  }

  private async onEvent(event: DomainEvent): Promise<void> {
    const now = Date.parse(event.timestamp) || Date.now();
    switch (event.type) {
      case 'bridge_baseline':
        this.positions.clear();
        for (const position of Object.values(event.payload.positions)) this.positions.set(position.position_id, position);
        // A breaker already active when first seen was there before this process: no new alert.
        this.pauseState = event.payload.pause_state;
        for (const position of this.positions.values()) await this.evaluatePosition(position, now);
        return;
      case 'position_opened':
        this.positions.set(event.payload.position.position_id, event.payload.position);
        return this.evaluatePosition(event.payload.position, now);
      case 'position_update': {
        const before = this.positions.get(event.payload.position_id);
        if (!before) return;
        const after = { ...before, ...event.payload.changes };
        this.positions.set(after.position_id, after);
        if (WATCHED.some((field) => field in event.payload.changes)) await this.evaluatePosition(after, now);
        return;
      }
      case 'position_closed':
        this.positions.delete(event.payload.position_id);
        this.gate.clear(healthKey(event.payload.position_id));
        this.gate.clear(deltaKey(event.payload.position_id));
        return;
      case 'pause_state_change': {
        const previous = this.pauseState;
        this.pauseState = event.payload.current;
        for (const breaker of clearedBreakers(previous, event.payload.current)) this.gate.clear(breakerKey(breaker));
        for (const found of breakerAlerts(previous, event.payload.current, this.settings.rules())) await this.raise(found, now);
        return;
      }
      default:
        return;
    }
  }

  private async evaluatePosition(position: BotPositionSummary, now: number): Promise<void> {
    const rules = this.settings.rules();
    const health = position.status === 'closed' ? null : healthAlert(position, rules);
    if (health) await this.raise(health, now);
    else this.gate.clear(healthKey(position.position_id));
    const drift = deltaDriftAlert(position, rules);
    if (drift) await this.raise(drift, now);
    else this.gate.clear(deltaKey(position.position_id));
  }

  /** Every 5 s: the dead-man's switch, funding flips, chain outages, liquidations, escalation, and the gate's memory bound. */
  @Interval('alerts-tick', 5000)
  async tick(): Promise<void> {
    if (!this.leading()) return;
    const now = Date.now();
    try {
      await this.checkReachability(now);
      await this.checkFunding(now);
      await this.checkChains(now);
      await this.checkLiquidations(now);
      await this.escalate(now);
      this.gate.prune(now, GATE_MEMORY_MS);
    } catch (error) {
      this.logger.error({ err: error }, 'alert checks failed; next try in 5 s');
    }
  }

  /** Spec 6.1 heartbeat: an hourly status line, so a silent channel is noticed. */
  @Cron('0 0 * * * *', { name: 'alerts-heartbeat', timeZone: 'UTC' })
  async heartbeat(): Promise<void> {
    if (!this.leading()) return;
    const snapshot = this.bridge.snapshot();
    const open = Object.values(snapshot.positions ?? {}).filter((p) => p.status === 'open').length;
    await this.raise(
      {
        type: 'heartbeat',
        severity: 'info',
        metricKey: 'heartbeat',
        level: 1,
        throttleMs: 0,
        positionId: null,
        asset: null,
        facts: {
          bot_state: snapshot.lifecycle,
          open_positions: open,
          paused: snapshot.pauseState?.paused ?? null,
          scope: snapshot.pauseState?.scope ?? null,
        },
      },
      Date.now(),
    ).catch((error: unknown) => this.logger.error({ err: error }, 'heartbeat alert failed'));
  }

  private async checkReachability(now: number): Promise<void> {
    const snapshot = this.bridge.snapshot();
    const silentSince = snapshot.lifecycle === 'unavailable' && snapshot.lifecycleSince ? Date.parse(snapshot.lifecycleSince) : null;
    if (silentSince !== null) {
      if (!this.unreachableRaised && now - silentSince >= this.config.alerts.botSilenceAlertS * 1000) {
        this.unreachableRaised = true;
        await this.raise(
          {
            type: 'bot_unreachable',
            severity: 'critical',
            metricKey: REACHABILITY_KEY,
            level: 2,
            throttleMs: 0,
            positionId: null,
            asset: null,
            facts: { silent_since: new Date(silentSince).toISOString(), reason: snapshot.lastError },
          },
          now,
        );
      }
      return;
    }
    if (this.unreachableRaised) {
      this.unreachableRaised = false;
      this.gate.clear(REACHABILITY_KEY);
      await this.raise(
        {
          type: 'bot_recovered',
          severity: 'info',
          metricKey: REACHABILITY_KEY,
          level: 1,
          throttleMs: 0,
          positionId: null,
          asset: null,
          facts: { silent_for: snapshot.lifecycleSince ? `until ${snapshot.lifecycleSince}` : null, bot_state: snapshot.lifecycle },
        },
        now,
      );
    }
  }

  private async checkFunding(now: number): Promise<void> {
    const rates = this.bridge.snapshot().fundingRates?.rates;
    if (!rates || rates === this.fundingRates) return;
    const previous = this.fundingRates;
    this.fundingRates = rates;
    for (const found of fundingFlipAlerts(previous, rates, [...this.positions.values()], this.settings.rules()))
      await this.raise(found, now);
  }

  /** Spec 6.1 daily_pnl at 00:00 UTC: the day that just ended (also callable for any `now`). */
  @Cron('0 0 0 * * *', { name: 'alerts-daily-pnl', timeZone: 'UTC' })
  dailyPnlAtMidnight(): Promise<void> {
    if (!this.leading()) return Promise.resolve();
    return this.dailyPnl(Date.now());
  }

  async dailyPnl(now: number): Promise<void> {
    const end = Math.floor(now / 86_400_000) * 86_400_000;
    const start = end - 86_400_000;
    try {
      const trades = await this.trades.pnlBetween(new Date(start).toISOString(), new Date(end).toISOString());
      const open = [...this.positions.values()].filter((p) => p.status !== 'closed');
      await this.raise(
        {
          type: 'daily_pnl',
          severity: 'info',
          metricKey: 'daily_pnl',
          level: 1,
          throttleMs: 0,
          positionId: null,
          asset: null,
          facts: dailyPnlFacts(new Date(start).toISOString().slice(0, 10), trades, open),
        },
        now,
      );
    } catch (error) {
      this.logger.error({ err: error }, 'daily PnL alert failed');
    }
  }

  /**
   * position_liquidation: a trade whose close reason (from the bot's action_log, which may come
   * a little after the close) says it was liquidated.
   */
  private async checkLiquidations(now: number): Promise<void> {
    for (const trade of await this.trades.observedSince(new Date(now - TRADE_WATCH_MS).toISOString())) {
      if (this.decidedTrades.has(trade.id)) continue;
      if (trade.close_reason === null && now - Date.parse(trade.observed_at) < TRADE_REASON_WAIT_MS) continue;
      this.decidedTrades.set(trade.id, now);
      if (!trade.close_reason || !/liquidat/i.test(trade.close_reason)) continue;
      await this.raise(
        {
          type: 'position_liquidation',
          severity: 'critical',
          metricKey: `${trade.position_id}:liquidation`,
          level: 1,
          throttleMs: this.settings.rules().throttle_seconds.position_liquidation * 1000,
          positionId: trade.position_id,
          asset: trade.asset,
          facts: {
            reason: trade.close_reason,
            deployed_usd: trade.deployed_usd,
            total_pnl_usd: trade.total_pnl_usd,
            closed_at: trade.closed_at,
            health_factor: trade.last_seen.asgard_hf,
          },
        },
        now,
      );
    }
    for (const [id, at] of this.decidedTrades) if (now - at > 2 * TRADE_WATCH_MS) this.decidedTrades.delete(id);
  }

  private async checkChains(now: number): Promise<void> {
    const chains = this.bridge.snapshot().chains;
    if (!chains) return;
    const { down, up } = chainOutageAlerts(chains, this.settings.rules());
    for (const chain of up) this.gate.clear(chainKey(chain));
    for (const found of down) await this.raise(found, now);
  }

  /** Critical alerts nobody acknowledged within ESCALATE_AFTER_MIN go again to the escalation channels. */
  private async escalate(now: number): Promise<void> {
    const due = await this.store.awaitingEscalation(now - this.config.alerts.escalateAfterMin * 60_000);
    if (due.length === 0) return;
    const channels = this.settings.escalationChannels().map((c) => c.name);
    for (const alert of due) {
      await this.store.addDeliveries(alert.id, alert.severity, channels, 'escalation', now);
      await this.store.markEscalated(alert.id, now);
      this.counts.escalated += 1;
      this.logger.warn({ alert_id: alert.id, alert_type: alert.type, channels }, 'critical alert not acknowledged in time: escalated');
    }
    this.delivery.wake();
  }

  private raise(candidate: AlertCandidate, now: number): Promise<void> {
    const run = this.tail.then(() => this.raiseNow(candidate, now));
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async raiseNow(candidate: AlertCandidate, now: number): Promise<void> {
    const decision = this.gate.decide(candidate, now);
    if (decision === 'throttled') {
      this.counts.throttled += 1;
      return;
    }
    if (decision === 'acknowledged') {
      this.counts.held_by_ack += 1;
      return;
    }
    const silence = await this.matchingSilence(candidate, now);
    const alert: StoredAlert = {
      id: `al_${randomUUID()}`,
      type: candidate.type,
      severity: candidate.severity,
      metricKey: candidate.metricKey,
      level: candidate.level,
      positionId: candidate.positionId,
      asset: candidate.asset,
      facts: candidate.facts,
      createdAt: now,
      title: '',
      silencedBy: silence?.id ?? null,
      acknowledgedAt: null,
      acknowledgedBy: null,
      escalatedAt: null,
    };
    const message = alertMessage(alert);
    alert.title = message.title;
    const channels = silence ? [] : this.settings.channelsFor(alert.severity).map((c) => c.name);
    await this.store.raise(alert, channels);
    if (silence) this.counts.muted += 1;
    else this.counts.raised += 1;
    if (channels.length) this.delivery.wake();
    this.logger.info(
      {
        alert_id: alert.id,
        alert_type: alert.type,
        severity: alert.severity,
        metric_key: alert.metricKey,
        channels,
        silenced_by: alert.silencedBy,
      },
      silence ? 'alert raised (muted by a silence)' : 'alert raised',
    );
    this.feed.announce({
      type: 'alert',
      timestamp: new Date(now).toISOString(),
      data: {
        id: alert.id,
        alert_type: alert.type,
        severity: alert.severity,
        title: message.title,
        message: message.lines.map(([label, value]) => `${label}: ${value}`).join('\n'),
        position_id: alert.positionId,
        asset: alert.asset,
      },
    });
  }

  private async matchingSilence(candidate: AlertCandidate, now: number): Promise<Silence | undefined> {
    if (now - this.silencesReadAt > SILENCES_REFRESH_MS) {
      this.silences = await this.store.activeSilences(now);
      this.silencesReadAt = now;
    }
    return this.silences.find(
      (s) =>
        s.startsAt <= now &&
        now < s.endsAt &&
        (s.alertType === null || s.alertType === candidate.type) &&
        (s.positionId === null || s.positionId === candidate.positionId) &&
        (s.asset === null || s.asset === candidate.asset),
    );
  }
}
