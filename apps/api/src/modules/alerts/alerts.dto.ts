import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { ALERT_SEVERITIES, ALERT_TYPES, ASSETS, type AlertSeverity, type AlertType } from '@dnb/contracts';

const UTC = (example: string, description = 'UTC, ISO 8601 with Z') => ({ type: String, example, description });
const DECIMAL = /^\d+(\.\d+)?$/;
const CHANNEL_KINDS = ['webhook', 'telegram', 'discord'] as const;

export class AlertHistoryQueryDto {
  @ApiPropertyOptional({ enum: ALERT_TYPES })
  @IsOptional()
  @IsIn(ALERT_TYPES)
  type?: AlertType;

  @ApiPropertyOptional({ enum: ALERT_SEVERITIES })
  @IsOptional()
  @IsIn(ALERT_SEVERITIES)
  severity?: AlertSeverity;

  @ApiPropertyOptional({ example: 'pos_20261204000001' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_.:-]{1,64}$/)
  position_id?: string;

  @ApiPropertyOptional({ enum: ASSETS })
  @IsOptional()
  @IsIn(ASSETS)
  asset?: string;

  @ApiPropertyOptional({ example: '2026-12-01T00:00:00Z', description: 'Raised at or after (UTC)' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-05T00:00:00Z', description: 'Raised before (UTC)' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  to?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'])
  acknowledged?: 'true' | 'false';

  @ApiPropertyOptional({ description: 'The next_cursor of the previous page' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,200}$/)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ enum: ['json', 'csv'], description: 'Download every matching alert as a streamed file' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export class DeliveryDto {
  @ApiProperty() id!: string;
  @ApiProperty() alert_id!: string;
  @ApiProperty() channel!: string;
  @ApiProperty({ enum: ['alert', 'escalation', 'test'] }) purpose!: string;
  @ApiProperty({ enum: ['pending', 'sent', 'dead'] }) status!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty(UTC('2026-12-04T03:00:01.000Z')) next_attempt_at!: string;
  @ApiProperty({ type: String, nullable: true }) last_error!: string | null;
  @ApiProperty({ type: Number, nullable: true }) last_status!: number | null;
  @ApiProperty({ ...UTC('2026-12-04T03:00:01.000Z'), nullable: true }) sent_at!: string | null;
}

export class AlertDto {
  @ApiProperty({ example: 'al_5f0c...' }) id!: string;
  @ApiProperty({ enum: ALERT_TYPES }) type!: AlertType;
  @ApiProperty({ enum: ALERT_SEVERITIES }) severity!: AlertSeverity;
  @ApiProperty({ example: 'EMERGENCY: Liquidation Imminent' }) title!: string;
  @ApiProperty({ description: 'The message lines, as sent (UTC times, Q10 ratios)' }) message!: string;
  @ApiProperty({ example: 'pos_1:health', description: 'Throttles, acks and escalation are per metric key' }) metric_key!: string;
  @ApiProperty({ description: 'Rank within the metric key (warning 1, critical 2, emergency 3)' }) level!: number;
  @ApiProperty({ type: String, nullable: true }) position_id!: string | null;
  @ApiProperty({ type: String, nullable: true }) asset!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The figures, decimal strings exactly as the bot sent them' })
  facts!: Record<string, unknown>;
  @ApiProperty(UTC('2026-12-04T03:00:00.000Z')) created_at!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The silence that muted it (kept, not sent)' }) silenced_by!: string | null;
  @ApiProperty({ ...UTC('2026-12-04T03:02:00.000Z'), nullable: true }) acknowledged_at!: string | null;
  @ApiProperty({ type: String, nullable: true }) acknowledged_by!: string | null;
  @ApiProperty({ ...UTC('2026-12-04T03:15:00.000Z'), nullable: true }) escalated_at!: string | null;
  @ApiProperty({ type: [DeliveryDto], description: 'Per channel and purpose: channels_sent' }) channels_sent!: DeliveryDto[];
}

export class AlertHistoryDto {
  @ApiProperty({ type: [AlertDto] }) alerts!: AlertDto[];
  @ApiProperty({ type: String, nullable: true }) next_cursor!: string | null;
}

export class HealthLevelRuleDto {
  @ApiProperty({ example: '0.20' })
  @Matches(DECIMAL, { message: 'must be a decimal string like 0.20' })
  health_factor_below!: string;

