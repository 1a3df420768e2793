import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { AlertSeverity, AlertType } from '@dnb/contracts';
import { SqlDatabase, type SqlTransaction } from '../../database/sql-database';
import type { AlertForMessage } from './alert-messages';

/** What alert_settings holds: rules, channels, and the Telegram user links. */
export type SettingKey = 'rules' | 'channels' | 'telegram_users';

export type DeliveryPurpose = 'alert' | 'escalation' | 'test';
export type DeliveryStatus = 'pending' | 'sent' | 'dead';

export interface StoredAlert extends AlertForMessage {
  metricKey: string;
  level: number;
  title: string;
  /** The silence that muted it (stored, not sent), if any. */
  silencedBy: string | null;
  acknowledgedAt: number | null;
  acknowledgedBy: string | null;
  escalatedAt: number | null;
}

export interface Delivery {
  id: string;
  alertId: string;
  channel: string;
  purpose: DeliveryPurpose;
  severity: AlertSeverity;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  lastStatus: number | null;
  createdAt: number;
  sentAt: number | null;
}

export interface Silence {
  id: string;
  alertType: AlertType | null;
  positionId: string | null;
  asset: string | null;
  startsAt: number;
  endsAt: number;
  reason: string;
  author: string;
  createdAt: number;
  endedAt: number | null;
}

export interface AlertFilter {
  type?: AlertType;
  severity?: AlertSeverity;
  positionId?: string;
  asset?: string;
  from?: number;
  to?: number;
  acknowledged?: boolean;
  /** Older than this (created_at, id): the cursor of the previous page's last alert. */
  before?: { createdAt: number; id: string };
  limit: number;
}

interface AlertRow {
  id: string;
  type: string;
  severity: string;
  metric_key: string;
  level: number | string;
  position_id: string | null;
  asset: string | null;
  title: string;
  facts: string;
  created_at: string;
  silenced_by: string | null;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  escalated_at: string | null;
}

interface DeliveryRow {
  id: string;
  alert_id: string;
  channel: string;
  purpose: string;
  severity: string;
  status: string;
  attempts: number | string;
  next_attempt_at: string;
  last_error: string | null;
  last_status: number | string | null;
  created_at: string;
  sent_at: string | null;
}

interface SilenceRow {
  id: string;
  alert_type: string | null;
  position_id: string | null;
  asset: string | null;
  starts_at: string;
  ends_at: string;
  reason: string;
  author: string;
  created_at: string;
  ended_at: string | null;
}

const iso = (ms: number): string => new Date(ms).toISOString();
const ms = (text: string | null): number | null => (text === null ? null : Date.parse(text));
const ALERT_COLUMNS =
  'id, type, severity, metric_key, level, position_id, asset, title, facts, created_at, silenced_by, acknowledged_at, acknowledged_by, escalated_at';

/**
 * The alerting tables. An alert and its deliveries are written in one transaction before
 * anything is sent (the outbox): whatever happens next, a restart finds every delivery that is
 * still owed.
 */
@Injectable()
export class AlertStore {
  constructor(private readonly db: SqlDatabase) {}

