import { Injectable } from '@nestjs/common';
import type { BotPositionSummary } from '@dnb/contracts';
import { HistoryDatabase, whereClause, type Condition } from './history-database';

export interface TradeRecord {
  position_id: string;
  asset: string;
  opened_at: string;
  closed_at: string;
  observed_at: string;
  last_seen_at: string;
  hold_seconds: number;
  leverage: string;
  deployed_usd: string;
  total_pnl_usd: string;
  funding_pnl_usd: string;
  position_pnl_usd: string;
  close_reason: string | null;
  reason_source: 'action_log' | 'unknown';
  last_seen: BotPositionSummary;
}

export interface StoredTrade extends TradeRecord {
  id: number;
}

export const TRADE_SORT_FIELDS = ['closed_at', 'opened_at', 'hold_seconds', 'total_pnl_usd'] as const;
export type TradeSortField = (typeof TRADE_SORT_FIELDS)[number];

export interface TradeFilter {
  asset?: string;
  reason?: string;
  /** closed_at in [from, to) */
  from?: string;
  to?: string;
}

export interface TradePageQuery extends TradeFilter {
  sort: TradeSortField;
  direction: 'asc' | 'desc';
  /** The last row of the previous page: its sort value and id. */
  after?: { value: string | number; id: number };
  limit: number;
}

interface TradeRow extends Omit<StoredTrade, 'id' | 'hold_seconds' | 'last_seen'> {
  id: number | string;
  hold_seconds: number | string;
  last_seen: string;
}

const COLUMNS =
  'id, position_id, asset, opened_at, closed_at, observed_at, last_seen_at, hold_seconds, leverage, deployed_usd, total_pnl_usd, funding_pnl_usd, position_pnl_usd, close_reason, reason_source, last_seen';

/** trades and history_open_positions. */
@Injectable()
export class TradesRepository {
  constructor(private readonly db: HistoryDatabase) {}

  /** Stores the trade unless it is stored already (same position and open time); true when stored now. */
  async insert(trade: TradeRecord): Promise<boolean> {
    const affected = await this.db.execute(
      `INSERT INTO trades (position_id, asset, opened_at, closed_at, observed_at, last_seen_at, hold_seconds, leverage, deployed_usd,
         total_pnl_usd, funding_pnl_usd, position_pnl_usd, close_reason, reason_source, last_seen, created_at)
       VALUES ${this.db.values(1, 16)} ON CONFLICT (position_id, opened_at) DO NOTHING`,
      [
        trade.position_id,
        trade.asset,
        trade.opened_at,
        trade.closed_at,
        trade.observed_at,
        trade.last_seen_at,
        trade.hold_seconds,
        trade.leverage,
        trade.deployed_usd,
        trade.total_pnl_usd,
        trade.funding_pnl_usd,
        trade.position_pnl_usd,
        trade.close_reason,
        trade.reason_source,
        JSON.stringify(trade.last_seen),
        new Date().toISOString(),
      ],
    );
    return affected > 0;
  }

  /** Fills in a close reason found later in the bot's action log (only where none is known). */
  async setReason(positionId: string, openedAt: string, reason: string, closedAt: string): Promise<void> {
    await this.db.query(
      "UPDATE trades SET close_reason = ?, reason_source = 'action_log', closed_at = ? WHERE position_id = ? AND opened_at = ? AND close_reason IS NULL",
      [reason, closedAt, positionId, openedAt],
    );
  }

  /** A page of trades in the requested order; ties broken by id in the same direction. */
  async page(query: TradePageQuery): Promise<StoredTrade[]> {
    const key = this.sortKey(query.sort);
    const value = this.sortKey(query.sort, '?');
    const op = query.direction === 'desc' ? '<' : '>';
    const where = whereClause([
      ...this.filter(query),
      query.after
        ? [`(${key} ${op} ${value} OR (${key} = ${value} AND id ${op} ?))`, query.after.value, query.after.value, query.after.id]
        : null,
    ]);
    const dir = query.direction.toUpperCase();
    const rows = await this.db.read<TradeRow>(`SELECT ${COLUMNS} FROM trades ${where.sql} ORDER BY ${key} ${dir}, id ${dir} LIMIT ?`, [
      ...where.params,
      query.limit,
    ]);
    return rows.map(toTrade);
  }

