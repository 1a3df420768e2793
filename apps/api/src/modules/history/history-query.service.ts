import { Injectable } from '@nestjs/common';
import { ASSETS } from '@dnb/contracts';
import { AppException } from '../../common/errors/app.exception';
import { BotBridgeService } from '../bot-bridge/bot-bridge.service';
import { ExactDecimal, sumDecimals } from '../positions/decimal-sum';
import { CircuitBreakersRepository, type StoredCircuitBreaker } from './circuit-breakers.repository';
import type {
  CircuitBreakersQueryDto,
  FundingHistoryDto,
  FundingQueryDto,
  HistoryRangeQueryDto,
  HistoryWindowDto,
  PnlHistoryDto,
  PnlPointDto,
  PositionHistoryDto,
  PositionLifecycleEventDto,
  TradeDto,
  TradesQueryDto,
} from './history.dto';
import { DAY_MS, iso, RESOLUTION_MS, resolveRange, type HistoryRange } from './history-resolution';
import { FUNDING_METRICS, PNL_METRICS, POSITION_METRICS } from './portfolio-sample';
import { bucketTimestamps, SeriesReader } from './series-reader';
import { TradesRepository, type StoredTrade, type TradeSortField } from './trades.repository';

/** The longest range a history read may span. */
const MAX_RANGE_DAYS = 366;
const EXPORT_PAGE = 1000;

/** Everything the history routes answer; the controller only hands inputs over. */
@Injectable()
export class HistoryQueryService {
  constructor(
    private readonly reader: SeriesReader,
    private readonly trades: TradesRepository,
    private readonly breakers: CircuitBreakersRepository,
    private readonly bridge: BotBridgeService,
  ) {}

  /** Spec 3.1: the portfolio PnL series and the trades' summary over the range. */
  async pnl(query: HistoryRangeQueryDto, nowMs = Date.now()): Promise<PnlHistoryDto> {
    const range = this.range(query, nowMs);
    const types = Object.values(PNL_METRICS);
    const [last, closed] = await Promise.all([
      this.reader.readLast(types, '', range.resolution, range.firstBucketMs, range.toMs),
      this.trades.pnlBetween(iso(range.fromMs), iso(range.toMs)),
    ]);
    const [realized, unrealized, total, funding, position] = [
      PNL_METRICS.realized,
      PNL_METRICS.unrealized,
      PNL_METRICS.total,
      PNL_METRICS.funding,
      PNL_METRICS.position,
    ].map((type) => last.get(type)!);
    const data_points: PnlPointDto[] = bucketTimestamps(last).map((timestamp) => ({
      timestamp,
      realized_pnl: realized!.get(timestamp) ?? null,
      unrealized_pnl: unrealized!.get(timestamp) ?? null,
      total_pnl: total!.get(timestamp) ?? null,
      funding_pnl: funding!.get(timestamp) ?? null,
      position_pnl: position!.get(timestamp) ?? null,
    }));
    const realizedTotal = sumDecimals(closed.map((t) => t.total_pnl_usd));
    const wins = closed.filter((t) => new ExactDecimal(t.total_pnl_usd).gt(0)).length;
    const newestUnrealized = [...data_points].reverse().find((p) => p.unrealized_pnl !== null)?.unrealized_pnl ?? '0';
    return {
      ...this.window(range),
      data_points,
      summary: {
        total_realized: realizedTotal,
        total_unrealized: newestUnrealized,
        win_rate: closed.length ? new ExactDecimal(wins).div(closed.length).toFixed(4) : null,
        avg_pnl_per_trade: closed.length
          ? new ExactDecimal(realizedTotal).div(closed.length).toFixed(Math.max(2, scaleOf(realizedTotal)))
          : null,
        trades: closed.length,
      },
    };
  }

  /** Funding rate and net APY per asset (averages over each bucket). */
  async funding(query: FundingQueryDto, nowMs = Date.now()): Promise<FundingHistoryDto> {
    const range = this.range(query, nowMs);
    const types = Object.values(FUNDING_METRICS);
    const data_points: FundingHistoryDto['data_points'] = [];
    for (const asset of query.asset ? [query.asset] : ASSETS) {
      const buckets = await this.reader.read(types, asset, range.resolution, range.firstBucketMs, range.toMs);
      for (const timestamp of bucketTimestamps(buckets)) {
        data_points.push({
          timestamp,
          asset,
          funding_rate: buckets.get(FUNDING_METRICS.funding_rate)!.get(timestamp)?.avg ?? null,
          net_apy: buckets.get(FUNDING_METRICS.net_apy)!.get(timestamp)?.avg ?? null,
        });
      }
    }
    return { ...this.window(range), data_points };
  }

