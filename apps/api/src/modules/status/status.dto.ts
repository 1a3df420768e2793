import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  BREAKER_TYPES,
  PAUSE_SCOPES,
  type BotChain,
  type BotChains,
  type BotLifecycle,
  type BotPauseState,
  type BotStatusView,
  type BreakerType,
  type PauseScope,
  type PauseStateResponse,
  type RecoveryProgress,
  type StatsResponse,
  type StatusResponse,
} from '@dnb/contracts';
import { DataFreshnessDto, LIFECYCLE_PROPERTY } from '../bot-bridge/bridge.dto';

export class PauseStateDto implements BotPauseState {
  @ApiProperty({ example: false }) paused!: boolean;
  @ApiProperty({ enum: PAUSE_SCOPES, example: 'all' }) scope!: PauseScope;
  @ApiProperty({ type: String, nullable: true, example: null }) reason!: string | null;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'UTC' }) paused_at!: string | null;
  @ApiProperty({ type: String, nullable: true, example: null, description: "'admin', 'circuit_breaker' or the acting user" })
  paused_by!: string | null;
  @ApiProperty({ enum: BREAKER_TYPES, isArray: true, example: [] }) active_breakers!: BreakerType[];
}

export class ChainDto implements BotChain {
  @ApiPropertyOptional({ example: true }) connected?: boolean;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 123456789 }) block_height?: number | null;
}

export class ChainsDto implements BotChains {
  @ApiPropertyOptional({ type: ChainDto }) solana?: ChainDto;
  @ApiPropertyOptional({ type: ChainDto }) arbitrum?: ChainDto;
}

export class RecoveryProgressDto implements RecoveryProgress {
  @ApiProperty({ example: 2, description: 'Positions the bot reports so far' }) positions_found!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 3,
    description: 'Positions the control center saw before the restart; null if it did not see the bot before',
  })
  positions_expected!: number | null;
  @ApiProperty({ type: String, nullable: true, example: '2026-11-21T23:58:00.000Z' }) state_since!: string | null;
}

export class BotStatusDto implements BotStatusView {
  @ApiProperty(LIFECYCLE_PROPERTY) state!: BotLifecycle;
  @ApiProperty({ example: true, description: 'Trading normally (running or degraded)' }) running!: boolean;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '2026-11-21T00:00:00.000Z',
    description: 'When the control center saw this state begin',
  })
  state_since!: string | null;
  @ApiProperty({ type: Number, nullable: true, example: 86400 }) uptime_seconds!: number | null;
  @ApiProperty({ type: String, nullable: true, example: '24:00:00' }) uptime_formatted!: string | null;
  @ApiProperty({ example: 'production' }) environment!: string;
  @ApiProperty({ type: RecoveryProgressDto, nullable: true, description: 'While starting or recovering' })
  recovery_progress!: RecoveryProgressDto | null;
  @ApiProperty({ type: String, nullable: true, example: null }) error!: string | null;
}

export class StatusResponseDto implements StatusResponse {
  @ApiProperty({ type: BotStatusDto }) bot!: BotStatusDto;
  @ApiProperty({ type: PauseStateDto, nullable: true, description: 'Last known pause state (see freshness)' })
  pause_state!: PauseStateDto | null;
  @ApiProperty({ type: ChainsDto, nullable: true, description: 'Bot extension; null when unsupported or not read yet' })
  chains!: ChainsDto | null;
  @ApiProperty({
    type: Boolean,
    nullable: true,
    example: true,
    description: 'false: the bot does not serve chain status; null: not known yet',
  })
  chains_supported!: boolean | null;
  @ApiProperty({ type: DataFreshnessDto, description: 'Of the stats and the pause state' }) freshness!: DataFreshnessDto;
  @ApiPropertyOptional({ example: 'The bot is recovering its positions after a restart; the position list is incomplete.' })
  note?: string;
}

export class StatsResponseDto implements StatsResponse {
  @ApiProperty({ example: 86400 }) uptime_seconds!: number;
  @ApiProperty({ example: '24:00:00', description: 'HH:MM:SS, hours may exceed 24' }) uptime_formatted!: string;
  @ApiProperty({ example: 12 }) opportunities_found!: number;
  @ApiProperty({ example: 3 }) positions_opened!: number;
  @ApiProperty({ example: 1 }) positions_closed!: number;
  @ApiProperty({ example: 0 }) errors_count!: number;
  @ApiProperty({ type: DataFreshnessDto }) freshness!: DataFreshnessDto;
}

export class PauseStateResponseDto extends PauseStateDto implements PauseStateResponse {
  @ApiProperty({ type: DataFreshnessDto }) freshness!: DataFreshnessDto;
}
