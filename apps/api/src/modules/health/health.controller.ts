import { Controller, Get, HttpCode, Req, Res } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../common/auth/auth.decorators';
import { HealthReportDto, ReadinessDto } from './health.dto';
import { HealthService } from './health.service';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @ApiOperation({ summary: 'Health of the control center, the bot API and the database (no auth)' })
  @ApiOkResponse({ type: HealthReportDto, description: 'healthy or degraded' })
  @ApiServiceUnavailableResponse({ type: HealthReportDto, description: 'unhealthy (the database is down)' })
  async report(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<HealthReportDto> {
    const report = await this.health.report(request.id);
    reply.status(report.status === 'unhealthy' ? 503 : 200).header('cache-control', 'no-store');
    return report;
  }

  @Get('live')
  @HttpCode(200)
  @ApiOperation({ summary: 'Liveness: the process answers (no dependency is checked)' })
  @ApiOkResponse({
    schema: {
      type: 'object',
      required: ['status'],
      properties: { status: { type: 'string', enum: ['alive'] } },
      example: { status: 'alive' },
    },
  })
  live(): { status: 'alive' } {
    return { status: 'alive' };
  }

  @Get('ready')
  // Load balancers probe it every second on every replica (Caddy: health_uri), from one address:
  // never counted against that address's anonymous limit. Its answer is shared for a moment (see
  // HealthService.ready), so a flood costs no more than one database probe each time.
  @SkipThrottle()
  @ApiOperation({ summary: 'Readiness: the database answers and is migrated (the bot is not required)' })
  @ApiOkResponse({ type: ReadinessDto })
  @ApiServiceUnavailableResponse({ type: ReadinessDto })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<ReadinessDto> {
    const readiness = await this.health.ready();
    reply.status(readiness.ready ? 200 : 503).header('cache-control', 'no-store');
    return readiness;
  }
}
