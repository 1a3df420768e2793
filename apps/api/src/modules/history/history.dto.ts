import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { ASSETS, BREAKER_TYPES, PAUSE_SCOPES, type Asset } from '@dnb/contracts';
import { RESOLUTIONS, type Resolution } from './history-resolution';
import { TRADE_SORT_FIELDS } from './trades.repository';

const DEC = (example: string, description = 'Decimal string (exact)') => ({ type: String, example, description });
const NULLABLE_DEC = (example: string, description = 'Decimal string (exact); null when there was no data') => ({
  type: String,
  nullable: true,
  example,
  description,
});
const UTC = (example: string, description = 'UTC, ISO 8601 with Z') => ({ type: String, example, description });
const FORMAT = { enum: ['json', 'csv'], description: 'Download the rows as a streamed file instead of a JSON answer' };

export class HistoryRangeQueryDto {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: 365,
    example: 7,
    description: 'Rolling window ending now (Q14: 1 = the last 24 hours). Default 1.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  days?: number;

  @ApiPropertyOptional({ example: '2026-11-14T00:00:00Z', description: 'Start (inclusive); instead of days' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-21T00:00:00Z', description: 'End (exclusive); default now' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  to?: string;

  @ApiPropertyOptional({
    enum: RESOLUTIONS,
    description:
      'Default chosen from the range: <= 1 day 1min, <= 7 days 5min, <= 30 days 1hour, longer 1day. At most 2,000 points (the newest).',
  })
  @IsOptional()
  @IsIn(RESOLUTIONS)
  resolution?: Resolution;

  @ApiPropertyOptional(FORMAT)
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export class FundingQueryDto extends HistoryRangeQueryDto {
  @ApiPropertyOptional({ enum: ASSETS, description: 'One asset; default every asset' })
  @IsOptional()
  @IsIn(ASSETS)
  asset?: Asset;
}

export class PositionHistoryParamDto {
  @ApiProperty({ example: 'pos_20250204000001' })
  @Matches(/^[A-Za-z0-9_.:-]{1,128}$/, { message: 'id must be 1-128 letters, digits, dot, colon, dash or underscore' })
  id!: string;
}

export class PositionHistoryQueryDto extends HistoryRangeQueryDto {}

/** Time filter, cursor paging and export, shared by the event lists (trades, circuit breakers). */
export class PagedTimeQueryDto {
  @ApiPropertyOptional({ example: '2026-11-01T00:00:00Z', description: 'At or after (closed_at of a trade, triggered_at of a breaker)' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-22T00:00:00Z', description: 'Before (same field as from)' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  to?: string;

  @ApiPropertyOptional({ description: 'The next_cursor of the previous page (same filters and sort)' })
  @IsOptional()
  @IsString()
  @Length(1, 512)
  cursor?: string;

  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiPropertyOptional({ ...FORMAT, description: 'Export every matching row (all pages) as a streamed file' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export class TradesQueryDto extends PagedTimeQueryDto {
  @ApiPropertyOptional({ enum: ASSETS }) @IsOptional() @IsIn(ASSETS) asset?: Asset;

  @ApiPropertyOptional({ example: 'funding_flipped', description: 'Close reason as the bot logged it' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  reason?: string;

  @ApiPropertyOptional({
    example: 'closed_at:desc',
    default: 'closed_at:desc',
    description: `field[:asc|desc]; field one of ${TRADE_SORT_FIELDS.join(', ')}`,
  })
  @IsOptional()
  @Matches(new RegExp(`^(${TRADE_SORT_FIELDS.join('|')})(:(asc|desc))?$`), {
    message: `sort must be field[:asc|desc] with field one of ${TRADE_SORT_FIELDS.join(', ')}`,
  })
  sort?: string;
}

export class CircuitBreakersQueryDto extends PagedTimeQueryDto {
  @ApiPropertyOptional({ enum: BREAKER_TYPES }) @IsOptional() @IsIn(BREAKER_TYPES) breaker_type?: string;
}

export class HistoryWindowDto {
  @ApiProperty({ example: '7d', description: 'The rolling window asked for ("24h", "7d"), or "custom" for from/to' }) period!: string;
  @ApiProperty({ example: 'UTC', enum: ['UTC'] }) timezone!: 'UTC';
  @ApiProperty({ enum: RESOLUTIONS }) resolution!: Resolution;
  @ApiProperty(UTC('2026-11-14T12:00:00.000Z', 'Start of the range (inclusive)')) from!: string;
  @ApiProperty(UTC('2026-11-21T12:00:00.000Z', 'End of the range (exclusive)')) to!: string;
  @ApiProperty({ description: 'True when the range held more than 2,000 buckets: only the newest 2,000 are answered' }) truncated!: boolean;
}

export class PnlPointDto {
  @ApiProperty(UTC('2026-11-21T12:00:00.000Z', 'Start of the bucket (UTC)')) timestamp!: string;
  @ApiProperty(NULLABLE_DEC('120.50', 'Realized PnL of closed trades so far, at the end of the bucket')) realized_pnl!: string | null;
  @ApiProperty(NULLABLE_DEC('45.30', 'Unrealized PnL of the open positions, at the end of the bucket')) unrealized_pnl!: string | null;
  @ApiProperty(NULLABLE_DEC('165.80')) total_pnl!: string | null;
  @ApiProperty(NULLABLE_DEC('89.20')) funding_pnl!: string | null;
  @ApiProperty(NULLABLE_DEC('76.60')) position_pnl!: string | null;
}

export class PnlSummaryDto {
  @ApiProperty(DEC('120.50', 'Sum of the PnL of the trades closed in the range')) total_realized!: string;
  @ApiProperty(DEC('45.30', 'Unrealized PnL at the newest point of the range')) total_unrealized!: string;
  @ApiProperty({ ...DEC('0.7500', 'Share of the trades closed in the range with a positive PnL'), nullable: true }) win_rate!:
    string | null;
  @ApiProperty({ ...DEC('30.12', 'total_realized / trades'), nullable: true }) avg_pnl_per_trade!: string | null;
  @ApiProperty({ example: 4 }) trades!: number;
}

export class PnlHistoryDto extends HistoryWindowDto {
  @ApiProperty({ type: [PnlPointDto], description: 'Oldest first; each figure is the value at the end of its bucket' })
  data_points!: PnlPointDto[];
  @ApiProperty({ type: PnlSummaryDto }) summary!: PnlSummaryDto;
}

export class FundingPointDto {
  @ApiProperty(UTC('2026-11-21T12:00:00.000Z', 'Start of the bucket (UTC)')) timestamp!: string;
  @ApiProperty({ enum: ASSETS }) asset!: Asset;
  @ApiProperty(NULLABLE_DEC('-0.0000080', 'Hyperliquid hourly funding rate, average over the bucket (negative: shorts are paid)'))
  funding_rate!: string | null;
  @ApiProperty(NULLABLE_DEC('0.1523', 'Net APY at the default leverage, average over the bucket')) net_apy!: string | null;
}

export class FundingHistoryDto extends HistoryWindowDto {
  @ApiProperty({ type: [FundingPointDto], description: 'Per asset, oldest first' }) data_points!: FundingPointDto[];
}

export class TradeDto {
  @ApiProperty({ example: 17 }) id!: number;
  @ApiProperty({ example: 'pos_20250204000001' }) position_id!: string;
  @ApiProperty({ enum: ASSETS }) asset!: string;
  @ApiProperty(UTC('2026-11-20T08:00:00.000Z')) opened_at!: string;
  @ApiProperty(UTC('2026-11-21T09:30:00.000Z', 'From the bot’s action log when readable, else when the control center saw it gone'))
  closed_at!: string;
  @ApiProperty(UTC('2026-11-21T09:30:01.000Z', 'When the control center saw the position gone')) observed_at!: string;
  @ApiProperty(UTC('2026-11-21T09:30:00.500Z', 'When the figures below were read')) last_seen_at!: string;
  @ApiProperty({ example: 91800 }) hold_seconds!: number;
  @ApiProperty(DEC('3.0')) leverage!: string;
  @ApiProperty(DEC('5000.00')) deployed_usd!: string;
  @ApiProperty(DEC('45.30', 'Realized PnL: the last total PnL seen')) total_pnl_usd!: string;
  @ApiProperty(DEC('67.50')) funding_pnl_usd!: string;
  @ApiProperty(DEC('-22.20', 'total - funding')) position_pnl_usd!: string;
  @ApiProperty({ type: String, nullable: true, example: 'funding_flipped' }) close_reason!: string | null;
  @ApiProperty({ enum: ['action_log', 'unknown'] }) reason_source!: string;
}

export class TradesPageDto {
  @ApiProperty({ type: [TradeDto] }) trades!: TradeDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as cursor for the next page' }) next_cursor!: string | null;
}

export class CircuitBreakerEventDto {
  @ApiProperty({ enum: BREAKER_TYPES }) breaker_type!: string;
  @ApiProperty(UTC('2025-02-04T08:30:00.000Z')) triggered_at!: string;
  @ApiProperty({ example: 'Funding flipped positive: 0.001%' }) reason!: string;
  @ApiProperty({ enum: PAUSE_SCOPES }) scope!: string;
  @ApiProperty({ type: Boolean, nullable: true, description: 'null when learnt from the pause state (not known)' }) auto_recovery!:
    boolean | null;
  @ApiProperty({ type: Number, nullable: true, example: 1800 }) cooldown_seconds!: number | null;
  @ApiProperty({ type: String, nullable: true, example: '2025-02-04T09:00:00.000Z' }) recovery_time!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2025-02-04T09:00:00.000Z' }) resolved_at!: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['auto', 'manual'] }) resolved_by!: string | null;
  @ApiProperty({
    enum: ['bot', 'pause_state'],
    description: 'bot: the bot’s own history; pause_state: seen in its pause state (core-tier bots)',
  })
  source!: string;
}

export class CircuitBreakersPageDto {
  @ApiProperty({ type: [CircuitBreakerEventDto] }) circuit_breakers!: CircuitBreakerEventDto[];
  @ApiProperty({ type: String, nullable: true }) next_cursor!: string | null;
}

export class PositionPointDto {
  @ApiProperty(UTC('2026-11-21T12:00:00.000Z', 'Start of the bucket (UTC)')) timestamp!: string;
  @ApiProperty(NULLABLE_DEC('0.28', 'Asgard health factor at the end of the bucket')) health_factor!: string | null;
  @ApiProperty(NULLABLE_DEC('0.27', 'Lowest health factor in the bucket')) health_factor_min!: string | null;
  @ApiProperty(NULLABLE_DEC('0.33', 'Hyperliquid margin fraction at the end of the bucket')) margin_fraction!: string | null;
  @ApiProperty(NULLABLE_DEC('0.31', 'Lowest margin fraction in the bucket')) margin_fraction_min!: string | null;
  @ApiProperty(NULLABLE_DEC('0.0008')) delta_ratio!: string | null;
  @ApiProperty(NULLABLE_DEC('45.30', 'Total PnL at the end of the bucket')) pnl!: string | null;
}

export class PositionLifecycleEventDto {
  @ApiProperty({ enum: ['opened', 'closed'] }) type!: 'opened' | 'closed';
  @ApiProperty(UTC('2026-11-20T08:00:00.000Z')) at!: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'funding_flipped' }) reason?: string | null;
  @ApiPropertyOptional({ type: TradeDto, description: 'On closed: the trade' }) trade?: TradeDto;
}

export class PositionHistoryDto extends HistoryWindowDto {
  @ApiProperty({ example: 'pos_20250204000001' }) position_id!: string;
  @ApiProperty({ type: String, nullable: true, enum: ASSETS }) asset!: string | null;
  @ApiProperty({ type: [PositionPointDto] }) data_points!: PositionPointDto[];
  @ApiProperty({ type: [PositionLifecycleEventDto] }) events!: PositionLifecycleEventDto[];
}

export class RetentionReportDto {
  @ApiProperty(UTC('2026-11-21T03:00:00.000Z')) started_at!: string;
  @ApiProperty({ example: 5230 }) duration_ms!: number;
  @ApiProperty({ example: { '5min': 288, '1hour': 24, '1day': 1 } }) rolled_up!: Record<string, number>;
  @ApiProperty({ example: { '1min': 14400, '5min': 2880, '1hour': 240, '1day': 10 } }) deleted!: Record<string, number>;
  @ApiProperty({ example: { sqlite_pages: 1200 } }) reclaimed!: Record<string, number | boolean>;
}
