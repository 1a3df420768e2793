import { Inject, Injectable, Optional, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { BOT_PATHS, type BotCircuitBreakers, type BotPauseState, type BotPositionSummary, type DomainEvent } from '@dnb/contracts';
import type { Logger } from 'pino';
import { APP_CONFIG, type AppConfig } from '../../common/config/env.schema';
import { LOGGER } from '../../common/logging/logger';
import { Leadership } from '../cluster/leadership';
import { BotBridgeService } from '../bot-bridge/bot-bridge.service';
import { sumDecimals } from '../positions/decimal-sum';
import { BotActionLog } from './bot-action-log';
import { CircuitBreakersRepository } from './circuit-breakers.repository';
import { bucketStart, iso } from './history-resolution';
import { MetricsRepository } from './metrics.repository';
import { samplePoints, subtractDecimals, type RealizedTotals } from './portfolio-sample';
import { TradesRepository, type TradeRecord } from './trades.repository';

/** Lifecycles in which the bot's position list is complete (not starting, recovering or gone). */
const COMPLETE_LIST = new Set(['running', 'degraded']);
/** After a close the bot may write its action_log row a moment later: look again after these delays. */
const REASON_RETRY_MS = [2_000, 10_000, 30_000];
/** Closes waiting for their reason at most (oldest given up first). */
const MAX_REASON_RETRIES = 200;
/** Back this far from the newest breaker time already seen, when asking the bot for its history. */
const BREAKER_SINCE_MARGIN_MS = 60 * 60_000;

/**
 * Records the history from the bot bridge (spec 3.1, 9.2): a 1-minute sample of the bridge's
 * view, a trade for every position that disappears, and circuit-breaker events. It reads the
 * bus through its own bounded queue (drops counted by the bus, shown in /health), and every
 * database write goes through one queue, in order, so a slow database never holds the bridge.
 */
@Injectable()
export class HistoryCollector implements OnApplicationBootstrap, OnModuleDestroy {
  private unsubscribe?: () => void;
  private timer?: NodeJS.Timeout;
  private writes: Promise<unknown> = Promise.resolve();
  private realized: RealizedTotals = { total: '0', funding: '0' };
  /** Positions open before this API started are checked against the bot once, at the first complete list. */
  private reconciled = false;
  private breakerSince: number | null = null;
  private readonly reasonRetries = new Map<string, NodeJS.Timeout>();
  private samples = 0;
  private sampleFailures = 0;
  private trades = 0;

  constructor(
    private readonly bridge: BotBridgeService,
    private readonly metrics: MetricsRepository,
    private readonly tradesRepository: TradesRepository,
    private readonly breakers: CircuitBreakersRepository,
    private readonly actionLog: BotActionLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    @Optional() private readonly leadership?: Leadership,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.realized = totals(await this.tradesRepository.allPnl());
    this.unsubscribe = this.bridge.events.subscribe('history', (event) => this.handle(event), {
      capacity: this.config.history.queueCapacity,
    });
    // Replicas: only the leader samples; one that takes over reads what the previous leader stored.
    this.timer = setInterval(() => void (this.leading() ? this.sample() : undefined), this.config.history.sampleMs);
    this.timer.unref();
    this.leadership?.onChange((view) => (view.role === 'leader' ? this.takeOver() : undefined));
  }

  private leading(): boolean {
    return !this.leadership || this.leadership.isLeader();
  }

  private async takeOver(): Promise<void> {
    await this.serial(async () => {
      this.realized = totals(await this.tradesRepository.allPnl());
      this.reconciled = false;
    }).catch((error: unknown) => this.logger.error({ err: error }, 'history could not take over; realized PnL as last known'));
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
    if (this.timer) clearInterval(this.timer);
    for (const retry of this.reasonRetries.values()) clearTimeout(retry);
    this.reasonRetries.clear();
  }

  stats(): { samples: number; sample_failures: number; trades: number; reasons_pending: number } {
    return { samples: this.samples, sample_failures: this.sampleFailures, trades: this.trades, reasons_pending: this.reasonRetries.size };
  }

  /** Takes one sample now (the timer's job; tests call it too). */
  sample(): Promise<void> {
    return this.serial(async () => {
      try {
        await this.sampleNow();
        this.samples++;
      } catch (error) {
        this.sampleFailures++;
        this.logger.error({ err: error }, 'history sample failed; the next one carries on');
      }
    });
  }

  private handle(event: DomainEvent): Promise<void> | undefined {
    if (event.type === 'position_closed') {
      const { last_seen, last_seen_at } = event.payload;
      return this.serial(() => this.recordTrade(last_seen, last_seen_at, event.timestamp)).catch((error: unknown) =>
        this.logger.error({ err: error, position_id: last_seen.position_id }, 'trade could not be stored'),
      );
    }
    if (event.type === 'pause_state_change' && this.bridge.supports('circuit-breakers') === false) {
      const current = event.payload.current;
      return this.serial(() => this.syncBreakersFromPause(current, event.timestamp)).catch((error: unknown) =>
        this.logger.error({ err: error }, 'circuit breaker event could not be stored'),
      );
    }
    return undefined;
  }

  private serial<T>(write: () => Promise<T>): Promise<T> {
    const run = this.writes.then(write);
    this.writes = run.catch(() => undefined);
    return run;
  }

  private async sampleNow(): Promise<void> {
    const view = this.bridge.snapshot();
    const now = new Date().toISOString();
    // Only a complete, live list is history: a cached or recovering one would record false drops.
    if (!COMPLETE_LIST.has(view.lifecycle) || !view.positions || view.resources.positions.source !== 'live') return;
    const positions = Object.values(view.positions);
    if (!this.reconciled) {
      this.reconciled = true;
      await this.reconcile(view.positions, now);
    }
    const readAt = Date.parse(view.resources.positions.as_of ?? now);
    const minute = iso(bucketStart(readAt, '1min'));
    const rates = view.resources.fundingRates.source === 'live' ? view.fundingRates : null;
    await this.metrics.upsertPoints(samplePoints(positions, this.realized, rates, minute));
    await this.tradesRepository.trackOpen(positions.map((position) => ({ position, seenAt: iso(readAt) })));
    await this.collectBreakers(view.pauseState, now);
  }

  /** Positions this API saw open before it stopped, and the bot no longer holds: closed meanwhile. */
  private async reconcile(current: Record<string, BotPositionSummary>, now: string): Promise<void> {
    for (const { position, lastSeenAt } of await this.tradesRepository.tracked()) {
      const same = current[position.position_id];
      if (same && same.opened_at === position.opened_at) continue;
      await this.recordTrade(position, lastSeenAt, now);
    }
  }

  private async recordTrade(position: BotPositionSummary, lastSeenAt: string, observedAt: string): Promise<void> {
    const close = this.actionLog.closeOf(position.position_id);
    const closedAt = close?.closedAt ?? observedAt;
    const trade: TradeRecord = {
      position_id: position.position_id,
      asset: position.asset,
      opened_at: position.opened_at,
      closed_at: closedAt,
      observed_at: observedAt,
      last_seen_at: lastSeenAt,
      hold_seconds: Math.max(0, Math.round((Date.parse(closedAt) - Date.parse(position.opened_at)) / 1000)),
      leverage: position.leverage,
      deployed_usd: position.deployed_usd,
      total_pnl_usd: position.total_pnl_usd,
      funding_pnl_usd: position.funding_pnl_usd,
      position_pnl_usd: subtractDecimals(position.total_pnl_usd, position.funding_pnl_usd),
      close_reason: close?.reason ?? null,
      reason_source: close ? 'action_log' : 'unknown',
      last_seen: position,
    };
    const stored = await this.tradesRepository.insert(trade);
    await this.tradesRepository.untrack(position.position_id);
    if (!stored) return;
    this.trades++;
    this.realized = {
      total: sumDecimals([this.realized.total, trade.total_pnl_usd]),
      funding: sumDecimals([this.realized.funding, trade.funding_pnl_usd]),
    };
    this.logger.info({ position_id: trade.position_id, total_pnl_usd: trade.total_pnl_usd, reason: trade.close_reason }, 'trade recorded');
    if (!close && this.actionLog.configured) this.retryReason(position, 0);
  }

  /** The bot may log the close just after the position vanished from its API: look again, a few times. */
  private retryReason(position: BotPositionSummary, attempt: number): void {
    const key = `${position.position_id}\u0000${position.opened_at}`;
    if (attempt >= REASON_RETRY_MS.length) return void this.reasonRetries.delete(key);
    if (!this.reasonRetries.has(key) && this.reasonRetries.size >= MAX_REASON_RETRIES) {
      const [oldest, timer] = this.reasonRetries.entries().next().value!;
      clearTimeout(timer);
      this.reasonRetries.delete(oldest);
    }
    const timer = setTimeout(() => {
      const close = this.actionLog.closeOf(position.position_id);
      if (!close) return this.retryReason(position, attempt + 1);
      this.reasonRetries.delete(key);
      void this.serial(() =>
        this.tradesRepository.setReason(position.position_id, position.opened_at, close.reason, close.closedAt ?? position.opened_at),
      ).catch((error: unknown) => this.logger.error({ err: error, position_id: position.position_id }, 'close reason could not be stored'));
    }, REASON_RETRY_MS[attempt]);
    timer.unref();
    this.reasonRetries.set(key, timer);
  }

  /** From the bot's own history when it serves it; from its pause state when it does not. */
  private async collectBreakers(pauseState: BotPauseState | null, now: string): Promise<void> {
    const support = this.bridge.supports('circuit-breakers');
    if (support === false) {
      if (pauseState) await this.syncBreakersFromPause(pauseState, now);
      return;
    }
    if (support !== true) return;
    const since = this.breakerSince === null ? '' : `?since=${encodeURIComponent(iso(this.breakerSince - BREAKER_SINCE_MARGIN_MS))}`;
    let answer: BotCircuitBreakers;
    try {
      answer = await this.bridge.getExtension<BotCircuitBreakers>('circuit-breakers', `${BOT_PATHS.circuitBreakers}${since}`);
    } catch (error) {
      this.logger.debug({ err: error }, 'circuit breaker history not read this time');
      return;
    }
    for (const event of answer.circuit_breakers ?? []) {
      await this.breakers.upsert({
        breaker_type: event.breaker_type,
        triggered_at: event.triggered_at,
        reason: event.reason,
        scope: event.scope,
        auto_recovery: event.auto_recovery,
        cooldown_seconds: event.cooldown_seconds ?? null,
        recovery_time: event.recovery_time ?? null,
        resolved_at: event.resolved_at ?? null,
        resolved_by: event.resolved_by ?? null,
        source: 'bot',
      });
      const newest = Math.max(Date.parse(event.triggered_at), event.resolved_at ? Date.parse(event.resolved_at) : -Infinity);
      this.breakerSince = Math.max(this.breakerSince ?? -Infinity, newest);
    }
  }

  /**
   * A core-tier bot has no breaker history, but its pause state lists the active breakers: a type
   * appearing is a trigger, a type disappearing its resolution (times as observed).
   */
  private async syncBreakersFromPause(pauseState: BotPauseState, at: string): Promise<void> {
    const active = new Set<string>(pauseState.active_breakers);
    const open = await this.breakers.openFromPauseState();
    for (const event of open) {
      if (!active.has(event.breaker_type)) await this.breakers.upsert({ ...event, resolved_at: at, resolved_by: null });
    }
    const openTypes = new Set(open.map((e) => e.breaker_type));
    for (const type of active) {
      if (openTypes.has(type)) continue;
      await this.breakers.upsert({
        breaker_type: type,
        triggered_at: at,
        reason:
          pauseState.paused_by === 'circuit_breaker' && pauseState.reason
            ? pauseState.reason
            : `${type} active (seen in the bot's pause state)`,
        scope: pauseState.scope,
        auto_recovery: null,
        cooldown_seconds: null,
        recovery_time: null,
        resolved_at: null,
        resolved_by: null,
        source: 'pause_state',
      });
    }
  }
}

function totals(rows: ReadonlyArray<{ total_pnl_usd: string; funding_pnl_usd: string }>): RealizedTotals {
  return { total: sumDecimals(rows.map((r) => r.total_pnl_usd)), funding: sumDecimals(rows.map((r) => r.funding_pnl_usd)) };
}
