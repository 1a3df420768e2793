import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import type { AuditEntryEntity } from './audit-entry.entity';

export class AuditQueryDto {
  @ApiPropertyOptional({ description: 'Username or key:<name>' })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  actor?: string;

  @ApiPropertyOptional({ example: 'control.pause' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  action?: string;

  @ApiPropertyOptional({ enum: ['success', 'failure', 'denied', 'attempt', 'unknown'] })
  @IsOptional()
  @IsIn(['success', 'failure', 'denied', 'attempt', 'unknown'])
  outcome?: string;

  @ApiPropertyOptional({ example: '2026-11-21T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-22T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ description: 'The next_cursor of the previous page' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  cursor?: number;

  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiPropertyOptional({ enum: ['json', 'csv'], description: 'Export every matching row as a download' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export class AuditEntryDto {
  @ApiProperty() id!: number;
  @ApiProperty({ example: '2026-11-21T23:59:00.000Z' }) occurred_at!: string;
  @ApiProperty({ enum: ['user', 'api_key', 'bot_key', 'anonymous'] }) actor_kind!: string;
  @ApiProperty({ nullable: true, type: String }) actor_id!: string | null;
  @ApiProperty({ nullable: true, type: String }) actor_name!: string | null;
  @ApiProperty({ nullable: true, type: String }) actor_role!: string | null;
  @ApiProperty({ nullable: true, type: String }) ip!: string | null;
  @ApiProperty({ nullable: true, type: String }) user_agent!: string | null;
  @ApiProperty({ nullable: true, type: String }) correlation_id!: string | null;
  @ApiProperty({ example: 'control.pause' }) action!: string;
  @ApiProperty({ nullable: true, type: String }) target!: string | null;
  @ApiProperty({ enum: ['success', 'failure', 'denied', 'attempt', 'unknown'] }) outcome!: string;
  @ApiProperty({ nullable: true, type: Number }) status_code!: number | null;
  @ApiProperty({ nullable: true, type: Object }) detail!: unknown;
  @ApiProperty({ nullable: true, type: Object }) before!: unknown;
  @ApiProperty({ nullable: true, type: Object }) after!: unknown;
  @ApiProperty() hash!: string;

  static from(row: AuditEntryEntity): AuditEntryDto {
    const parse = (v: string | null) => (v === null ? null : (JSON.parse(v) as unknown));
    return {
      id: row.id,
      occurred_at: row.occurredAt,
      actor_kind: row.actorKind,
      actor_id: row.actorId,
      actor_name: row.actorName,
      actor_role: row.actorRole,
      ip: row.ip,
      user_agent: row.userAgent,
      correlation_id: row.correlationId,
      action: row.action,
      target: row.target,
      outcome: row.outcome,
      status_code: row.statusCode,
      detail: parse(row.detail),
      before: parse(row.beforeState),
      after: parse(row.afterState),
      hash: row.hash,
    };
  }
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto] }) entries!: AuditEntryDto[];
  @ApiProperty({ nullable: true, type: Number, description: 'Pass as cursor for the next (older) page' }) next_cursor!: number | null;
}

export class AuditVerifyDto {
  @ApiProperty() valid!: boolean;
  @ApiProperty() rows!: number;
  @ApiPropertyOptional() first_invalid_id?: number;
  @ApiPropertyOptional() reason?: string;
}
