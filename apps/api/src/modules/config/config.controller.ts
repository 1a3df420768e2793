import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Permission, type BotConfig } from '@dnb/contracts';
import type { Actor } from '../../common/auth/actor';
import { CorrelationId } from '../../common/http/request-context.decorators';
import { CurrentActor, RequirePermission } from '../../common/auth/auth.decorators';
import {
  ConfigDto,
  ConfigPreviewDto,
  ConfigUpdateResultDto,
  ConfigVersionDto,
  PreviewConfigDto,
  RestoreConfigDto,
  RiskLimitsDto,
  UpdateConfigDto,
} from './config.dto';
import { ConfigService } from './config.service';

@ApiTags('config')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('config')
export class ConfigController {
  constructor(private readonly config: ConfigService) {}

  @Get()
  @RequirePermission(Permission.ConfigRead)
  @ApiOperation({ summary: 'The bot’s live configuration (501 when the bot does not serve it)' })
  @ApiOkResponse({ type: ConfigDto })
  get(@CorrelationId() correlationId: string): Promise<BotConfig> {
    return this.config.current(correlationId);
  }

  @Get('risk-limits')
  @RequirePermission(Permission.ConfigRead)
  @ApiOperation({ summary: 'The risk section: leverage, position sizes, health-factor and margin thresholds' })
  @ApiOkResponse({ type: RiskLimitsDto })
  riskLimits(@CorrelationId() correlationId: string): Promise<{ risk: NonNullable<BotConfig['risk']> }> {
    return this.config.riskLimits(correlationId);
  }

  @Put()
  @RequirePermission(Permission.ConfigWrite)
  @ApiOperation({
    summary: 'Change fields of the configuration (admin); validated against the limits; answers the diff; stored as a version',
  })
  @ApiOkResponse({ type: ConfigUpdateResultDto })
  update(@Body() body: UpdateConfigDto, @CurrentActor() actor: Actor): Promise<ConfigUpdateResultDto> {
    return this.config.update(body, actor);
  }

  @Post('preview')
  @HttpCode(200)
  @RequirePermission(Permission.ConfigWrite)
  @ApiOperation({
    summary: 'What a PUT /config of these fields would change now, validated against the limits; nothing is sent or stored (admin)',
  })
  @ApiOkResponse({ type: ConfigPreviewDto })
  preview(@Body() body: PreviewConfigDto, @CorrelationId() correlationId: string): Promise<ConfigPreviewDto> {
    return this.config.preview(body.config, correlationId);
  }

  @Get('versions')
  @RequirePermission(Permission.ConfigRead)
  @ApiOperation({ summary: 'Configuration versions, newest first' })
  @ApiQuery({ name: 'limit', required: false, type: Number })
  @ApiQuery({ name: 'before', required: false, type: Number, description: 'Versions older than this one' })
  @ApiOkResponse({ type: [ConfigVersionDto] })
  versions(
    @Query('limit', new ParseIntPipe({ optional: true })) limit?: number,
    @Query('before', new ParseIntPipe({ optional: true })) before?: number,
  ): Promise<ConfigVersionDto[]> {
    return this.config.list(Math.min(Math.max(limit ?? 50, 1), 500), before);
  }

  @Post('versions/:version/restore')
  @HttpCode(200)
  @RequirePermission(Permission.ConfigWrite)
  @ApiOperation({ summary: 'Send a stored version to the bot again (admin)' })
  @ApiOkResponse({ type: ConfigUpdateResultDto })
  restore(
    @Param('version', ParseIntPipe) version: number,
    @Body() body: RestoreConfigDto,
    @CurrentActor() actor: Actor,
  ): Promise<ConfigUpdateResultDto> {
    return this.config.restore(version, body.reason, actor);
  }
}
