import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import {
  ASSETS,
  POSITION_SORT_FIELDS,
  POSITION_STATUSES,
  type Asset,
  type BotLifecycle,
  type BotPositionDetail,
  type PositionDetailResponse,
  type PositionStatus,
  type PositionsResponse,
  type PositionsSummary,
  type PositionView,
} from '@dnb/contracts';
import { DataFreshnessDto, LIFECYCLE_PROPERTY } from '../bot-bridge/bridge.dto';
import { RecoveryProgressDto } from '../status/status.dto';
import { DEFAULT_SORT, SORT_PATTERN } from './positions-query';

const DEC = (example: string, description?: string) => ({
  type: String,
  example,
  description: description ?? 'Decimal string, exactly as the bot sent it',
});

export class PositionsQueryDto {
  @ApiPropertyOptional({ enum: POSITION_STATUSES, description: 'Only positions in this status' })
  @IsOptional()
  @IsIn(POSITION_STATUSES)
  status?: PositionStatus;

  @ApiPropertyOptional({ enum: ASSETS, description: 'Only positions in this asset' })
  @IsOptional()
  @IsIn(ASSETS)
  asset?: Asset;

  @ApiPropertyOptional({
    example: 'total_pnl_usd:desc',
    default: DEFAULT_SORT,
    description: `field[:asc|desc]; field one of ${POSITION_SORT_FIELDS.join(', ')}. Decimals compare exactly.`,
  })
  @IsOptional()
  @Matches(SORT_PATTERN, { message: `sort must be field[:asc|desc] with field one of ${POSITION_SORT_FIELDS.join(', ')}` })
  sort?: string;
}

export class PositionIdParamDto {
  @ApiProperty({ example: 'pos_20250204000001' })
  @Matches(/^[A-Za-z0-9_.:-]{1,128}$/, { message: 'id must be 1-128 letters, digits, dot, colon, dash or underscore' })
  id!: string;
}

export class PositionSummaryDto implements PositionView {
  @ApiProperty({ example: 'pos_20250204000001' }) position_id!: string;
  @ApiProperty({ enum: ASSETS, example: 'SOL' }) asset!: Asset;
  @ApiProperty({ enum: POSITION_STATUSES, example: 'open' }) status!: PositionStatus;
  @ApiProperty(DEC('3.0')) leverage!: string;
  @ApiProperty(DEC('5000.00')) deployed_usd!: string;
  @ApiProperty(DEC('15000.00')) long_value_usd!: string;
  @ApiProperty(DEC('15000.00')) short_value_usd!: string;
  @ApiProperty(DEC('12.50')) delta!: string;
  @ApiProperty(DEC('0.0008')) delta_ratio!: string;
  @ApiProperty(DEC('0.28', 'Asgard health factor as a fraction (0.28 = 28%)')) asgard_hf!: string;
  @ApiProperty(DEC('0.15', 'Hyperliquid margin fraction as a fraction')) hyperliquid_mf!: string;
  @ApiProperty(DEC('45.30')) total_pnl_usd!: string;
  @ApiProperty(DEC('67.50')) funding_pnl_usd!: string;
  @ApiProperty({ example: '2025-02-04T00:00:00.000Z', description: 'UTC' }) opened_at!: string;
  @ApiProperty({ example: 12.5 }) hold_duration_hours!: number;
}

export class PositionsSummaryDto implements PositionsSummary {
  @ApiProperty({ example: 1 }) total_positions!: number;
  @ApiProperty({ example: 1 }) open_positions!: number;
  @ApiProperty({ example: 0 }) closing_positions!: number;
  @ApiProperty({ example: 0 }) closed_positions!: number;
  @ApiProperty(DEC('45.30', 'Exact decimal sum of the listed positions')) total_pnl_usd!: string;
  @ApiProperty(DEC('5000.00', 'Exact decimal sum of the listed positions')) total_deployed_usd!: string;
}

