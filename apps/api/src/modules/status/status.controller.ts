import { Controller, Get, Header } from '@nestjs/common';
import {
  ApiBadGatewayResponse,
  ApiBearerAuth,
  ApiGatewayTimeoutResponse,
  ApiOkResponse,
  ApiOperation,
  ApiSecurity,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Permission, type PauseStateResponse, type StatsResponse, type StatusResponse } from '@dnb/contracts';
import { RequirePermission } from '../../common/auth/auth.decorators';
import { BotUnavailableDto } from '../bot-bridge/bridge.dto';
import { PauseStateResponseDto, StatsResponseDto, StatusResponseDto } from './status.dto';
import { StatusService } from './status.service';

@ApiTags('status')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller()
export class StatusController {
  constructor(private readonly status: StatusService) {}

  @Get('status')
  @Header('cache-control', 'no-store')
  @RequirePermission(Permission.StatusRead)
  @ApiOperation({
    summary: 'Bot runtime status: state, uptime, environment, pause state, chains, data freshness',
    description:
      'Always 200: when the bot is starting, recovering or unavailable that is the state reported (with recovery progress and a note); ' +
      'the pause state is the last known one, see freshness.',
  })
  @ApiOkResponse({ type: StatusResponseDto })
  getStatus(): Promise<StatusResponse> {
    return this.status.status();
  }

  @Get('stats')
  @Header('cache-control', 'no-store')
  @RequirePermission(Permission.StatusRead)
  @ApiOperation({ summary: "The bot's statistics (uptime, opportunities, positions opened and closed, errors)" })
  @ApiOkResponse({ type: StatsResponseDto })
  @ApiServiceUnavailableResponse({
    type: BotUnavailableDto,
    description: 'Bot unreachable, starting or breaker open: last known data attached',
  })
  @ApiGatewayTimeoutResponse({ type: BotUnavailableDto, description: 'Bot too slow: last known data attached' })
  @ApiBadGatewayResponse({
    type: BotUnavailableDto,
    description: 'Bot answers unusable (error or contract violation): last known data attached',
  })
  getStats(): Promise<StatsResponse> {
    return this.status.stats();
  }

  @Get('pause-state')
  @Header('cache-control', 'no-store')
  @RequirePermission(Permission.StatusRead)
  @ApiOperation({ summary: 'Current pause state: scope, reason, who paused and when, active circuit breakers' })
  @ApiOkResponse({ type: PauseStateResponseDto })
  @ApiServiceUnavailableResponse({
    type: BotUnavailableDto,
    description: 'Bot unreachable, starting or breaker open: last known data attached',
  })
  @ApiGatewayTimeoutResponse({ type: BotUnavailableDto, description: 'Bot too slow: last known data attached' })
  @ApiBadGatewayResponse({ type: BotUnavailableDto, description: 'Bot answers unusable: last known data attached' })
  getPauseState(): Promise<PauseStateResponse> {
    return this.status.pauseState();
  }
}