  /** Trades seen closing at or after this time (UTC ISO), oldest first: the alert engine watches their close reasons. */
  async observedSince(since: string, limit = 200): Promise<StoredTrade[]> {
    const rows = await this.db.query<TradeRow>(`SELECT ${COLUMNS} FROM trades WHERE observed_at >= ? ORDER BY observed_at, id LIMIT ?`, [
      since,
      limit,
    ]);
    return rows.map(toTrade);
  }

  /** Every trade of one position (normally one; more if the bot reused its id). */
  async byPosition(positionId: string): Promise<StoredTrade[]> {
    const rows = await this.db.read<TradeRow>(`SELECT ${COLUMNS} FROM trades WHERE position_id = ? ORDER BY opened_at`, [positionId]);
    return rows.map(toTrade);
  }

  /** PnL figures of the trades closed in [from, to) (decimal strings, summed exactly by the caller). */
  async pnlBetween(from: string, to: string): Promise<Array<{ total_pnl_usd: string; funding_pnl_usd: string }>> {
    const rows = await this.db.read<{ total_pnl_usd: string | number; funding_pnl_usd: string | number }>(
      'SELECT total_pnl_usd, funding_pnl_usd FROM trades WHERE closed_at >= ? AND closed_at < ?',
      [from, to],
    );
    return rows.map((r) => ({ total_pnl_usd: String(r.total_pnl_usd), funding_pnl_usd: String(r.funding_pnl_usd) }));
  }

  /** Every trade's PnL (the collector's running realized total starts from it). */
  async allPnl(): Promise<Array<{ total_pnl_usd: string; funding_pnl_usd: string }>> {
    return this.pnlBetween('', '\uffff');
  }

  // -------------------------------------------------------------- positions seen open

  async trackOpen(positions: ReadonlyArray<{ position: BotPositionSummary; seenAt: string }>): Promise<void> {
    if (positions.length === 0) return;
    await this.db.query(
      `INSERT INTO history_open_positions (position_id, opened_at, summary, last_seen_at) VALUES ${this.db.values(positions.length, 4)}
       ON CONFLICT (position_id) DO UPDATE SET opened_at = excluded.opened_at, summary = excluded.summary, last_seen_at = excluded.last_seen_at`,
      positions.flatMap((p) => [p.position.position_id, p.position.opened_at, JSON.stringify(p.position), p.seenAt]),
    );
  }

  async untrack(positionId: string): Promise<void> {
    await this.db.query('DELETE FROM history_open_positions WHERE position_id = ?', [positionId]);
  }

  async tracked(): Promise<Array<{ position: BotPositionSummary; lastSeenAt: string }>> {
    const rows = await this.db.query<{ summary: string; last_seen_at: string }>('SELECT summary, last_seen_at FROM history_open_positions');
    return rows.map((r) => ({ position: JSON.parse(r.summary) as BotPositionSummary, lastSeenAt: r.last_seen_at }));
  }

  private filter(filter: TradeFilter): Condition[] {
    return [
      filter.asset ? ['asset = ?', filter.asset] : null,
      filter.reason ? ['close_reason = ?', filter.reason] : null,
      filter.from ? ['closed_at >= ?', filter.from] : null,
      filter.to ? ['closed_at < ?', filter.to] : null,
    ];
  }

  /** PnL orders by value: NUMERIC on PostgreSQL; on SQLite (TEXT) as a REAL, for ordering only. */
  private sortKey(sort: TradeSortField, expression: string = sort): string {
    if (sort !== 'total_pnl_usd') return expression;
    return this.db.postgres ? (expression === '?' ? 'CAST(? AS NUMERIC)' : expression) : `CAST(${expression} AS REAL)`;
  }
}

function toTrade(row: TradeRow): StoredTrade {
  return {
    ...row,
    id: Number(row.id),
    hold_seconds: Number(row.hold_seconds),
    leverage: String(row.leverage),
    deployed_usd: String(row.deployed_usd),
    total_pnl_usd: String(row.total_pnl_usd),
    funding_pnl_usd: String(row.funding_pnl_usd),
    position_pnl_usd: String(row.position_pnl_usd),
    last_seen: JSON.parse(row.last_seen) as BotPositionSummary,
  };
}