export class PositionsResponseDto implements PositionsResponse {
  @ApiProperty({ type: PositionSummaryDto, isArray: true }) positions!: PositionSummaryDto[];
  @ApiProperty({ type: PositionsSummaryDto, description: 'Of the listed (filtered) positions' }) summary!: PositionsSummaryDto;
  @ApiProperty(LIFECYCLE_PROPERTY) bot_state!: BotLifecycle;
  @ApiProperty({ example: true, description: 'false while the bot starts or recovers: positions may be missing' }) complete!: boolean;
  @ApiProperty({ type: RecoveryProgressDto, nullable: true }) recovery_progress!: RecoveryProgressDto | null;
  @ApiPropertyOptional({
    example: 'The bot is recovering its positions after a restart: this list is incomplete (2 of 3 so far). It is not the full list.',
  })
  note?: string;
  @ApiProperty({ type: DataFreshnessDto }) freshness!: DataFreshnessDto;
}

class SizingDto {
  @ApiProperty(DEC('5000.00')) deployed_usd!: string;
  @ApiProperty(DEC('15000.00')) position_size_usd!: string;
  @ApiProperty(DEC('5000.00')) collateral_usd!: string;
  @ApiProperty(DEC('10000.00')) borrowed_usd!: string;
}

class AsgardLegDto {
  @ApiProperty({ type: String, nullable: true, example: 'ABC123...' }) position_pda!: string | null;
  @ApiProperty(DEC('5000.00')) collateral_usd!: string;
  @ApiProperty(DEC('47.5')) token_a_amount!: string;
  @ApiProperty(DEC('105.25')) entry_price!: string;
  @ApiProperty(DEC('106.10')) current_price!: string;
  @ApiProperty(DEC('0.28')) current_health_factor!: string;
}

class HyperliquidLegDto {
  @ApiProperty(DEC('-47.5')) size_sol!: string;
  @ApiProperty(DEC('105.30')) entry_px!: string;
  @ApiProperty(DEC('106.15')) mark_px!: string;
  @ApiProperty(DEC('3.0')) leverage!: string;
  @ApiProperty(DEC('1666.67')) margin_used!: string;
  @ApiProperty(DEC('0.15')) margin_fraction!: string;
}

class PnlDto {
  @ApiProperty(DEC('40.38')) long_pnl!: string;
  @ApiProperty(DEC('-40.38')) short_pnl!: string;
  @ApiProperty(DEC('0.00')) position_pnl!: string;
  @ApiProperty(DEC('45.30')) funding_pnl!: string;
  @ApiProperty(DEC('45.30')) total_pnl!: string;
  @ApiProperty(DEC('0.0091')) total_pnl_pct!: string;
}

class RiskDto {
  @ApiProperty(DEC('12.50')) delta!: string;
  @ApiProperty(DEC('0.0008')) delta_ratio!: string;
  @ApiProperty({ enum: ['healthy', 'at_risk'], example: 'healthy' }) health_status!: 'healthy' | 'at_risk';
  @ApiProperty(DEC('0.32')) distance_to_liquidation!: string;
}

/** Spec Appendix A: every figure the bot reports for one position. */
export class PositionDetailResponseDto extends PositionSummaryDto implements PositionDetailResponse {
  @ApiProperty({ type: SizingDto }) sizing!: BotPositionDetail['sizing'];
  @ApiProperty({ type: AsgardLegDto }) asgard!: BotPositionDetail['asgard'];
  @ApiProperty({ type: HyperliquidLegDto }) hyperliquid!: BotPositionDetail['hyperliquid'];
  @ApiProperty({ type: PnlDto }) pnl!: BotPositionDetail['pnl'];
  @ApiProperty({ type: RiskDto }) risk!: BotPositionDetail['risk'];
  @ApiProperty({ type: DataFreshnessDto }) freshness!: DataFreshnessDto;
}
