import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Equals, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { ASSETS, BREAKER_TYPES, PAUSE_SCOPES, type Asset, type BotLifecycle, type BreakerType, type PauseScope } from '@dnb/contracts';
import { DataFreshnessDto, LIFECYCLE_PROPERTY } from '../bot-bridge/bridge.dto';
import { PauseStateDto } from '../status/status.dto';

export class PauseDto {
  @ApiProperty({ example: 'maintenance window', minLength: 3, maxLength: 500 })
  @IsString()
  @Length(3, 500)
  reason!: string;

  @ApiProperty({
    enum: PAUSE_SCOPES,
    example: 'entry',
    description: 'entry: no new positions; exit: no closures; all; asgard; hyperliquid',
  })
  @IsIn(PAUSE_SCOPES)
  scope!: PauseScope;

  @ApiPropertyOptional({ description: 'Spec 3.1 compatibility: an API key may be sent here instead of X-API-Key' })
  @IsOptional()
  @IsString()
  api_key?: string;
}

export class ResumeDto {
  @ApiProperty({ example: 'maintenance done', minLength: 3, maxLength: 500 })
  @IsString()
  @Length(3, 500)
  reason!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  api_key?: string;
}

export class EmergencyStopDto {
  @ApiProperty({ example: 'LST depeg spreading', minLength: 3, maxLength: 500 })
  @IsString()
  @Length(3, 500)
  reason!: string;

  @ApiProperty({ example: 'STOP', description: 'Must be exactly STOP' })
  @Equals('STOP', { message: 'confirm must be exactly "STOP"' })
  confirm!: 'STOP';

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  api_key?: string;
}

export class PreviewQueryDto {
  @ApiProperty({ enum: ['pause', 'resume', 'emergency-stop'] })
  @IsIn(['pause', 'resume', 'emergency-stop'])
  action!: 'pause' | 'resume' | 'emergency-stop';

  @ApiPropertyOptional({ enum: PAUSE_SCOPES })
  @IsOptional()
  @IsIn(PAUSE_SCOPES)
  scope?: PauseScope;
}

export class ControlResultDto {
  @ApiProperty({ description: 'The bot did what was asked (per its re-read state)' }) success!: boolean;
  @ApiProperty({ description: 'False when the bot was already in that state (nothing sent)' }) changed!: boolean;
  @ApiProperty({
    enum: ['success', 'failure', 'unknown'],
    description: 'unknown: the bot did not answer in time and the re-read could not settle it',
  })
  outcome!: 'success' | 'failure' | 'unknown';
  @ApiProperty({ type: PauseStateDto, description: 'What the bot reports now (re-read after the call)' }) pause_state!: PauseStateDto;
  @ApiPropertyOptional({ type: [String] }) positions_closing?: string[];
  @ApiPropertyOptional() message?: string;
}

const DEC = (example: string, description?: string) => ({
  type: String,
  example,
  description: description ?? 'Decimal string, exactly as the bot sent it',
});

/** One open position as an action would leave it (pause) or close it (emergency stop). */
export class ExposedPositionDto {
  @ApiProperty({ example: 'pos_sol_1' }) position_id!: string;
  @ApiProperty({ enum: ASSETS, example: 'SOL' }) asset!: Asset;
  @ApiProperty(DEC('10000.00')) deployed_usd!: string;
  @ApiProperty(DEC('30000.00')) long_value_usd!: string;
  @ApiProperty(DEC('30000.00')) short_value_usd!: string;
  @ApiProperty(DEC('0.28', 'Asgard health factor (decimal string)')) asgard_hf!: string;
  @ApiProperty(DEC('0.15', 'Hyperliquid margin fraction (decimal string)')) hyperliquid_mf!: string;
  @ApiProperty(DEC('45.12')) total_pnl_usd!: string;
}

/**
 * GET /control/preview: what an action would do now, from the bridge's cache (nothing is sent to
 * the bot). The fields after `effect` depend on the action, as marked.
 */
export class ControlPreviewDto {
  @ApiProperty({ enum: ['pause', 'resume', 'emergency-stop'], example: 'pause' }) action!: 'pause' | 'resume' | 'emergency-stop';
  @ApiProperty({
    enum: PAUSE_SCOPES,
    nullable: true,
    example: 'exit',
    description: 'pause: the scope (entry when not given); else as asked or null',
  })
  scope!: PauseScope | null;
  @ApiProperty({ type: PauseStateDto, nullable: true, description: 'The pause state now (see freshness)' })
  pause_state!: PauseStateDto | null;
  @ApiProperty({ type: DataFreshnessDto }) freshness!: DataFreshnessDto;
  @ApiProperty(LIFECYCLE_PROPERTY) lifecycle!: BotLifecycle;
  @ApiProperty({ example: 'No position is closed, even on exit signals or falling health: the positions below stay exposed.' })
  effect!: string;
  @ApiPropertyOptional({ type: [ExposedPositionDto], description: 'pause: the open positions left exposed (none for entry)' })
  positions_exposed?: ExposedPositionDto[];
  @ApiPropertyOptional({ type: [ExposedPositionDto], description: 'emergency-stop: every position it would close' })
  positions_to_close?: ExposedPositionDto[];
  @ApiPropertyOptional(DEC('30000.00', 'pause, emergency-stop: the sum of deployed_usd over the open positions (decimal string)'))
  total_deployed_usd?: string;
  @ApiPropertyOptional(DEC('123.45', 'emergency-stop: the sum of total_pnl_usd over the open positions (decimal string)'))
  total_pnl_usd?: string;
  @ApiPropertyOptional({
    enum: BREAKER_TYPES,
    isArray: true,
    example: [],
    description: 'resume: active circuit breakers that need a manual reset and keep the bot paused',
  })
  blocking_breakers?: BreakerType[];
  @ApiPropertyOptional({
    type: Boolean,
    nullable: true,
    example: true,
    description: 'emergency-stop: whether the bot serves it (null: not known yet)',
  })
  supported?: boolean | null;
}