  /** Stores the alert and one pending delivery per channel (none when it is silenced). */
  async raise(alert: StoredAlert, channels: readonly string[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.execute(`INSERT INTO alerts (${ALERT_COLUMNS}) VALUES ${this.db.values(1, 14)}`, [
        alert.id,
        alert.type,
        alert.severity,
        alert.metricKey,
        alert.level,
        alert.positionId,
        alert.asset,
        alert.title,
        JSON.stringify(alert.facts),
        iso(alert.createdAt),
        alert.silencedBy,
        null,
        null,
        null,
      ]);
      await this.insertDeliveries(tx, alert.id, alert.severity, channels, 'alert', alert.createdAt);
    });
  }

  /** Deliveries for an existing alert (escalation, test, re-send); a channel already owed it for that purpose is skipped. */
  async addDeliveries(
    alertId: string,
    severity: AlertSeverity,
    channels: readonly string[],
    purpose: DeliveryPurpose,
    now: number,
  ): Promise<number> {
    return this.db.transaction((tx) => this.insertDeliveries(tx, alertId, severity, channels, purpose, now));
  }

  async get(id: string): Promise<StoredAlert | null> {
    const [row] = await this.db.query<AlertRow>(`SELECT ${ALERT_COLUMNS} FROM alerts WHERE id = ?`, [id]);
    return row ? toAlert(row) : null;
  }

  async list(filter: AlertFilter): Promise<StoredAlert[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, ...values: unknown[]) => {
      where.push(sql);
      params.push(...values);
    };
    if (filter.type) add('type = ?', filter.type);
    if (filter.severity) add('severity = ?', filter.severity);
    if (filter.positionId) add('position_id = ?', filter.positionId);
    if (filter.asset) add('asset = ?', filter.asset);
    if (filter.from !== undefined) add('created_at >= ?', iso(filter.from));
    if (filter.to !== undefined) add('created_at < ?', iso(filter.to));
    if (filter.acknowledged !== undefined) add(filter.acknowledged ? 'acknowledged_at IS NOT NULL' : 'acknowledged_at IS NULL');
    if (filter.before)
      add('(created_at < ? OR (created_at = ? AND id < ?))', iso(filter.before.createdAt), iso(filter.before.createdAt), filter.before.id);
    const rows = await this.db.query<AlertRow>(
      `SELECT ${ALERT_COLUMNS} FROM alerts ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC LIMIT ?`,
      [...params, filter.limit],
    );
    return rows.map(toAlert);
  }

  /** Marks it acknowledged (once); answers the alert as it now is, or null if there is no such alert. */
  async acknowledge(id: string, by: string, at: number): Promise<StoredAlert | null> {
    await this.db.execute('UPDATE alerts SET acknowledged_at = ?, acknowledged_by = ? WHERE id = ? AND acknowledged_at IS NULL', [
      iso(at),
      by,
      id,
    ]);
    return this.get(id);
  }

  /** The newest alert sent (not silenced) per metric key and type since `since`: the gate's memory after a restart. */
  async lastSent(since: number): Promise<Array<{ metricKey: string; type: AlertType; sentAt: number }>> {
    const rows = await this.db.query<{ metric_key: string; type: string; sent_at: string }>(
      'SELECT metric_key, type, MAX(created_at) AS sent_at FROM alerts WHERE created_at >= ? AND silenced_by IS NULL GROUP BY metric_key, type',
      [iso(since)],
    );
    return rows.map((r) => ({ metricKey: r.metric_key, type: r.type as AlertType, sentAt: Date.parse(r.sent_at) }));
  }

  /** Acknowledgements still standing per metric key (the newest acknowledged alert's level), since `since`. */
  async acknowledgedLevels(since: number): Promise<Array<{ metricKey: string; level: number }>> {
    const rows = await this.db.query<{ metric_key: string; level: number | string }>(
      'SELECT metric_key, MAX(level) AS level FROM alerts WHERE acknowledged_at IS NOT NULL AND created_at >= ? GROUP BY metric_key',
      [iso(since)],
    );
    return rows.map((r) => ({ metricKey: r.metric_key, level: Number(r.level) }));
  }

  /** Critical alerts nobody acknowledged within the window, not yet escalated nor silenced. */
  async awaitingEscalation(createdBefore: number, limit = 100): Promise<StoredAlert[]> {
    const rows = await this.db.query<AlertRow>(
      `SELECT ${ALERT_COLUMNS} FROM alerts WHERE severity = 'critical' AND acknowledged_at IS NULL AND escalated_at IS NULL
         AND silenced_by IS NULL AND created_at <= ? ORDER BY created_at LIMIT ?`,
      [iso(createdBefore), limit],
    );
    return rows.map(toAlert);
  }

  async markEscalated(id: string, at: number): Promise<void> {
    await this.db.execute('UPDATE alerts SET escalated_at = ? WHERE id = ? AND escalated_at IS NULL', [iso(at), id]);
  }

  // ------------------------------------------------------------------ deliveries

  /** Pending deliveries due now, critical first, with their alerts. */
  async due(now: number, limit: number): Promise<Array<{ delivery: Delivery; alert: StoredAlert }>> {
    const rows = await this.db.query<DeliveryRow & { [K in keyof AlertRow as `a_${K}`]: AlertRow[K] }>(
      `SELECT d.id, d.alert_id, d.channel, d.purpose, d.severity, d.status, d.attempts, d.next_attempt_at, d.last_error, d.last_status,
              d.created_at, d.sent_at, ${ALERT_COLUMNS.split(', ')
                .map((c) => `a.${c} AS a_${c}`)
                .join(', ')}
         FROM alert_deliveries d JOIN alerts a ON a.id = d.alert_id
        WHERE d.status = 'pending' AND d.next_attempt_at <= ?
        ORDER BY CASE d.severity WHEN 'critical' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, d.next_attempt_at
        LIMIT ?`,
      [iso(now), limit],
    );
    return rows.map((row) => {
      const alert = Object.fromEntries(
        Object.entries(row)
          .filter(([k]) => k.startsWith('a_'))
          .map(([k, v]) => [k.slice(2), v]),
      ) as unknown as AlertRow;
      return { delivery: toDelivery(row), alert: toAlert(alert) };
    });
  }

  /** When the next pending delivery falls due (epoch ms), or null if none is pending. */
  async nextDueAt(): Promise<number | null> {
    const [row] = await this.db.query<{ next: string | null }>(
      "SELECT MIN(next_attempt_at) AS next FROM alert_deliveries WHERE status = 'pending'",
    );
    return ms(row?.next ?? null);
  }

  async recordAttempt(
    id: string,
    result: {
      status: DeliveryStatus;
      attempts: number;
      nextAttemptAt: number;
      error: string | null;
      httpStatus: number | null;
      at: number;
    },
  ): Promise<void> {
    await this.db.execute(
      `UPDATE alert_deliveries SET status = ?, attempts = ?, next_attempt_at = ?, last_error = ?, last_status = ?, updated_at = ?,
         sent_at = CASE WHEN ? = 'sent' THEN ? ELSE sent_at END WHERE id = ?`,
      [
        result.status,
        result.attempts,
        iso(result.nextAttemptAt),
        result.error,
        result.httpStatus,
        iso(result.at),
        result.status,
        iso(result.at),
        id,
      ],
    );
  }

  /** Puts a delivery off without counting an attempt (its channel's breaker is open). */
  async postpone(id: string, until: number, reason: string, at: number): Promise<void> {
    await this.db.execute('UPDATE alert_deliveries SET next_attempt_at = ?, last_error = ?, updated_at = ? WHERE id = ?', [
      iso(until),
      reason,
      iso(at),
      id,
    ]);
  }

  async deliveriesOf(alertIds: readonly string[]): Promise<Delivery[]> {
    if (alertIds.length === 0) return [];
    const rows = await this.db.query<DeliveryRow>(
      `SELECT id, alert_id, channel, purpose, severity, status, attempts, next_attempt_at, last_error, last_status, created_at, sent_at
         FROM alert_deliveries WHERE alert_id IN (${alertIds.map(() => '?').join(', ')}) ORDER BY created_at, channel`,
      [...alertIds],
    );
    return rows.map(toDelivery);
  }

  async deliveriesByStatus(status: DeliveryStatus, limit: number): Promise<Delivery[]> {
    const rows = await this.db.query<DeliveryRow>(
      `SELECT id, alert_id, channel, purpose, severity, status, attempts, next_attempt_at, last_error, last_status, created_at, sent_at
         FROM alert_deliveries WHERE status = ? ORDER BY created_at DESC LIMIT ?`,
      [status, limit],
    );
    return rows.map(toDelivery);
  }

  /** A dead letter back to pending, with a fresh set of tries; false if it is not dead. */
  async revive(id: string, at: number): Promise<boolean> {
    const changed = await this.db.execute(
      "UPDATE alert_deliveries SET status = 'pending', attempts = 0, next_attempt_at = ?, updated_at = ? WHERE id = ? AND status = 'dead'",
      [iso(at), iso(at), id],
    );
    return changed > 0;
  }

  // ------------------------------------------------------------------ silences

  async addSilence(silence: Omit<Silence, 'id' | 'endedAt'>): Promise<Silence> {
    const id = `sil_${randomUUID()}`;
    await this.db.execute(
      `INSERT INTO alert_silences (id, alert_type, position_id, asset, starts_at, ends_at, reason, author, created_at, ended_at) VALUES ${this.db.values(1, 10)}`,
      [
        id,
        silence.alertType,
        silence.positionId,
        silence.asset,
        iso(silence.startsAt),
        iso(silence.endsAt),
        silence.reason,
        silence.author,
        iso(silence.createdAt),
        null,
      ],
    );
    return { ...silence, id, endedAt: null };
  }

  /** Silences in force at `now` (started, not past their end, not ended early). */
  async activeSilences(now: number): Promise<Silence[]> {
    const rows = await this.db.query<SilenceRow>(
      'SELECT * FROM alert_silences WHERE ended_at IS NULL AND starts_at <= ? AND ends_at > ? ORDER BY ends_at',
      [iso(now), iso(now)],
    );
    return rows.map(toSilence);
  }

  /** Silences not yet over (in force or scheduled), newest first. */
  async currentSilences(now: number, limit = 200): Promise<Silence[]> {
    const rows = await this.db.query<SilenceRow>(
      'SELECT * FROM alert_silences WHERE ended_at IS NULL AND ends_at > ? ORDER BY starts_at DESC LIMIT ?',
      [iso(now), limit],
    );
    return rows.map(toSilence);
  }

  async getSilence(id: string): Promise<Silence | null> {
    const [row] = await this.db.query<SilenceRow>('SELECT * FROM alert_silences WHERE id = ?', [id]);
    return row ? toSilence(row) : null;
  }

  /** Ends a silence early; false when there is none in force or scheduled with that id. */
  async endSilence(id: string, at: number): Promise<boolean> {
    return (
      (await this.db.execute('UPDATE alert_silences SET ended_at = ? WHERE id = ? AND ended_at IS NULL AND ends_at > ?', [
        iso(at),
        id,
        iso(at),
      ])) > 0
    );
  }

  // ------------------------------------------------------------------ settings

  async setting(key: SettingKey): Promise<string | null> {
    const [row] = await this.db.query<{ value: string }>('SELECT value FROM alert_settings WHERE key = ?', [key]);
    return row?.value ?? null;
  }

  async putSetting(key: SettingKey, value: string, by: string, at: number): Promise<void> {
    await this.db.execute(
      `INSERT INTO alert_settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      [key, value, iso(at), by],
    );
  }

  private async insertDeliveries(
    tx: SqlTransaction,
    alertId: string,
    severity: AlertSeverity,
    channels: readonly string[],
    purpose: DeliveryPurpose,
    now: number,
  ): Promise<number> {
    if (channels.length === 0) return 0;
    const params = channels.flatMap((channel) => [
      `dlv_${randomUUID()}`,
      alertId,
      channel,
      purpose,
      severity,
      'pending',
      0,
      iso(now),
      iso(now),
      iso(now),
    ]);
    return tx.execute(
      `INSERT INTO alert_deliveries (id, alert_id, channel, purpose, severity, status, attempts, next_attempt_at, created_at, updated_at)
         VALUES ${this.db.values(channels.length, 10)} ON CONFLICT (alert_id, channel, purpose) DO NOTHING`,
      params,
    );
  }
}

function toAlert(row: AlertRow): StoredAlert {
  return {
    id: row.id,
    type: row.type as AlertType,
    severity: row.severity as AlertSeverity,
    metricKey: row.metric_key,
    level: Number(row.level),
    positionId: row.position_id,
    asset: row.asset,
    title: row.title,
    facts: JSON.parse(row.facts) as StoredAlert['facts'],
    createdAt: Date.parse(row.created_at),
    silencedBy: row.silenced_by,
    acknowledgedAt: ms(row.acknowledged_at),
    acknowledgedBy: row.acknowledged_by,
    escalatedAt: ms(row.escalated_at),
  };
}

function toDelivery(row: DeliveryRow): Delivery {
  return {
    id: row.id,
    alertId: row.alert_id,
    channel: row.channel,
    purpose: row.purpose as DeliveryPurpose,
    severity: row.severity as AlertSeverity,
    status: row.status as DeliveryStatus,
    attempts: Number(row.attempts),
    nextAttemptAt: Date.parse(row.next_attempt_at),
    lastError: row.last_error,
    lastStatus: row.last_status === null ? null : Number(row.last_status),
    createdAt: Date.parse(row.created_at),
    sentAt: ms(row.sent_at),
  };
}

function toSilence(row: SilenceRow): Silence {
  return {
    id: row.id,
    alertType: row.alert_type as AlertType | null,
    positionId: row.position_id,
    asset: row.asset,
    startsAt: Date.parse(row.starts_at),
    endsAt: Date.parse(row.ends_at),
    reason: row.reason,
    author: row.author,
    createdAt: Date.parse(row.created_at),
    endedAt: ms(row.ended_at),
  };
}
