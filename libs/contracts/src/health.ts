/** GET /api/v1/health (spec 12.2). */
export type CheckStatus = 'healthy' | 'degraded' | 'unhealthy' | 'unknown';

export interface HealthCheck {
  status: CheckStatus;
  response_time_ms: number;
  error?: string;
  /** Extra facts about the dependency, e.g. the bot's lifecycle state. */
  detail?: Record<string, unknown>;
}

export interface HealthReport {
  status: 'healthy' | 'degraded' | 'unhealthy';
  timestamp: string;
  version: string;
  checks: {
    dashboard: HealthCheck;
    bot_api: HealthCheck;
    database: HealthCheck;
    /** The real-time feed: event bus and publisher queue (drops), event log, sockets. */
    feed: HealthCheck;
    /** Alerting: raised/throttled/muted counts, deliveries (sent, retried, dead), channel breakers, Telegram commands. */
    alerts: HealthCheck;
  };
}
