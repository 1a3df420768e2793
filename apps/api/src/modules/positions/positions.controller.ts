import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import {
  ApiBadGatewayResponse,
  ApiBearerAuth,
  ApiGatewayTimeoutResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiSecurity,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Permission, type PositionDetailResponse, type PositionsResponse } from '@dnb/contracts';
import { RequirePermission } from '../../common/auth/auth.decorators';
import { BotUnavailableDto } from '../bot-bridge/bridge.dto';
import { PositionDetailResponseDto, PositionIdParamDto, PositionsQueryDto, PositionsResponseDto } from './positions.dto';
import { PositionsService } from './positions.service';
import { CorrelationId } from '../../common/http/request-context.decorators';

@ApiTags('positions')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('positions')
export class PositionsController {
  constructor(private readonly positions: PositionsService) {}

  @Get()
  @Header('cache-control', 'no-store')
  @RequirePermission(Permission.PositionsRead)
  @ApiOperation({
    summary: 'Positions with a summary (exact decimal sums), filtered and sorted, with data freshness',
    description:
      'While the bot starts or recovers: 200 with complete=false, the state, recovery progress and a note (an empty list then does not mean "no positions").',
  })
  @ApiOkResponse({ type: PositionsResponseDto })
  @ApiServiceUnavailableResponse({
    type: BotUnavailableDto,
    description: 'Bot unreachable or breaker open: last known list in cached_data',
  })
  @ApiGatewayTimeoutResponse({ type: BotUnavailableDto, description: 'Bot too slow: last known list in cached_data' })
  @ApiBadGatewayResponse({ type: BotUnavailableDto, description: 'Bot answers unusable: last known list in cached_data' })
  list(@Query() query: PositionsQueryDto): Promise<PositionsResponse> {
    return this.positions.list(query);
  }

  @Get(':id')
  @Header('cache-control', 'no-store')
  @RequirePermission(Permission.PositionsRead)
  @ApiOperation({ summary: 'Full detail of one position (spec Appendix A): sizing, both legs, PnL, risk' })
  @ApiOkResponse({ type: PositionDetailResponseDto })
  @ApiNotFoundResponse({ description: 'The bot reports no such position (code NOT_FOUND)' })
  @ApiServiceUnavailableResponse({ type: BotUnavailableDto, description: 'Bot unreachable, starting or breaker open' })
  @ApiGatewayTimeoutResponse({ type: BotUnavailableDto, description: 'Bot too slow' })
  @ApiBadGatewayResponse({ type: BotUnavailableDto, description: 'Bot answer unusable' })
  detail(@Param() params: PositionIdParamDto, @CorrelationId() correlationId: string): Promise<PositionDetailResponse> {
    return this.positions.detail(params.id, correlationId);
  }
}