  /** One position's risk and PnL series, with when it opened and how it closed. Default range: its life. */
  async position(id: string, query: HistoryRangeQueryDto, nowMs = Date.now()): Promise<PositionHistoryDto> {
    const trades = await this.trades.byPosition(id);
    const trade = trades[trades.length - 1];
    const open = this.bridge.snapshot().positions?.[id];
    const openedAt = open?.opened_at ?? trade?.opened_at;
    let effective: HistoryRangeQueryDto = query;
    if (query.days === undefined && query.from === undefined && openedAt) {
      // Its whole life: from its open to its close (or now), at most MAX_RANGE_DAYS.
      const end = trade && !open ? Date.parse(trade.closed_at) + RESOLUTION_MS['1min'] : nowMs;
      const start = Math.max(Date.parse(openedAt), end - MAX_RANGE_DAYS * DAY_MS);
      effective = { ...query, from: iso(start), to: query.to ?? iso(end) };
    }
    const range = this.range(effective, nowMs);
    const types = Object.values(POSITION_METRICS);
    const buckets = await this.reader.read(types, id, range.resolution, range.firstBucketMs, range.toMs);
    const timestamps = bucketTimestamps(buckets);
    if (!open && !trade && timestamps.length === 0) throw AppException.notFound(`No history for position ${id}`);
    const at = (type: string, timestamp: string) => buckets.get(type)!.get(timestamp);
    const events: PositionLifecycleEventDto[] = [];
    for (const t of trades) {
      events.push({ type: 'opened', at: t.opened_at }, { type: 'closed', at: t.closed_at, reason: t.close_reason, trade: toTradeDto(t) });
    }
    if (open && !trades.some((t) => t.opened_at === open.opened_at)) events.push({ type: 'opened', at: open.opened_at });
    return {
      ...this.window(range),
      position_id: id,
      asset: open?.asset ?? trade?.asset ?? null,
      data_points: timestamps.map((timestamp) => ({
        timestamp,
        health_factor: at(POSITION_METRICS.health_factor, timestamp)?.last ?? null,
        health_factor_min: at(POSITION_METRICS.health_factor, timestamp)?.min ?? null,
        margin_fraction: at(POSITION_METRICS.margin_fraction, timestamp)?.last ?? null,
        margin_fraction_min: at(POSITION_METRICS.margin_fraction, timestamp)?.min ?? null,
        delta_ratio: at(POSITION_METRICS.delta_ratio, timestamp)?.last ?? null,
        pnl: at(POSITION_METRICS.pnl, timestamp)?.last ?? null,
      })),
      events: events.sort((a, b) => a.at.localeCompare(b.at)),
    };
  }

  async tradesPage(query: TradesQueryDto): Promise<{ trades: TradeDto[]; next_cursor: string | null }> {
    const limit = query.limit ?? 100;
    const { sort, direction } = parseSort(query.sort);
    const rows = await this.trades.page({
      ...this.tradeFilter(query),
      sort,
      direction,
      after: decodeCursor(query.cursor, 'cursor'),
      limit,
    });
    const last = rows[rows.length - 1];
    return {
      trades: rows.map(toTradeDto),
      next_cursor: rows.length === limit && last ? encodeCursor({ value: last[sort], id: last.id }) : null,
    };
  }

  /** Every matching trade, page by page (an export never holds the whole table in memory). */
  async *allTrades(query: TradesQueryDto): AsyncGenerator<Record<string, unknown>> {
    const { sort, direction } = parseSort(query.sort);
    const filter = this.tradeFilter(query);
    let after: { value: string | number; id: number } | undefined;
    for (;;) {
      const rows = await this.trades.page({ ...filter, sort, direction, after, limit: EXPORT_PAGE });
      for (const row of rows) yield toTradeDto(row) as unknown as Record<string, unknown>;
      const last = rows[rows.length - 1];
      if (rows.length < EXPORT_PAGE || !last) return;
      after = { value: last[sort], id: last.id };
    }
  }

  async breakersPage(
    query: CircuitBreakersQueryDto,
  ): Promise<{ circuit_breakers: ReturnType<typeof toBreakerDto>[]; next_cursor: string | null }> {
    const limit = query.limit ?? 100;
    const cursor = decodeCursor(query.cursor, 'cursor');
    const rows = await this.breakers.page({
      ...this.timeFilter(query),
      type: query.breaker_type,
      before: cursor ? { triggeredAt: String(cursor.value), id: cursor.id } : undefined,
      limit,
    });
    const last = rows[rows.length - 1];
    return {
      circuit_breakers: rows.map(toBreakerDto),
      next_cursor: rows.length === limit && last ? encodeCursor({ value: last.triggered_at, id: last.id }) : null,
    };
  }

