import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor';
import { Authenticated, CurrentActor, UsersOnly } from '../../common/auth/auth.decorators';
import { MfaCodeDto, MfaDisableDto, MfaSetupDto, RecoveryCodesDto, StepUpDto } from './auth.dto';
import { MfaEnrolmentService } from './mfa-enrolment.service';

// @Authenticated: an admin forced to enrol (REQUIRE_ADMIN_MFA) must reach these routes.
@ApiTags('auth')
@ApiBearerAuth()
@UsersOnly()
@Controller('auth/mfa')
export class MfaController {
  constructor(private readonly enrolment: MfaEnrolmentService) {}

  @Post('setup')
  @Authenticated()
  @HttpCode(200)
  @ApiOperation({ summary: 'Start TOTP enrolment: a new seed, active once a code from it is confirmed' })
  @ApiOkResponse({ type: MfaSetupDto })
  setup(@CurrentActor() actor: Actor): Promise<MfaSetupDto> {
    return this.enrolment.setup(actor);
  }

  @Post('enable')
  @Authenticated()
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm a code; two-factor is then on, and recovery codes are shown once' })
  @ApiOkResponse({ type: RecoveryCodesDto })
  enable(@CurrentActor() actor: Actor, @Body() body: MfaCodeDto): Promise<RecoveryCodesDto> {
    return this.enrolment.enable(actor, body.totp);
  }

  @Post('disable')
  @Authenticated()
  @HttpCode(204)
  @ApiOperation({ summary: 'Turn two-factor off (password and a current code)' })
  async disable(@CurrentActor() actor: Actor, @Body() body: MfaDisableDto): Promise<void> {
    await this.enrolment.disable(actor, body);
  }

  @Post('recovery-codes')
  @Authenticated()
  @HttpCode(200)
  @ApiOperation({ summary: 'Replace my recovery codes (password and a current code)' })
  @ApiOkResponse({ type: RecoveryCodesDto })
  recoveryCodes(@CurrentActor() actor: Actor, @Body() body: StepUpDto): Promise<RecoveryCodesDto> {
    return this.enrolment.regenerateRecoveryCodes(actor, body);
  }
}
