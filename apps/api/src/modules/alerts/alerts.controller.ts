import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';
import { Permission } from '@dnb/contracts';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, RequirePermission } from '../../common/auth/auth.decorators';
import { ControlRateLimit } from '../../common/rate-limit/rate-limits';
import { exportRows } from '../../common/http/export-rows';
import {
  AlertConfigDto,
  AlertDto,
  AlertHistoryDto,
  AlertHistoryQueryDto,
  AlertIdParamDto,
  DeliveryDto,
  DeliveryIdParamDto,
  SilenceDto,
  SilenceIdParamDto,
  SilenceInputDto,
  TelegramLinkDto,
  TestAlertDto,
  TestAlertResultDto,
  UpdateAlertConfigDto,
  UpdateTelegramLinksDto,
} from './alerts.dto';
import { AlertsService } from './alerts.service';
import { TelegramCommandsService } from './telegram/telegram-commands.service';

const EXPORT_COLUMNS = [
  'id',
  'created_at',
  'type',
  'severity',
  'title',
  'position_id',
  'asset',
  'metric_key',
  'level',
  'silenced_by',
  'acknowledged_at',
  'acknowledged_by',
  'escalated_at',
  'channels_sent',
  'message',
  'facts',
] as const;

@ApiTags('alerts')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('alerts')
export class AlertsController {
  constructor(
    private readonly alerts: AlertsService,
    private readonly telegram: TelegramCommandsService,
  ) {}

  @Get('history')
  @Header('cache-control', 'no-store')
  @RequirePermission(Permission.AlertsRead)
  @ApiOperation({ summary: 'Alerts, newest first, with each channel’s delivery status; cursor pages; ?format=csv|json exports all' })
  @ApiOkResponse({ type: AlertHistoryDto })
  history(@Query() query: AlertHistoryQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<AlertHistoryDto> | Readable {
    if (query.format) return exportRows(reply, 'alerts', query.format, EXPORT_COLUMNS, this.alerts.all(query));
    return this.alerts.history(query);
  }

  @Get('config')
  @RequirePermission(Permission.AlertsRead)
  @ApiOperation({ summary: 'Alert rules (thresholds, throttles, switches); channels too for admins, secrets masked' })
  @ApiOkResponse({ type: AlertConfigDto })
  config(@CurrentActor() actor: Actor): AlertConfigDto {
    return this.alerts.config(actor);
  }

  @Put('config')
  @RequirePermission(Permission.AlertRulesWrite)
  @ApiOperation({ summary: 'Change the rules (operator+) and/or replace the API-defined channels (admin); audited' })
  @ApiOkResponse({ type: AlertConfigDto })
  updateConfig(@Body() body: UpdateAlertConfigDto, @CurrentActor() actor: Actor): Promise<AlertConfigDto> {
    return this.alerts.updateConfig(body, actor);
  }

  @Post('test')
  @HttpCode(200)
  @ControlRateLimit()
  @RequirePermission(Permission.AlertsTest)
  @ApiOperation({ summary: 'Send a test message to one channel now and answer how it went (admin; 10 a minute)' })
  @ApiOkResponse({ type: TestAlertResultDto })
  test(@Body() body: TestAlertDto, @CurrentActor() actor: Actor): Promise<TestAlertResultDto> {
    return this.alerts.test(body.channel, actor);
  }

  @Get('silences')
  @RequirePermission(Permission.AlertsRead)
  @ApiOperation({ summary: 'Silences in force or scheduled' })
  @ApiOkResponse({ type: [SilenceDto] })
  silences(): Promise<SilenceDto[]> {
    return this.alerts.silences();
  }

  @Post('silences')
  @RequirePermission(Permission.AlertsSilence)
  @ApiOperation({ summary: 'Mute matching alerts (type, position, asset) for a window: they are kept in history, not sent' })
  @ApiOkResponse({ type: SilenceDto })
  addSilence(@Body() body: SilenceInputDto, @CurrentActor() actor: Actor): Promise<SilenceDto> {
    return this.alerts.addSilence(body, actor);
  }

  @Delete('silences/:id')
  @HttpCode(204)
  @RequirePermission(Permission.AlertsSilence)
  @ApiOperation({ summary: 'End a silence now' })
  @ApiNoContentResponse()
  endSilence(@Param() params: SilenceIdParamDto, @CurrentActor() actor: Actor): Promise<void> {
    return this.alerts.endSilence(params.id, actor);
  }

  @Get('telegram/links')
  @RequirePermission(Permission.AlertChannelsRead)
  @ApiOperation({ summary: 'Telegram users allowed to send commands, and the control-center user each acts as (admin)' })
  @ApiOkResponse({ type: [TelegramLinkDto] })
  telegramLinks(): Promise<TelegramLinkDto[]> {
    return this.telegram.linksView();
  }

  @Put('telegram/links')
  @RequirePermission(Permission.AlertChannelsWrite)
  @ApiOperation({
    summary: 'Replace the Telegram user links (admin; audited). Commands also need an allowed chat (TELEGRAM_ALLOWED_CHATS)',
  })
  @ApiOkResponse({ type: [TelegramLinkDto] })
  putTelegramLinks(@Body() body: UpdateTelegramLinksDto, @CurrentActor() actor: Actor): Promise<TelegramLinkDto[]> {
    return this.telegram.putLinks(body.links, actor);
  }

  @Get('dead-letters')
  @RequirePermission(Permission.AlertChannelsRead)
  @ApiOperation({ summary: 'Deliveries that failed for good (admin)' })
  @ApiOkResponse({ type: [DeliveryDto] })
  deadLetters(): Promise<DeliveryDto[]> {
    return this.alerts.deadLetters();
  }

  @Post('deliveries/:id/retry')
  @HttpCode(204)
  @RequirePermission(Permission.AlertsDeadLetterRetry)
  @ApiOperation({ summary: 'Send a dead letter again with a fresh set of tries (admin)' })
  @ApiNoContentResponse()
  retry(@Param() params: DeliveryIdParamDto, @CurrentActor() actor: Actor): Promise<void> {
    return this.alerts.retry(params.id, actor);
  }

  @Get(':id')
  @RequirePermission(Permission.AlertsRead)
  @ApiOperation({ summary: 'One alert with its deliveries' })
  @ApiOkResponse({ type: AlertDto })
  one(@Param() params: AlertIdParamDto): Promise<AlertDto> {
    return this.alerts.one(params.id);
  }

  @Post(':id/ack')
  @HttpCode(200)
  @RequirePermission(Permission.AlertsAck)
  @ApiOperation({ summary: 'Acknowledge: repeats for this metric stop until the severity rises (operator+)' })
  @ApiOkResponse({ type: AlertDto })
  acknowledge(@Param() params: AlertIdParamDto, @CurrentActor() actor: Actor): Promise<AlertDto> {
    return this.alerts.acknowledge(params.id, actor);
  }
}