  async *allBreakers(query: CircuitBreakersQueryDto): AsyncGenerator<Record<string, unknown>> {
    let before: { triggeredAt: string; id: number } | undefined;
    for (;;) {
      const rows = await this.breakers.page({ ...this.timeFilter(query), type: query.breaker_type, before, limit: EXPORT_PAGE });
      for (const row of rows) yield toBreakerDto(row) as unknown as Record<string, unknown>;
      const last = rows[rows.length - 1];
      if (rows.length < EXPORT_PAGE || !last) return;
      before = { triggeredAt: last.triggered_at, id: last.id };
    }
  }

  private tradeFilter(query: TradesQueryDto) {
    return { asset: query.asset, reason: query.reason, ...this.timeFilter(query) };
  }

  private timeFilter(query: { from?: string; to?: string }): { from?: string; to?: string } {
    const from = query.from === undefined ? undefined : utc(query.from, 'from');
    const to = query.to === undefined ? undefined : utc(query.to, 'to');
    if (from && to && from >= to) throw invalid('to', 'to must be later than from');
    return { from, to };
  }

  /** The range a chart covers, after the checks that involve more than one field. */
  private range(query: HistoryRangeQueryDto, nowMs: number): HistoryRange {
    if (query.days !== undefined && query.from !== undefined)
      throw invalid('days', 'give either days or from (with an optional to), not both');
    const fromMs = query.from === undefined ? undefined : Date.parse(utc(query.from, 'from'));
    const toMs = query.to === undefined ? undefined : Date.parse(utc(query.to, 'to'));
    if (toMs !== undefined && fromMs !== undefined && toMs <= fromMs) throw invalid('to', 'to must be later than from');
    if (fromMs !== undefined && (toMs ?? nowMs) - fromMs > MAX_RANGE_DAYS * DAY_MS) {
      throw invalid('from', `a range spans at most ${MAX_RANGE_DAYS} days`);
    }
    if (fromMs !== undefined && fromMs >= nowMs && toMs === undefined) throw invalid('from', 'from must be in the past (or give to)');
    return resolveRange({ days: query.days, fromMs, toMs, resolution: query.resolution }, nowMs);
  }

  private window(range: HistoryRange): HistoryWindowDto {
    return {
      period: range.period,
      timezone: 'UTC',
      resolution: range.resolution,
      from: iso(range.fromMs),
      to: iso(range.toMs),
      truncated: range.truncated,
    };
  }
}

export function toTradeDto(trade: StoredTrade): TradeDto {
  const { last_seen: _lastSeen, ...dto } = trade;
  return dto;
}

export function toBreakerDto(event: StoredCircuitBreaker) {
  const { id: _id, ...dto } = event;
  return dto;
}

function parseSort(sort: string | undefined): { sort: TradeSortField; direction: 'asc' | 'desc' } {
  const [field, direction] = (sort ?? 'closed_at:desc').split(':') as [TradeSortField, ('asc' | 'desc')?];
  return { sort: field, direction: direction ?? 'desc' };
}

function encodeCursor(cursor: { value: string | number; id: number }): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.id])).toString('base64url');
}

function decodeCursor(text: string | undefined, field: string): { value: string | number; id: number } | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(parsed) && parsed.length === 2 && ['string', 'number'].includes(typeof parsed[0]) && Number.isInteger(parsed[1])) {
      return { value: parsed[0] as string | number, id: parsed[1] as number };
    }
  } catch {
    // Reported below, as any other cursor that is not one of ours.
  }
  throw invalid(field, `${field} is not a cursor this API gave out`);
}

/** ISO 8601 as given (any offset, or a date) -> UTC with Z, the form every stored time has. */
function utc(value: string, field: string): string {
  const ms = Date.parse(/T/.test(value) && !/(Z|[+-]\d{2}:?\d{2})$/i.test(value) ? `${value}Z` : value);
  if (Number.isNaN(ms)) throw invalid(field, `${field} must be an ISO 8601 date-time`);
  return iso(ms);
}

function scaleOf(value: string): number {
  const point = value.indexOf('.');
  return point === -1 ? 0 : value.length - point - 1;
}

function invalid(field: string, message: string): AppException {
  return AppException.validation([{ field, messages: [message] }]);
}
