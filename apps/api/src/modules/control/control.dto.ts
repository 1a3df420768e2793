import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Equals, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { PAUSE_SCOPES, type PauseScope } from '@dnb/contracts';

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

export class PauseStateDto {
  @ApiProperty() paused!: boolean;
  @ApiProperty({ enum: PAUSE_SCOPES }) scope!: PauseScope;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2026-11-22T00:00:00.000Z' }) paused_at!: string | null;
  @ApiProperty({ nullable: true, type: String }) paused_by!: string | null;
  @ApiProperty({ type: [String] }) active_breakers!: string[];
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
