import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CheckStatus, HealthCheck, HealthReport } from '@dnb/contracts';

const CHECK_STATUSES = ['healthy', 'degraded', 'unhealthy', 'unknown'];

export class HealthCheckDto implements HealthCheck {
  @ApiProperty({ enum: CHECK_STATUSES, example: 'healthy' })
  status!: CheckStatus;

  @ApiProperty({ example: 12, description: 'How long the check took, in milliseconds' })
  response_time_ms!: number;

  @ApiPropertyOptional({ example: 'bot unreachable on /health: ECONNREFUSED' })
  error?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, example: { state: 'running' } })
  detail?: Record<string, unknown>;
}

export class HealthChecksDto {
  @ApiProperty({ type: HealthCheckDto })
  dashboard!: HealthCheckDto;

  @ApiProperty({ type: HealthCheckDto })
  bot_api!: HealthCheckDto;

  @ApiProperty({ type: HealthCheckDto })
  database!: HealthCheckDto;

  @ApiProperty({
    type: HealthCheckDto,
    description:
      'The real-time feed: bus and publisher queue with drop counts (detail.bus), the event log (detail.event_log: current and oldest seq, append failures), sockets (detail.sockets). Degraded while its queue is more than half full or appends fail.',
  })
  feed!: HealthCheckDto;

  @ApiProperty({
    type: HealthCheckDto,
    description:
      'Alerting: engine counts (raised, throttled, held by ack, muted, escalated), deliveries (sent, retried, dead, postponed) and each channel breaker, Telegram command counts, the engine queue. Degraded while a channel breaker is open or when deliveries went dead since the last check.',
  })
  alerts!: HealthCheckDto;
}

export class HealthReportDto implements HealthReport {
  @ApiProperty({ enum: ['healthy', 'degraded', 'unhealthy'], example: 'healthy' })
  status!: 'healthy' | 'degraded' | 'unhealthy';

  @ApiProperty({ example: '2026-11-21T23:59:00.000Z', description: 'UTC' })
  timestamp!: string;

  @ApiProperty({ example: '0.1.0' })
  version!: string;

  @ApiProperty({ type: HealthChecksDto })
  checks!: HealthChecksDto;
}

export class ClusterRoleDto {
  @ApiProperty({ enum: ['leader', 'follower'], example: 'leader', description: 'Whether this replica polls the bot and sequences events' })
  role!: 'leader' | 'follower';

  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: 3,
    description: 'The fencing epoch this replica leads with (0 without replicas); null while following',
  })
  epoch!: number | null;

  @ApiProperty({ example: true, description: 'True when replicas elect a leader (PostgreSQL and REDIS_URL set)' })
  clustered!: boolean;
}

export class ReadinessDto {
  @ApiProperty({ example: true })
  ready!: boolean;

  @ApiPropertyOptional({ example: 'database check failed: connect ECONNREFUSED' })
  reason?: string;

  @ApiProperty({ type: ClusterRoleDto, description: "This replica's role; every replica is ready to serve, leader or not" })
  cluster!: ClusterRoleDto;
}
