import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type {} from '@fastify/cookie'; // request.cookies / reply.setCookie
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Permission } from '@dnb/contracts';
import type { Actor } from '../../common/auth/actor';
import { Authenticated, CurrentActor, Public, RequirePermission, UsersOnly } from '../../common/auth/auth.decorators';
import { CurrentRequest } from '../../common/http/request-context.decorators';
import { APP_CONFIG, type AppConfig } from '../../common/config/env.schema';
import { requestContextOf, type RequestContext } from '../../common/logging/request-context';
import { ChangePasswordDto, LoginDto, MeDto, SessionDto, StepUpDto, TokenResponseDto } from './auth.dto';
import { AuthService, type IssuedSession } from './auth.service';

export const REFRESH_COOKIE = 'dnb_refresh';
const COOKIE_PATH = '/api/v1/auth';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in; the refresh token is set as an httpOnly cookie scoped to /api/v1/auth' })
  @ApiOkResponse({ type: TokenResponseDto })
  async login(
    @Body() body: LoginDto,
    @CurrentRequest() context: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenResponseDto> {
    return this.withCookie(reply, await this.auth.login(body, context));
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiCookieAuth(REFRESH_COOKIE)
  @ApiOperation({ summary: 'Rotate the refresh cookie and get a new access token; reuse of a spent refresh token ends the session' })
  @ApiOkResponse({ type: TokenResponseDto })
  async refresh(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<TokenResponseDto> {
    return this.withCookie(reply, await this.auth.refresh(request.cookies?.[REFRESH_COOKIE], requestContextOf(request)));
  }

  @Post('logout')
  @Authenticated()
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'End this session' })
  @ApiNoContentResponse()
  async logout(@CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.logout(actor);
    void reply.clearCookie(REFRESH_COOKIE, { path: COOKIE_PATH });
  }

  @Get('me')
  @Authenticated()
  @ApiBearerAuth()
  @ApiSecurity('api-key')
  @ApiOperation({ summary: 'Who am I, with the permissions of my role' })
  @ApiOkResponse({ type: MeDto })
  me(@CurrentActor() actor: Actor): Promise<MeDto> {
    return this.auth.me(actor);
  }

  @Post('password')
  @UsersOnly()
  @Authenticated()
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change my password; my other sessions end' })
  async changePassword(@CurrentActor() actor: Actor, @Body() body: ChangePasswordDto): Promise<void> {
    await this.auth.changePassword(actor, body);
  }

  @Post('step-up')
  @UsersOnly()
  @RequirePermission(Permission.AccountSelf)
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Prove the password again (emergency stop needs a login younger than 15 min)' })
  @ApiOkResponse({ type: TokenResponseDto })
  stepUp(@CurrentActor() actor: Actor, @Body() body: StepUpDto): Promise<Omit<IssuedSession, 'refreshToken'>> {
    return this.auth.stepUp(actor, body);
  }

  @Get('sessions')
  @UsersOnly()
  @RequirePermission(Permission.AccountSelf)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'My open sessions' })
  @ApiOkResponse({ type: [SessionDto] })
  sessions(@CurrentActor() actor: Actor): Promise<SessionDto[]> {
    return this.auth.listSessions(actor);
  }

  @Delete('sessions/:id')
  @UsersOnly()
  @RequirePermission(Permission.AccountSelf)
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'End one of my sessions' })
  async revokeSession(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.auth.revokeSession(actor, id);
  }

  private withCookie(reply: FastifyReply, issued: IssuedSession): TokenResponseDto {
    const { refreshToken, ...body } = issued;
    void reply
      .setCookie(REFRESH_COOKIE, refreshToken, {
        httpOnly: true,
        secure: this.config.auth.cookieSecure,
        sameSite: 'strict',
        path: COOKIE_PATH,
        maxAge: this.config.auth.refreshTokenTtlS,
      })
      .header('cache-control', 'no-store');
    return body;
  }
}
