import { Inject, Injectable, Optional, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { BrokenCircuitError, CircuitState, ConsecutiveBreaker, circuitBreaker, handleWhen, type CircuitBreakerPolicy } from 'cockatiel';
import type { Logger } from 'pino';
import { APP_CONFIG, type AppConfig } from '../../common/config/env.schema';
import { LOGGER } from '../../common/logging/logger';
import { Leadership } from '../cluster/leadership';
import { AlertSettingsService } from './alert-settings.service';
import { AlertStore, type Delivery, type StoredAlert } from './alert-store';
import { ChannelSenders } from './channels/channel-senders';
import { failure, type DeliveryOutcome } from './channels/delivery-outcome';

/** Waits before the 2nd..6th try; after the 6th failure the delivery is a dead letter. */
export const RETRY_BACKOFF_MS = [1000, 2000, 4000, 8000, 16_000] as const;
/** Spec 11.3: a channel failing 5 times in a row is left alone for 30 s, then probed once. */
const BREAKER_FAILURES = 5;
const BREAKER_HALF_OPEN_AFTER_MS = 30_000;
/** While a channel's breaker is open its deliveries are looked at again this often (no try counted). */
const BREAKER_RECHECK_MS = 5000;
const BATCH = 50;

class RetryableFailure extends Error {
  constructor(readonly outcome: DeliveryOutcome) {
    super(outcome.ok ? 'sent' : outcome.error);
  }
}

export interface DeliveryStats {
  sent: number;
  retried: number;
  dead: number;
  postponed: number;
  breakers: Record<string, 'closed' | 'open' | 'half_open'>;
}

/**
 * Sends what the outbox owes: pending deliveries, due now, critical first; one at a time per
 * channel, channels in parallel. A failure worth retrying waits 1, 2, 4, 8, 16 s (or the
 * channel's Retry-After when longer), then the delivery is a dead letter (an admin can revive
 * it). A channel's circuit breaker stops the hammering of a dead channel; its deliveries are
 * put off, never dropped, and no try is counted while it is open. Wakes when an alert is raised
 * and when the next retry falls due; after a restart it resumes whatever is still pending.
 */
@Injectable()
export class AlertDeliveryService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly senders: ChannelSenders;
  private readonly breakers = new Map<string, CircuitBreakerPolicy>();
  private running?: Promise<void>;
  private again = false;
  private stopped = false;
  private timer?: NodeJS.Timeout;
  private readonly counts = { sent: 0, retried: 0, dead: 0, postponed: 0 };
  /** Replicas: while another replica leads, a wake goes to it (it alone sends, so each delivery is sent once). */
  private forward?: () => void;

  constructor(
    private readonly store: AlertStore,
    private readonly settings: AlertSettingsService,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    @Optional() private readonly leadership?: Leadership,
  ) {
    this.leadership?.onChange((view) => {
      if (view.role === 'leader') this.wake(); // resume whatever the previous leader left in the outbox
    });
    this.senders = new ChannelSenders({
      policy: settings.policy,
      timeoutMs: config.alerts.sendTimeoutMs,
      telegramApiRoot: config.alerts.telegramApiRoot,
    });
  }

  onApplicationBootstrap(): void {
    this.wake();
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** Look at the outbox now (an alert was raised, a dead letter revived, or a retry fell due). */
  wake(): void {
    if (this.stopped) return;
    if (this.leadership && !this.leadership.isLeader()) return this.forward?.();
    if (this.running) {
      this.again = true;
      return;
    }
    let failed = false;
    this.running = this.drain()
      .catch((error: unknown) => {
        failed = true;
        this.logger.error({ err: error }, 'alert delivery pass failed; retrying in 5 s');
      })
      .finally(() => {
        this.running = undefined;
        if (failed) {
          // Not at once: a failing database would otherwise be hammered.
          clearTimeout(this.timer);
          if (!this.stopped) this.timer = setTimeout(() => this.wake(), 5000);
        } else if (this.again) {
          this.again = false;
          this.wake();
        } else void this.scheduleNext();
      });
  }

  /** Replicas: where a follower's wakes go (the leader). */
  forwardWakes(forward: () => void): void {
    this.forward = forward;
  }

  /** Resolves once the outbox has no delivery due now (tests and shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Sends a test message to one channel now, outside the outbox (admin feedback); never retried. */
  async sendTest(channelName: string, by: string): Promise<DeliveryOutcome | null> {
    const channel = this.settings.channel(channelName);
    if (!channel) return null;
    return this.senders.send(
      {
        id: `test_${Date.now()}`,
        type: 'heartbeat',
        severity: 'info',
        positionId: null,
        asset: null,
        facts: { bot_state: 'test message', open_positions: null, paused: null, scope: null, requested_by: by },
        createdAt: Date.now(),
      },
      channel,
    );
  }

  stats(): DeliveryStats {
    const breakers: DeliveryStats['breakers'] = {};
    for (const [name, breaker] of this.breakers) {
      breakers[name] = breaker.state === CircuitState.Closed ? 'closed' : breaker.state === CircuitState.HalfOpen ? 'half_open' : 'open';
    }
    return { ...this.counts, breakers };
  }

  private async drain(): Promise<void> {
    for (;;) {
      if (this.leadership && !this.leadership.isLeader()) return;
      const due = await this.store.due(Date.now(), BATCH);
      if (due.length === 0) return;
      const byChannel = new Map<string, typeof due>();
      for (const item of due) byChannel.set(item.delivery.channel, [...(byChannel.get(item.delivery.channel) ?? []), item]);
      await Promise.all(
        [...byChannel.values()].map(async (items) => {
          for (const item of items) {
            // A replica that stopped leading sends nothing more: the new leader resumes the outbox.
            if (this.leadership && !this.leadership.isLeader()) return;
            await this.attempt(item.delivery, item.alert);
          }
        }),
      );
      if (this.stopped) return;
    }
  }

  private async scheduleNext(): Promise<void> {
    clearTimeout(this.timer);
    if (this.stopped) return;
    try {
      const next = await this.store.nextDueAt();
      if (next === null || this.stopped) return;
      this.timer = setTimeout(() => this.wake(), Math.max(0, next - Date.now()));
    } catch (error) {
      this.logger.error({ err: error }, 'could not read the next alert delivery; retrying in 5 s');
      this.timer = setTimeout(() => this.wake(), 5000);
    }
  }

  private async attempt(delivery: Delivery, alert: StoredAlert): Promise<void> {
    const channel = this.settings.channel(delivery.channel);
    const started = Date.now();
    if (!channel || (!channel.enabled && delivery.purpose !== 'test')) {
      await this.finish(delivery, alert, failure(channel ? 'channel is disabled' : 'channel is no longer configured', false), started);
      return;
    }
    let outcome: DeliveryOutcome;
    try {
      outcome = await this.breaker(channel.name).execute(async () => {
        const result = await this.senders.send({ ...alert, escalated: delivery.purpose === 'escalation' }, channel);
        // Only failures worth retrying count against the channel's breaker.
        if (!result.ok && result.retryable) throw new RetryableFailure(result);
        return result;
      });
    } catch (error) {
      if (error instanceof BrokenCircuitError) {
        this.counts.postponed += 1;
        await this.store.postpone(delivery.id, started + BREAKER_RECHECK_MS, 'channel circuit breaker open: not tried, will be', started);
        return;
      }
      outcome = error instanceof RetryableFailure ? error.outcome : failure(String(error), true);
    }
    await this.finish(delivery, alert, outcome, started);
  }

  private async finish(delivery: Delivery, alert: StoredAlert, outcome: DeliveryOutcome, at: number): Promise<void> {
    const attempts = delivery.attempts + 1;
    const log = { alert_id: alert.id, alert_type: alert.type, channel: delivery.channel, purpose: delivery.purpose, attempts };
    if (outcome.ok) {
      this.counts.sent += 1;
      await this.store.recordAttempt(delivery.id, {
        status: 'sent',
        attempts,
        nextAttemptAt: at,
        error: null,
        httpStatus: outcome.status,
        at: Date.now(),
      });
      this.logger.info({ ...log, latency_ms: Date.now() - alert.createdAt }, 'alert delivered');
      return;
    }
    if (!outcome.retryable || attempts > RETRY_BACKOFF_MS.length) {
      this.counts.dead += 1;
      await this.store.recordAttempt(delivery.id, {
        status: 'dead',
        attempts,
        nextAttemptAt: at,
        error: outcome.error,
        httpStatus: outcome.status,
        at: Date.now(),
      });
      this.logger.error(
        { ...log, error: outcome.error, status: outcome.status },
        'alert delivery failed for good: dead letter (an admin can retry it)',
      );
      return;
    }
    this.counts.retried += 1;
    const wait = Math.max(RETRY_BACKOFF_MS[attempts - 1]!, outcome.retryAfterMs ?? 0);
    await this.store.recordAttempt(delivery.id, {
      status: 'pending',
      attempts,
      nextAttemptAt: at + wait,
      error: outcome.error,
      httpStatus: outcome.status,
      at: Date.now(),
    });
    this.logger.warn({ ...log, error: outcome.error, status: outcome.status, retry_in_ms: wait }, 'alert delivery failed; will retry');
  }

  private breaker(channel: string): CircuitBreakerPolicy {
    let breaker = this.breakers.get(channel);
    if (!breaker) {
      breaker = circuitBreaker(
        handleWhen((error) => error instanceof RetryableFailure || !(error instanceof BrokenCircuitError)),
        { halfOpenAfter: BREAKER_HALF_OPEN_AFTER_MS, breaker: new ConsecutiveBreaker(BREAKER_FAILURES) },
      );
      breaker.onBreak(() => this.logger.warn({ channel }, 'alert channel circuit breaker open: deliveries wait (none dropped)'));
      breaker.onReset(() => this.logger.info({ channel }, 'alert channel circuit breaker closed'));
      this.breakers.set(channel, breaker);
    }
    return breaker;
  }
}
