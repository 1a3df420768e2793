import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Alerting: alerts, their per-channel deliveries (the outbox), silences and settings. One
 * migration for both engines: SQLite and PostgreSQL take this SQL as written (times as ISO 8601
 * UTC text, JSON as text, integer counters).
 */
const ALERT_TABLES = {
  up: [
    `CREATE TABLE alerts (
      id TEXT PRIMARY KEY NOT NULL,
      type TEXT NOT NULL,
      severity TEXT NOT NULL,
      metric_key TEXT NOT NULL,
      level INTEGER NOT NULL,
      position_id TEXT,
      asset TEXT,
      title TEXT NOT NULL,
      facts TEXT NOT NULL,
      created_at TEXT NOT NULL,
      silenced_by TEXT,
      acknowledged_at TEXT,
      acknowledged_by TEXT,
      escalated_at TEXT
    )`,
    // History pages walk by time; the gate's memory is rebuilt per metric and type after a restart.
    'CREATE INDEX idx_alerts_created ON alerts(created_at, id)',
    'CREATE INDEX idx_alerts_metric ON alerts(metric_key, type, created_at)',
    // Written before any send (outbox); one row per alert, channel and purpose: sent at most once each.
    `CREATE TABLE alert_deliveries (
      id TEXT PRIMARY KEY NOT NULL,
      alert_id TEXT NOT NULL REFERENCES alerts(id),
      channel TEXT NOT NULL,
      purpose TEXT NOT NULL,
      severity TEXT NOT NULL,
      status TEXT NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at TEXT NOT NULL,
      last_error TEXT,
      last_status INTEGER,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      sent_at TEXT
    )`,
    'CREATE UNIQUE INDEX ux_alert_deliveries_once ON alert_deliveries(alert_id, channel, purpose)',
    'CREATE INDEX idx_alert_deliveries_due ON alert_deliveries(status, next_attempt_at)',
    `CREATE TABLE alert_silences (
      id TEXT PRIMARY KEY NOT NULL,
      alert_type TEXT,
      position_id TEXT,
      asset TEXT,
      starts_at TEXT NOT NULL,
      ends_at TEXT NOT NULL,
      reason TEXT NOT NULL,
      author TEXT NOT NULL,
      created_at TEXT NOT NULL,
      ended_at TEXT
    )`,
    'CREATE INDEX idx_alert_silences_window ON alert_silences(ends_at, starts_at)',
    `CREATE TABLE alert_settings (
      key TEXT PRIMARY KEY NOT NULL,
      value TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL
    )`,
  ],
  down: ['DROP TABLE alert_settings', 'DROP TABLE alert_silences', 'DROP TABLE alert_deliveries', 'DROP TABLE alerts'],
} as const;

export class Alerts1764201600000 implements MigrationInterface {
  name = 'Alerts1764201600000';

  async up(q: QueryRunner): Promise<void> {
    for (const statement of ALERT_TABLES.up) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const statement of ALERT_TABLES.down) await q.query(statement);
  }
}
