import { Inject, Injectable } from '@nestjs/common';
import type { HealthCheck, HealthReport } from '@dnb/contracts';
import { APP_CONFIG, type AppConfig } from '../../common/config/env.schema';
import { DatabaseHealthRepository } from '../../database/database-health.repository';
import { AlertDeliveryService } from '../alerts/alert-delivery.service';
import { AlertEngineService } from '../alerts/alert-engine.service';
import { TelegramCommandsService } from '../alerts/telegram/telegram-commands.service';
import { AppMetaService } from '../app-meta/app-meta.service';
import { BotBridgeService } from '../bot-bridge/bot-bridge.service';
import { BotHealthProbe } from '../bot-bridge/bot-health.probe';
import { FEED_EVENT_LOG, type FeedEventLog } from '../feed/event-log';
import { FeedHub } from '../feed/feed-hub.service';
import { ClusterService } from '../cluster/cluster.service';
import { Leadership } from '../cluster/leadership';
import { withTimeout } from '../cluster/with-timeout';
import type { ClusterRoleDto, ReadinessDto } from './health.dto';
import { APP_VERSION } from '../../version';

const DATABASE_TIMEOUT_MS = 2000;
const READY_SHARE_MS = 250;

/**
 * Spec 12.2: the dashboard, the bot API and the database, each with a response time. A bot
 * that is down only degrades the control center (it still serves cached data and history);
 * a database that is down makes it unhealthy.
 */
@Injectable()
export class HealthService {
  private readonly startedAt = Date.now();

  constructor(
    private readonly bot: BotHealthProbe,
    private readonly database: DatabaseHealthRepository,
    private readonly meta: AppMetaService,
    private readonly bridge: BotBridgeService,
    private readonly feedHub: FeedHub,
    @Inject(FEED_EVENT_LOG) private readonly eventLog: FeedEventLog,
    private readonly alertEngine: AlertEngineService,
    private readonly alertDelivery: AlertDeliveryService,
    private readonly telegram: TelegramCommandsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly leadership: Leadership,
    private readonly cluster: ClusterService,
  ) {}

  /** @param correlationId of the request asking, forwarded with the bot probe */
  async report(correlationId?: string): Promise<HealthReport> {
    const dashboardStarted = performance.now();
    const [botApi, database] = await Promise.all([this.botCheck(correlationId), this.databaseCheck()]);
    const dashboard: HealthCheck = {
      status: 'healthy',
      response_time_ms: Math.round(performance.now() - dashboardStarted),
      detail: {
        uptime_seconds: Math.floor((Date.now() - this.startedAt) / 1000),
        environment: this.config.env,
        installation_id: this.meta.installation()?.installationId,
        cluster: { ...this.clusterRole(), ...this.cluster.stats(), instance: this.cluster.instanceId },
      },
    };
    const feed = this.feedCheck();
    const alerts = this.alertsCheck();
    const status =
      database.status !== 'healthy'
        ? 'unhealthy'
        : botApi.status !== 'healthy' || feed.status !== 'healthy' || alerts.status !== 'healthy'
          ? 'degraded'
          : 'healthy';
    return {
      status,
      timestamp: new Date().toISOString(),
      version: APP_VERSION,
      checks: { dashboard, bot_api: botApi, database, feed, alerts },
    };
  }

  /** Nothing is lost silently: the bus's drops per subscriber, the log's failed appends, the sockets. */
  private feedCheck(): HealthCheck {
    const started = performance.now();
    const bus = this.bridge.events.stats();
    const log = this.eventLog.stats();
    const publisher = bus.subscribers.find((s) => s.name === 'feed');
    const backedUp = publisher !== undefined && publisher.queued > publisher.capacity / 2;
    const failing = log.append_failures > this.lastAppendFailures;
    this.lastAppendFailures = log.append_failures;
    return {
      status: backedUp || failing ? 'degraded' : 'healthy',
      response_time_ms: Math.round(performance.now() - started),
      ...(backedUp ? { error: `feed queue ${publisher.queued}/${publisher.capacity}: the event log is not keeping up` } : {}),
      ...(failing ? { error: 'feed events could not be stored since the last check (not sent)' } : {}),
      detail: { bus, event_log: log, sockets: this.feedHub.stats() },
    };
  }

  private lastAppendFailures = 0;

  /** Alerts: a channel whose breaker is open, or deliveries gone dead since the last check, degrade. */
  private alertsCheck(): HealthCheck {
    const started = performance.now();
    const delivery = this.alertDelivery.stats();
    const open = Object.entries(delivery.breakers)
      .filter(([, state]) => state !== 'closed')
      .map(([name]) => name);
    const newlyDead = delivery.dead > this.lastDead;
    this.lastDead = delivery.dead;
    const queue = this.bridge.events.stats().subscribers.find((s) => s.name === 'alerts');
    const problems = [
      ...(open.length ? [`alert channel circuit open: ${open.join(', ')} (deliveries wait)`] : []),
      ...(newlyDead ? ['alert deliveries failed for good since the last check (see GET /api/v1/alerts/dead-letters)'] : []),
    ];
    return {
      status: problems.length ? 'degraded' : 'healthy',
      response_time_ms: Math.round(performance.now() - started),
      ...(problems.length ? { error: problems.join('; ') } : {}),
      detail: { engine: this.alertEngine.stats(), delivery, telegram_commands: this.telegram.stats(), queue: queue ?? null },
    };
  }

  private lastDead = 0;

  /** Ready to serve: the database answers and its schema is current. The bot is not required. */
  async ready(): Promise<ReadinessDto> {
    const database = await this.sharedDatabaseCheck();
    const cluster = this.clusterRole();
    return database.status === 'healthy'
      ? { ready: true, cluster }
      : { ready: false, reason: database.error ?? 'database unavailable', cluster };
  }

  private readiness?: { at: number; check: Promise<HealthCheck> };

  /** Concurrent and back-to-back probes within READY_SHARE_MS share one database check. */
  private sharedDatabaseCheck(): Promise<HealthCheck> {
    const now = performance.now();
    if (this.readiness && now - this.readiness.at < READY_SHARE_MS) return this.readiness.check;
    const check = this.databaseCheck();
    this.readiness = { at: now, check };
    return check;
  }

  private clusterRole(): ClusterRoleDto {
    const { role, epoch, clustered } = this.leadership.current();
    return { role, epoch, clustered };
  }

  private async botCheck(correlationId: string | undefined): Promise<HealthCheck> {
    const result = await this.bot.check(correlationId);
    return {
      status: result.status,
      response_time_ms: result.responseTimeMs,
      ...(result.error ? { error: result.error } : {}),
      detail: { state: result.state, checked_at: result.checkedAt, url: this.config.bot.apiUrl },
    };
  }

  private async databaseCheck(): Promise<HealthCheck> {
    const started = performance.now();
    try {
      const probe = await withTimeout(this.database.probe(), DATABASE_TIMEOUT_MS);
      return {
        status: probe.migrationsPending ? 'unhealthy' : 'healthy',
        response_time_ms: Math.round(performance.now() - started),
        ...(probe.migrationsPending ? { error: 'database migrations are pending' } : {}),
        detail: { driver: probe.driver, migrations_applied: probe.migrationsApplied },
      };
    } catch (error) {
      return {
        status: 'unhealthy',
        response_time_ms: Math.round(performance.now() - started),
        error: `database check failed: ${(error as Error).message}`,
        detail: { driver: this.config.database.driver },
      };
    }
  }
}
