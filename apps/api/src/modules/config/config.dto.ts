import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import type { BotConfig } from '@dnb/contracts';
import type { ConfigChange } from './config-diff';

const DECIMAL = /^-?\d{1,20}(\.\d{1,18})?$/;
const DECIMAL_MESSAGE = 'must be a decimal number written as a string, e.g. "3.0"';

function DecimalString(example: string, description?: string) {
  return (target: object, key: string) => {
    ApiPropertyOptional({ type: String, example, description, pattern: DECIMAL.source })(target, key);
    IsOptional()(target, key);
    IsString()(target, key);
    MaxLength(40)(target, key);
    Matches(DECIMAL, { message: `${key} ${DECIMAL_MESSAGE}` })(target, key);
  };
}

export class BotSectionDto {
  @ApiPropertyOptional({ example: 30 }) @IsOptional() @IsInt() @Min(1) @Max(86_400) poll_interval_seconds?: number;
  @ApiPropertyOptional({ example: 60 }) @IsOptional() @IsInt() @Min(1) @Max(86_400) scan_interval_seconds?: number;
  @ApiPropertyOptional({ example: 5 }) @IsOptional() @IsInt() @Min(0) @Max(100) max_concurrent_positions?: number;
  @DecimalString('0.01', 'annualised, as a fraction') min_opportunity_apy?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() enable_auto_exit?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() enable_circuit_breakers?: boolean;
}

export class RiskSectionDto {
  @DecimalString('4.0') max_leverage?: string;
  @DecimalString('3.0') default_leverage?: string;
  @DecimalString('1000') min_position_usd?: string;
  @DecimalString('50000') max_position_usd?: string;
  @DecimalString('0.20', 'fraction: 0.20 means 20%') health_factor_warning?: string;
  @DecimalString('0.10') health_factor_critical?: string;
  @DecimalString('0.10') margin_fraction_warning?: string;
  @DecimalString('0.05') margin_fraction_critical?: string;
}

export class ConfigDto implements BotConfig {
  @ApiPropertyOptional({ type: BotSectionDto }) @IsOptional() @ValidateNested() @Type(() => BotSectionDto) bot?: BotSectionDto;
  @ApiPropertyOptional({ type: RiskSectionDto }) @IsOptional() @ValidateNested() @Type(() => RiskSectionDto) risk?: RiskSectionDto;
}

/** GET /config/risk-limits: the risk section alone. */
export class RiskLimitsDto {
  @ApiProperty({ type: RiskSectionDto }) risk!: RiskSectionDto;
}

export class UpdateConfigDto {
  @ApiProperty({ example: 'lower leverage ahead of CPI', minLength: 3, maxLength: 500 })
  @IsString()
  @Length(3, 500)
  reason!: string;

  @ApiProperty({ type: ConfigDto, description: 'Only the fields to change; the rest stays as the bot has it' })
  @ValidateNested()
  @Type(() => ConfigDto)
  config!: ConfigDto;

  @ApiPropertyOptional({ description: 'Spec 3.1 compatibility: an API key may also be sent here' })
  @IsOptional()
  @IsString()
  api_key?: string;
}

export class PreviewConfigDto {
  @ApiProperty({ type: ConfigDto, description: 'The fields a PUT would change' })
  @ValidateNested()
  @Type(() => ConfigDto)
  config!: ConfigDto;
}

export class RestoreConfigDto {
  @ApiProperty({ minLength: 3, maxLength: 500 })
  @IsString()
  @Length(3, 500)
  reason!: string;
}

export class ConfigChangeDto implements ConfigChange {
  @ApiProperty({ example: 'risk.max_leverage' }) path!: string;
  @ApiProperty({
    // OpenAPI 3.0: "nullable" needs a "type" beside it, so it sits on one of the alternatives.
    oneOf: [{ type: 'string', nullable: true }, { type: 'number' }, { type: 'boolean' }],
    example: '4.0',
    description: 'null when the field was absent',
  })
  before!: unknown;
  @ApiProperty({
    // OpenAPI 3.0: "nullable" needs a "type" beside it, so it sits on one of the alternatives.
    oneOf: [{ type: 'string', nullable: true }, { type: 'number' }, { type: 'boolean' }],
    example: '3.5',
    description: 'null when the field was absent',
  })
  after!: unknown;
}

export class ConfigUpdateResultDto {
  @ApiProperty({ description: 'True when the bot’s configuration differs from before' }) changed!: boolean;
  @ApiProperty({ type: [ConfigChangeDto] }) diff!: ConfigChangeDto[];
  @ApiProperty({ type: ConfigDto, description: 'What the bot now reports' }) config!: ConfigDto;
  @ApiPropertyOptional({ nullable: true, type: Number }) version!: number | null;
}

export class ConfigPreviewDto {
  @ApiProperty({ description: 'True when the change would alter the bot’s configuration' }) changed!: boolean;
  @ApiProperty({ type: [ConfigChangeDto], description: 'What would change, field by field, against what the bot reports now' })
  diff!: ConfigChangeDto[];
  @ApiProperty({ type: ConfigDto, description: 'The whole configuration as it would be sent' }) config!: ConfigDto;
}

export class ConfigVersionDto {
  @ApiProperty() version!: number;
  @ApiProperty() created_at!: string;
  @ApiProperty() author!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ enum: ['put', 'restore'] }) source!: string;
  @ApiProperty({ nullable: true, type: Number }) restored_from!: number | null;
  @ApiProperty({ type: ConfigDto }) config!: ConfigDto;
  @ApiProperty({ type: [ConfigChangeDto] }) diff!: ConfigChangeDto[];
}
