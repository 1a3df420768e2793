import { Controller, Get, Header, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';
import { Permission } from '@dnb/contracts';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, RequirePermission } from '../../common/auth/auth.decorators';
import { HISTORY_EXPORT_COLUMNS } from './history-columns';
import { exportRows, fromArray } from '../../common/http/export-rows';
import { HistoryQueryService } from './history-query.service';
import { HistoryRetentionRunner } from './history-retention-runner';
import {
  CircuitBreakersPageDto,
  CircuitBreakersQueryDto,
  FundingHistoryDto,
  FundingQueryDto,
  HistoryRangeQueryDto,
  PnlHistoryDto,
  PositionHistoryDto,
  PositionHistoryParamDto,
  PositionHistoryQueryDto,
  RetentionReportDto,
  TradesPageDto,
  TradesQueryDto,
} from './history.dto';

const CSV_OR_JSON = ['application/json', 'text/csv'] as const;

@ApiTags('history')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller()
export class HistoryController {
  constructor(
    private readonly history: HistoryQueryService,
    private readonly retention: HistoryRetentionRunner,
  ) {}

  @Get('history/pnl')
  @Header('cache-control', 'no-store')
  @RequirePermission(Permission.HistoryRead)
  @ApiOperation({
    summary: 'Portfolio PnL over a rolling window (days) or from/to, UTC, with the trades’ summary (spec 3.1)',
    description: 'Resolution from the range unless given; at most 2,000 points (the newest). ?format=csv|json downloads the data points.',
  })
  @ApiOkResponse({ type: PnlHistoryDto })
  @ApiProduces(...CSV_OR_JSON)
  async pnl(@Query() query: HistoryRangeQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<PnlHistoryDto | Readable> {
    const answer = await this.history.pnl(query);
    return query.format ? exportRows(reply, 'pnl', query.format, HISTORY_EXPORT_COLUMNS.pnl, fromArray(answer.data_points)) : answer;
  }

  @Get('history/funding')
  @Header('cache-control', 'no-store')
  @RequirePermission(Permission.HistoryRead)
  @ApiOperation({ summary: 'Funding rate and net APY per asset (averages per bucket), when the bot serves funding rates' })
  @ApiOkResponse({ type: FundingHistoryDto })
  @ApiProduces(...CSV_OR_JSON)
  async funding(@Query() query: FundingQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<FundingHistoryDto | Readable> {
    const answer = await this.history.funding(query);
    return query.format
      ? exportRows(reply, 'funding', query.format, HISTORY_EXPORT_COLUMNS.funding, fromArray(answer.data_points))
      : answer;
  }

  @Get('history/trades')
  @Header('cache-control', 'no-store')
  @RequirePermission(Permission.HistoryRead)
  @ApiOperation({
    summary: 'Closed positions (trades) with their last-seen figures and close reason; filtered, sorted, paged by cursor',
    description: '?format=csv|json exports every matching trade as a streamed download.',
  })
  @ApiOkResponse({ type: TradesPageDto })
  @ApiProduces(...CSV_OR_JSON)
  trades(@Query() query: TradesQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<TradesPageDto> | Readable {
    if (query.format) return exportRows(reply, 'trades', query.format, HISTORY_EXPORT_COLUMNS.trades, this.history.allTrades(query));
    return this.history.tradesPage(query);
  }

  @Get('history/circuit-breakers')
  @Header('cache-control', 'no-store')
  @RequirePermission(Permission.HistoryRead)
  @ApiOperation({ summary: 'Circuit breaker events, newest first (spec Appendix A); paged by cursor; ?format=csv|json exports all' })
  @ApiOkResponse({ type: CircuitBreakersPageDto })
  @ApiProduces(...CSV_OR_JSON)
  circuitBreakers(
    @Query() query: CircuitBreakersQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CircuitBreakersPageDto> | Readable {
    if (query.format)
      return exportRows(reply, 'circuit-breakers', query.format, HISTORY_EXPORT_COLUMNS.circuitBreakers, this.history.allBreakers(query));
    return this.history.breakersPage(query);
  }

  @Get('positions/:id/history')
  @Header('cache-control', 'no-store')
  @RequirePermission(Permission.HistoryRead)
  @ApiOperation({
    summary: 'One position’s health factor, margin fraction, delta ratio and PnL over time, with its lifecycle events',
    description: 'Default range: the position’s life (open to close, or to now). ?format=csv|json downloads the data points.',
  })
  @ApiOkResponse({ type: PositionHistoryDto })
  @ApiNotFoundResponse({ description: 'Nothing recorded about this position (code NOT_FOUND)' })
  @ApiProduces(...CSV_OR_JSON)
  async positionHistory(
    @Param() params: PositionHistoryParamDto,
    @Query() query: PositionHistoryQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PositionHistoryDto | Readable> {
    const answer = await this.history.position(params.id, query);
    return query.format
      ? exportRows(reply, `position-${params.id}`, query.format, HISTORY_EXPORT_COLUMNS.position, fromArray(answer.data_points))
      : answer;
  }

  @Post('history/retention/run')
  @HttpCode(200)
  @RequirePermission(Permission.HistoryMaintain)
  @ApiOperation({
    summary: 'Run the metrics retention job now (admin; audited): roll up, delete what is past retention, reclaim space',
    description: 'The same job runs daily at 03:00 UTC. Idempotent: a second run finds nothing to do.',
  })
  @ApiOkResponse({ type: RetentionReportDto })
  runRetention(@CurrentActor() actor: Actor): Promise<RetentionReportDto> {
    return this.retention.runFor(actor);
  }
}
