import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../common/auth/actor';
import { APP_CONFIG, type AppConfig } from '../../common/config/env.schema';
import { AppException } from '../../common/errors/app.exception';
import type { RequestContext } from '../../common/logging/request-context';
import { nowIso } from '../../database/columns';
import { AuditService } from '../audit/audit.service';
import { PasswordHasher } from '../users/password-hasher';
import type { UserEntity } from '../users/user.entity';
import { UserDto } from '../users/users.dto';
import { UsersRepository } from '../users/users.repository';
import { UsersService } from '../users/users.service';
import { AuthStateService } from './auth-state.service';
import type { ChangePasswordDto, LoginDto, MeDto, SessionDto, StepUpDto } from './auth.dto';
import { MeDto as Me } from './auth.dto';
import { LoginLimiter } from './login-limiter';
import { MfaService } from './mfa.service';
import { SessionsRepository } from './sessions.repository';
import { hashToken, TokenService } from './token.service';

export interface IssuedSession {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
  user: UserDto;
  /** Set as an httpOnly cookie by the controller; never in a body. */
  refreshToken: string;
}

const INVALID_LOGIN = 'Invalid username or password';
/** Emergency stop and resume-after-emergency need a password proof younger than this. */
export const STEP_UP_MAX_AGE_S = 15 * 60;

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly usersService: UsersService,
    private readonly sessions: SessionsRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly mfa: MfaService,
    private readonly limiter: LoginLimiter,
    private readonly authState: AuthStateService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Same answer, body and (argon2) cost for an unknown user, a wrong password or a disabled user. */
  async login(input: LoginDto, context: RequestContext): Promise<IssuedSession> {
    const ip = context.ip ?? 'unknown';
    const username = input.username.toLowerCase();
    const wait = await this.limiter.attempt(ip, username);
    if (wait > 0) {
      await this.audit.record({
        action: 'auth.login',
        outcome: 'denied',
        actorName: username,
        context,
        statusCode: 429,
        detail: { reason: 'rate_limited' },
      });
      throw new AppException(
        429,
        'RATE_LIMITED',
        'Too many login attempts; try again later',
        undefined,
        { retry_after: wait },
        { 'retry-after': String(wait) },
      );
    }
    const user = await this.users.findByUsername(username);
    const passwordOk = await this.hasher.verify(user?.passwordHash, input.password);
    if (!user || !passwordOk || !user.isActive) {
      await this.audit.record({
        action: 'auth.login',
        outcome: 'failure',
        actorName: username,
        context,
        statusCode: 401,
        detail: { reason: 'bad_credentials' },
      });
      throw new AppException(401, 'UNAUTHENTICATED', INVALID_LOGIN);
    }
    if (user.mfaEnabled) {
      if (!input.totp) {
        throw new AppException(401, 'MFA_REQUIRED', 'Enter the code from your authenticator app', [
          { field: 'totp', messages: ['is required'] },
        ]);
      }
      const factor = await this.mfa.verifySecondFactor(user, input.totp);
      if (!factor) {
        await this.audit.record({
          action: 'auth.login',
          outcome: 'failure',
          actorName: username,
          statusCode: 401,
          detail: { reason: 'bad_second_factor' },
        });
        throw new AppException(401, 'UNAUTHENTICATED', 'Invalid authentication code', [{ field: 'totp', messages: ['is invalid'] }]);
      }
    }
    const issued = await this.startSession(user, context);
    await this.users.update(user.id, { lastLoginAt: nowIso() });
    await this.audit.record({ action: 'auth.login', outcome: 'success', actor: actorOf(user, issued.sessionId), context, statusCode: 200 });
    return issued.session;
  }

  /** Rotates the refresh token; a spent token presented again revokes its whole session. */
  async refresh(refreshToken: string | undefined, context: RequestContext): Promise<IssuedSession> {
    const unauthorized = () => new AppException(401, 'UNAUTHENTICATED', 'Session expired; sign in again');
    if (!refreshToken) throw unauthorized();
    const row = await this.sessions.findToken(hashToken(refreshToken));
    if (!row) throw unauthorized();
    const session = await this.sessions.findById(row.sessionId);
    if (!session || session.revokedAt || session.expiresAt <= nowIso()) throw unauthorized();
    const user = await this.users.findById(session.userId);
    if (!user?.isActive) throw unauthorized();
    if (row.spentAt) {
      await this.revokeForReuse(session.id, user, context);
      throw unauthorized();
    }
    const next = this.tokens.newRefreshToken(session.id);
    const at = nowIso();
    const rotated = await this.sessions.rotate(
      row.tokenHash,
      { tokenHash: next.hash, sessionId: session.id, createdAt: at, spentAt: null },
      {
        lastUsedAt: at,
        ip: context.ip ?? session.ip,
        userAgent: context.userAgent ?? session.userAgent,
      },
    );
    if (!rotated) {
      await this.revokeForReuse(session.id, user, context);
      throw unauthorized();
    }
    const access = this.tokens.signAccess(user, session.id, session.authTime);
    return {
      access_token: access.token,
      token_type: 'bearer',
      expires_in: access.expiresIn,
      user: UserDto.from(user),
      refreshToken: next.token,
    };
  }

  async logout(actor: Actor): Promise<void> {
    if (actor.sessionId) {
      await this.sessions.revoke(actor.sessionId, nowIso(), 'logout');
      this.authState.revoke({ userId: actor.id, sessionId: actor.sessionId, reason: 'logout' });
    }
    await this.audit.record({ action: 'auth.logout', outcome: 'success', actor });
  }

  async me(actor: Actor): Promise<MeDto> {
    if (actor.kind !== 'user') {
      // An API key: describe the key, with what its role may do.
      const key: UserDto = {
        id: actor.id,
        username: actor.name,
        role: actor.role,
        is_active: true,
        mfa_enabled: false,
        must_change_password: false,
        created_at: '',
        last_login_at: null,
      };
      return Me.withPermissions(key);
    }
    const user = await this.mustFindUser(actor.id);
    return Me.withPermissions(UserDto.from(user), actor.authTime);
  }

  async changePassword(actor: Actor, input: ChangePasswordDto): Promise<void> {
    const user = await this.mustFindUser(actor.id);
    await this.limiter.assertReauthAllowed(actor.request?.ip ?? 'unknown', user.username);
    if (!(await this.hasher.verify(user.passwordHash, input.current_password))) {
      await this.audit.record({ action: 'auth.password_change', outcome: 'failure', actor, statusCode: 400 });
      throw AppException.validation([{ field: 'current_password', messages: ['is incorrect'] }]);
    }
    this.usersService.assertPassword(input.new_password, user.username, 'new_password');
    if (await this.hasher.verify(user.passwordHash, input.new_password)) {
      throw AppException.validation([{ field: 'new_password', messages: ['must differ from the current password'] }]);
    }
    const at = nowIso();
    await this.users.update(user.id, {
      passwordHash: await this.hasher.hash(input.new_password),
      mustChangePassword: false,
      passwordChangedAt: at,
      updatedAt: at,
    });
    // Other sessions may be the reason for the change: end them; keep this one.
    await this.sessions.revokeAllForUser(user.id, at, 'password_changed', actor.sessionId);
    this.authState.revoke({ userId: user.id, reason: 'password_changed' });
    await this.audit.record({ action: 'auth.password_change', outcome: 'success', actor });
  }

  async listSessions(actor: Actor): Promise<SessionDto[]> {
    const sessions = await this.sessions.listActiveForUser(actor.id, nowIso());
    return sessions.map((s) => ({
      id: s.id,
      created_at: s.createdAt,
      last_used_at: s.lastUsedAt,
      expires_at: s.expiresAt,
      ip: s.ip,
      user_agent: s.userAgent,
      current: s.id === actor.sessionId,
    }));
  }

  async revokeSession(actor: Actor, sessionId: string): Promise<void> {
    const session = await this.sessions.findById(sessionId);
    if (!session || session.userId !== actor.id) throw AppException.notFound(`no session ${sessionId}`);
    await this.sessions.revoke(sessionId, nowIso(), 'revoked_by_user');
    this.authState.revoke({ userId: actor.id, sessionId, reason: 'session_revoked' });
    await this.audit.record({ action: 'auth.session_revoke', outcome: 'success', actor, target: sessionId });
  }

  /** Proves the password again: the session's auth_time becomes now, and a fresh token says so. */
  async stepUp(actor: Actor, input: StepUpDto): Promise<Omit<IssuedSession, 'refreshToken'>> {
    if (actor.kind !== 'user' || !actor.sessionId) throw new AppException(403, 'PERMISSION_DENIED', 'step-up is for signed-in users');
    const user = await this.mustFindUser(actor.id);
    await this.limiter.assertReauthAllowed(actor.request?.ip ?? 'unknown', user.username);
    const ok =
      (await this.hasher.verify(user.passwordHash, input.password)) &&
      (!user.mfaEnabled || (!!input.totp && !!(await this.mfa.verifySecondFactor(user, input.totp))));
    if (!ok) {
      await this.audit.record({ action: 'auth.step_up', outcome: 'failure', actor, statusCode: 401 });
      throw new AppException(
        401,
        'UNAUTHENTICATED',
        user.mfaEnabled && !input.totp ? 'Password and authentication code required' : 'Invalid credentials',
      );
    }
    const authTime = Math.floor(Date.now() / 1000);
    await this.sessions.update(actor.sessionId, { authTime });
    const access = this.tokens.signAccess(user, actor.sessionId, authTime);
    await this.audit.record({ action: 'auth.step_up', outcome: 'success', actor });
    return { access_token: access.token, token_type: 'bearer', expires_in: access.expiresIn, user: UserDto.from(user) };
  }

  /** For emergency stop and resume-after-emergency (Q15): a login younger than 15 minutes. */
  assertRecentLogin(actor: Actor): void {
    if (actor.kind !== 'user') return; // API keys are machines: no password to re-prove
    const age = Math.floor(Date.now() / 1000) - (actor.authTime ?? 0);
    if (age > STEP_UP_MAX_AGE_S) {
      throw new AppException(401, 'STEP_UP_REQUIRED', 'Confirm your password to do this (POST /api/v1/auth/step-up)', undefined, {
        auth_age_seconds: age,
      });
    }
  }

  private async startSession(user: UserEntity, context: RequestContext): Promise<{ session: IssuedSession; sessionId: string }> {
    const sessionId = randomUUID();
    const now = new Date();
    const authTime = Math.floor(now.getTime() / 1000);
    const refresh = this.tokens.newRefreshToken(sessionId);
    await this.sessions.create(
      {
        id: sessionId,
        userId: user.id,
        createdAt: now.toISOString(),
        lastUsedAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + this.config.auth.refreshTokenTtlS * 1000).toISOString(),
        authTime,
        ip: context.ip ?? null,
        userAgent: context.userAgent ?? null,
        revokedAt: null,
        revokedReason: null,
      },
      { tokenHash: refresh.hash, sessionId, createdAt: now.toISOString(), spentAt: null },
    );
    const access = this.tokens.signAccess(user, sessionId, authTime);
    return {
      sessionId,
      session: {
        access_token: access.token,
        token_type: 'bearer',
        expires_in: access.expiresIn,
        user: UserDto.from(user),
        refreshToken: refresh.token,
      },
    };
  }

  private async revokeForReuse(sessionId: string, user: UserEntity, context: RequestContext): Promise<void> {
    await this.sessions.revoke(sessionId, nowIso(), 'refresh_token_reuse');
    this.authState.revoke({ userId: user.id, sessionId, reason: 'refresh_reuse' });
    await this.audit.record({
      action: 'auth.refresh_reuse',
      outcome: 'denied',
      actor: actorOf(user, sessionId),
      context,
      statusCode: 401,
      detail: { session_id: sessionId },
    });
  }

  private async mustFindUser(id: string): Promise<UserEntity> {
    const user = await this.users.findById(id);
    if (!user) throw new AppException(401, 'UNAUTHENTICATED', 'Authentication required');
    return user;
  }
}

function actorOf(user: UserEntity, sessionId: string): Actor {
  return { kind: 'user', id: user.id, name: user.username, role: user.role, sessionId };
}
