import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Permission } from '@dnb/contracts';
import { RequirePermission } from '../../common/auth/auth.decorators';
import { Metrics } from '../../common/metrics/metrics';

@ApiTags('metrics')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Get()
  @Header('cache-control', 'no-store')
  @RequirePermission(Permission.MetricsRead)
  @ApiOperation({
    summary: 'Prometheus metrics (text exposition format), outside /api/v1',
    description:
      'For a scraper, use an API key of the viewer role in the X-API-Key header: it can read, never act. HTTP latency per route, sockets, feed events, queue depths and drops, bot bridge state and latency, alert deliveries, database timing, process figures.',
  })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus text format 0.0.4', schema: { type: 'string' } })
  async scrape(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    void reply.header('content-type', this.metrics.registry.contentType);
    return this.metrics.registry.metrics();
  }
}
