import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Permission } from '@dnb/contracts';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, RequirePermission } from '../../common/auth/auth.decorators';
import { ControlRateLimit } from '../../common/rate-limit/rate-limits';
import { ControlPreviewDto, ControlResultDto, EmergencyStopDto, PauseDto, PreviewQueryDto, ResumeDto } from './control.dto';
import { ControlService } from './control.service';

@ApiTags('control')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('control')
export class ControlController {
  constructor(private readonly control: ControlService) {}

  @Post('pause')
  @HttpCode(200)
  @ControlRateLimit()
  // The scope decides the rest: operators may pause entry/exit, admins every scope.
  @RequirePermission(Permission.ControlPauseEntry)
  @ApiOperation({ summary: 'Pause the bot in a scope; idempotent; the answer is the re-read pause state' })
  @ApiOkResponse({ type: ControlResultDto })
  pause(@Body() body: PauseDto, @CurrentActor() actor: Actor): Promise<ControlResultDto> {
    return this.control.pause(body, actor);
  }

  @Post('resume')
  @HttpCode(200)
  @ControlRateLimit()
  @RequirePermission(Permission.ControlResumeEntryExit)
  @ApiOperation({
    summary:
      'Resume; operators only from an entry/exit pause with no manual-reset breaker; after an emergency stop, admins with a fresh login',
  })
  @ApiOkResponse({ type: ControlResultDto })
  resume(@Body() body: ResumeDto, @CurrentActor() actor: Actor): Promise<ControlResultDto> {
    return this.control.resume(body, actor);
  }

  @Post('emergency-stop')
  @HttpCode(200)
  @ControlRateLimit()
  @RequirePermission(Permission.ControlEmergencyStop)
  @ApiOperation({
    summary: 'Close every position and pause all (admin, login < 15 min: else 401 STEP_UP_REQUIRED); confirm must be "STOP"',
  })
  @ApiOkResponse({ type: ControlResultDto })
  emergencyStop(@Body() body: EmergencyStopDto, @CurrentActor() actor: Actor): Promise<ControlResultDto> {
    return this.control.emergencyStop(body, actor);
  }

  @Get('preview')
  @RequirePermission(Permission.ControlPreview)
  @ApiOperation({ summary: 'What an action would do now: exposed positions for a pause, positions to close for an emergency stop' })
  @ApiOkResponse({ type: ControlPreviewDto })
  preview(@Query() query: PreviewQueryDto): ControlPreviewDto {
    return this.control.preview(query);
  }
}