  @ApiProperty({ example: '0.10' })
  @Matches(DECIMAL, { message: 'must be a decimal string like 0.10' })
  margin_fraction_below!: string;

  @ApiProperty({ example: 300, description: '0: no throttle' })
  @IsInt()
  @Min(0)
  @Max(86_400)
  throttle_seconds!: number;
}

export class HealthRulesDto {
  @ApiProperty({ type: HealthLevelRuleDto }) @ValidateNested() @Type(() => HealthLevelRuleDto) warning!: HealthLevelRuleDto;
  @ApiProperty({ type: HealthLevelRuleDto }) @ValidateNested() @Type(() => HealthLevelRuleDto) critical!: HealthLevelRuleDto;
  @ApiProperty({ type: HealthLevelRuleDto }) @ValidateNested() @Type(() => HealthLevelRuleDto) emergency!: HealthLevelRuleDto;
}

export class AlertRulesDto {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'boolean' }, description: `Per alert type (${ALERT_TYPES.join(', ')})` })
  @IsObject()
  enabled!: Record<string, boolean>;

  @ApiProperty({ type: HealthRulesDto })
  @ValidateNested()
  @Type(() => HealthRulesDto)
  health!: HealthRulesDto;

  @ApiProperty({ example: '0.005', description: '|delta_ratio| above this alerts (0.005 = 0.5%)' })
  @Matches(DECIMAL, { message: 'must be a decimal string like 0.005' })
  delta_drift_above!: string;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: 'Seconds per alert type without levels; 0: none' })
  @IsObject()
  throttle_seconds!: Record<string, number>;
}

export class ChannelDto {
  @ApiProperty({ example: 'ops-webhook' })
  @Matches(/^[a-z0-9][a-z0-9_-]{0,39}$/, { message: 'must be 1-40 lowercase letters, digits, - or _' })
  name!: string;

  @ApiProperty({ enum: CHANNEL_KINDS })
  @IsIn(CHANNEL_KINDS)
  kind!: (typeof CHANNEL_KINDS)[number];

  @ApiProperty() @IsBoolean() enabled!: boolean;

  @ApiProperty({ enum: ALERT_SEVERITIES, isArray: true })
  @ArrayNotEmpty()
  @IsIn(ALERT_SEVERITIES, { each: true })
  severities!: AlertSeverity[];

  @ApiProperty({ description: 'Receives critical alerts nobody acknowledged in time' }) @IsBoolean() escalation!: boolean;

