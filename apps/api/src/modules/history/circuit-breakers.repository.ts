import { Injectable } from '@nestjs/common';
import { HistoryDatabase, whereClause } from './history-database';

/** Spec Appendix A "Circuit Breaker History", plus where the event was learnt from. */
export interface CircuitBreakerRecord {
  breaker_type: string;
  triggered_at: string;
  reason: string;
  scope: string;
  auto_recovery: boolean | null;
  cooldown_seconds: number | null;
  recovery_time: string | null;
  resolved_at: string | null;
  resolved_by: string | null;
  /** 'bot': the bot's own history (extension); 'pause_state': seen in its pause state (core bots). */
  source: 'bot' | 'pause_state';
}

export interface StoredCircuitBreaker extends CircuitBreakerRecord {
  id: number;
}

interface Row extends Omit<StoredCircuitBreaker, 'id' | 'auto_recovery' | 'cooldown_seconds'> {
  id: number | string;
  auto_recovery: boolean | number | null;
  cooldown_seconds: number | string | null;
}

@Injectable()
export class CircuitBreakersRepository {
  constructor(private readonly db: HistoryDatabase) {}

  /** Stores an event, or updates what may change on it (resolution, recovery time). */
  async upsert(event: CircuitBreakerRecord): Promise<void> {
    const autoRecovery = event.auto_recovery === null ? null : this.db.postgres ? event.auto_recovery : Number(event.auto_recovery);
    await this.db.query(
      `INSERT INTO circuit_breaker_events (breaker_type, triggered_at, reason, scope, auto_recovery, cooldown_seconds, recovery_time,
         resolved_at, resolved_by, source, updated_at)
       VALUES ${this.db.values(1, 11)}
       ON CONFLICT (breaker_type, triggered_at) DO UPDATE SET reason = excluded.reason, scope = excluded.scope,
         auto_recovery = excluded.auto_recovery, cooldown_seconds = excluded.cooldown_seconds, recovery_time = excluded.recovery_time,
         resolved_at = excluded.resolved_at, resolved_by = excluded.resolved_by, updated_at = excluded.updated_at`,
      [
        event.breaker_type,
        event.triggered_at,
        event.reason,
        event.scope,
        autoRecovery,
        event.cooldown_seconds,
        event.recovery_time,
        event.resolved_at,
        event.resolved_by,
        event.source,
        new Date().toISOString(),
      ],
    );
  }

  /** Events learnt from the pause state that have not been seen to end. */
  async openFromPauseState(): Promise<StoredCircuitBreaker[]> {
    const rows = await this.db.query<Row>("SELECT * FROM circuit_breaker_events WHERE source = 'pause_state' AND resolved_at IS NULL");
    return rows.map(toEvent);
  }

  /** Newest first, triggered in [from, to), optionally of one type; a page after (triggered_at, id). */
  async page(query: {
    from?: string;
    to?: string;
    type?: string;
    before?: { triggeredAt: string; id: number };
    limit: number;
  }): Promise<StoredCircuitBreaker[]> {
    const where = whereClause([
      query.from ? ['triggered_at >= ?', query.from] : null,
      query.to ? ['triggered_at < ?', query.to] : null,
      query.type ? ['breaker_type = ?', query.type] : null,
      query.before
        ? ['(triggered_at < ? OR (triggered_at = ? AND id < ?))', query.before.triggeredAt, query.before.triggeredAt, query.before.id]
        : null,
    ]);
    const rows = await this.db.read<Row>(`SELECT * FROM circuit_breaker_events ${where.sql} ORDER BY triggered_at DESC, id DESC LIMIT ?`, [
      ...where.params,
      query.limit,
    ]);
    return rows.map(toEvent);
  }
}

function toEvent(row: Row): StoredCircuitBreaker {
  return {
    id: Number(row.id),
    breaker_type: row.breaker_type,
    triggered_at: row.triggered_at,
    reason: row.reason,
    scope: row.scope,
    auto_recovery: row.auto_recovery === null ? null : Boolean(row.auto_recovery),
    cooldown_seconds: row.cooldown_seconds === null ? null : Number(row.cooldown_seconds),
    recovery_time: row.recovery_time,
    resolved_at: row.resolved_at,
    resolved_by: row.resolved_by,
    source: row.source,
  };
}
