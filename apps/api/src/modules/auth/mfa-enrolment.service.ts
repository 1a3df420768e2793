import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor';
import { APP_CONFIG, type AppConfig } from '../../common/config/env.schema';
import { AppException } from '../../common/errors/app.exception';
import { nowIso } from '../../database/columns';
import { AuditService } from '../audit/audit.service';
import { PasswordHasher } from '../users/password-hasher';
import type { UserEntity } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { AuthStateService } from './auth-state.service';
import type { MfaSetupDto, RecoveryCodesDto, StepUpDto } from './auth.dto';
import { LoginLimiter } from './login-limiter';
import { MfaService } from './mfa.service';

@Injectable()
export class MfaEnrolmentService {
  constructor(
    private readonly users: UsersRepository,
    private readonly mfa: MfaService,
    private readonly hasher: PasswordHasher,
    private readonly authState: AuthStateService,
    private readonly audit: AuditService,
    private readonly limiter: LoginLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async setup(actor: Actor): Promise<MfaSetupDto> {
    const user = await this.userOf(actor);
    if (user.mfaEnabled) throw new AppException(409, 'CONFLICT', 'two-factor authentication is already on; disable it first');
    const result = await this.mfa.begin(user);
    await this.audit.record({ action: 'auth.mfa_setup', outcome: 'success', actor });
    return result;
  }

  async enable(actor: Actor, code: string): Promise<RecoveryCodesDto> {
    const user = await this.userOf(actor);
    if (user.mfaEnabled) throw new AppException(409, 'CONFLICT', 'two-factor authentication is already on');
    if (!user.mfaSecret) throw new AppException(409, 'CONFLICT', 'start with POST /api/v1/auth/mfa/setup');
    if (!(await this.mfa.verifyTotp(user, code))) {
      await this.audit.record({ action: 'auth.mfa_enable', outcome: 'failure', actor, statusCode: 400 });
      throw AppException.validation([{ field: 'totp', messages: ['is invalid'] }]);
    }
    await this.users.update(user.id, { mfaEnabled: true, updatedAt: nowIso() });
    const codes = await this.mfa.newRecoveryCodes(user.id);
    this.authState.revoke({ userId: user.id, reason: 'role_changed' });
    await this.audit.record({ action: 'auth.mfa_enable', outcome: 'success', actor });
    return { recovery_codes: codes };
  }

  async disable(actor: Actor, proof: StepUpDto): Promise<void> {
    const user = await this.verified(actor, proof, 'auth.mfa_disable');
    if (this.config.auth.requireAdminMfa && user.role === 'admin') {
      throw new AppException(409, 'CONFLICT', 'two-factor authentication is required for admins (REQUIRE_ADMIN_MFA)');
    }
    await this.users.update(user.id, { mfaEnabled: false, mfaSecret: null, updatedAt: nowIso() });
    await this.users.replaceRecoveryCodes(user.id, []);
    this.authState.revoke({ userId: user.id, reason: 'role_changed' });
    await this.audit.record({ action: 'auth.mfa_disable', outcome: 'success', actor });
  }

  async regenerateRecoveryCodes(actor: Actor, proof: StepUpDto): Promise<RecoveryCodesDto> {
    const user = await this.verified(actor, proof, 'auth.mfa_recovery_codes');
    if (!user.mfaEnabled) throw new AppException(409, 'CONFLICT', 'two-factor authentication is off');
    const codes = await this.mfa.newRecoveryCodes(user.id);
    await this.audit.record({ action: 'auth.mfa_recovery_codes', outcome: 'success', actor });
    return { recovery_codes: codes };
  }

  private async verified(actor: Actor, proof: StepUpDto, action: string): Promise<UserEntity> {
    const user = await this.userOf(actor);
    await this.limiter.assertReauthAllowed(actor.request?.ip ?? 'unknown', user.username);
    const ok =
      (await this.hasher.verify(user.passwordHash, proof.password)) &&
      (!user.mfaEnabled || (!!proof.totp && (await this.mfa.verifyTotp(user, proof.totp))));
    if (!ok) {
      await this.audit.record({ action, outcome: 'failure', actor, statusCode: 401 });
      throw new AppException(401, 'UNAUTHENTICATED', 'Password and a current authentication code are required');
    }
    return user;
  }

  private async userOf(actor: Actor): Promise<UserEntity> {
    if (actor.kind !== 'user') throw new AppException(403, 'PERMISSION_DENIED', 'two-factor authentication is for users, not API keys');
    const user = await this.users.findById(actor.id);
    if (!user) throw new AppException(401, 'UNAUTHENTICATED', 'Authentication required');
    return user;
  }
}