  @ApiPropertyOptional({
    example: 'https://hooks.example.com/dnb',
    description: 'webhook: https only, public addresses only (unless allow-listed)',
  })
  @IsOptional()
  @IsString()
  @Length(1, 2048)
  url?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'webhook: extra headers (values stored encrypted, shown masked)',
  })
  @IsOptional()
  @IsObject()
  headers?: Record<string, string>;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'webhook: HMAC-SHA256 key for X-DNB-Signature; "********" keeps the stored one',
  })
  @IsOptional()
  @IsString()
  @Length(0, 256)
  secret?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'discord: the webhook URL (a secret); "********" keeps the stored one',
  })
  @IsOptional()
  @IsString()
  @Length(1, 2048)
  webhook_url?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'telegram: bot token; "********" keeps the stored one' })
  @IsOptional()
  @IsString()
  @Length(1, 256)
  bot_token?: string | null;

  @ApiPropertyOptional({ example: '-1001234567890' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  chat_id?: string;
}

export class ChannelViewDto extends ChannelDto {
  @ApiProperty({ enum: ['env', 'api'], description: 'env channels come from environment variables and are read-only here' })
  source!: 'env' | 'api';
}

export class UpdateAlertConfigDto {
  @ApiPropertyOptional({ type: AlertRulesDto, description: 'operator+' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AlertRulesDto)
  rules?: AlertRulesDto;

  @ApiPropertyOptional({ type: [ChannelDto], description: 'admin: replaces every channel defined through the API' })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ChannelDto)
  channels?: ChannelDto[];
}

export class AlertConfigDto {
  @ApiProperty({ type: AlertRulesDto }) rules!: AlertRulesDto;
  @ApiPropertyOptional({ type: [ChannelViewDto], description: 'Only for those who may read channels (admin); secrets masked' })
  channels?: ChannelViewDto[];
}

export class TestAlertDto {
  @ApiProperty({ example: 'ops-webhook' })
  @IsString()
  @Length(1, 40)
  channel!: string;
}

export class SilenceInputDto {
  @ApiPropertyOptional({ enum: ALERT_TYPES, description: 'Only this alert type; default every type' })
  @IsOptional()
  @IsIn(ALERT_TYPES)
  alert_type?: AlertType;

  @ApiPropertyOptional({ example: 'pos_20261204000001' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_.:-]{1,64}$/)
  position_id?: string;

  @ApiPropertyOptional({ enum: ASSETS })
  @IsOptional()
  @IsIn(ASSETS)
  asset?: string;

  @ApiPropertyOptional({ ...UTC('2026-12-04T02:00:00Z'), description: 'Default now' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  starts_at?: string;

  @ApiProperty(UTC('2026-12-04T04:00:00Z'))
  @IsISO8601({ strict: true, strictSeparator: true })
  ends_at!: string;

  @ApiProperty({ example: 'Hyperliquid maintenance window', minLength: 3, maxLength: 500 })
  @IsString()
  @Length(3, 500)
  reason!: string;
}

export class SilenceDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ALERT_TYPES, nullable: true }) alert_type!: AlertType | null;
  @ApiProperty({ type: String, nullable: true }) position_id!: string | null;
  @ApiProperty({ type: String, nullable: true }) asset!: string | null;
  @ApiProperty(UTC('2026-12-04T02:00:00.000Z')) starts_at!: string;
  @ApiProperty(UTC('2026-12-04T04:00:00.000Z')) ends_at!: string;
  @ApiProperty() reason!: string;
  @ApiProperty() author!: string;
  @ApiProperty(UTC('2026-12-04T01:59:00.000Z')) created_at!: string;
  @ApiProperty({ ...UTC('2026-12-04T03:00:00.000Z'), nullable: true }) ended_at!: string | null;
}

export class AlertIdParamDto {
  @ApiProperty({ example: 'al_5f0c...' })
  @Matches(/^al_[0-9a-f-]{36}$/, { message: 'must be an alert id (al_...)' })
  id!: string;
}

export class SilenceIdParamDto {
  @ApiProperty()
  @Matches(/^sil_[0-9a-f-]{36}$/, { message: 'must be a silence id (sil_...)' })
  id!: string;
}

export class DeliveryIdParamDto {
  @ApiProperty()
  @Matches(/^dlv_[0-9a-f-]{36}$/, { message: 'must be a delivery id (dlv_...)' })
  id!: string;
}

export class TelegramLinkDto {
  @ApiProperty({ example: 123456789, description: 'The Telegram user id (from.id)' })
  @IsInt()
  @Min(1)
  telegram_user_id!: number;

  @ApiProperty({ example: 'alice', description: 'The control-center user whose role applies' })
  @IsString()
  @Length(1, 64)
  username!: string;
}

export class UpdateTelegramLinksDto {
  @ApiProperty({ type: [TelegramLinkDto] })
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => TelegramLinkDto)
  links!: TelegramLinkDto[];
}

export class TestAlertResultDto {
  @ApiProperty({ example: 'ops-telegram' }) channel!: string;
  @ApiProperty({ description: 'Whether the channel accepted the message' }) ok!: boolean;
  @ApiProperty({ type: Number, nullable: true, example: 200, description: 'HTTP status of the channel, null when it never answered' })
  status!: number | null;
  @ApiProperty({ type: String, nullable: true, example: null }) error!: string | null;
}
