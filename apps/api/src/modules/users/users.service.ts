import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Actor } from '../../common/auth/actor';
import { APP_CONFIG, type AppConfig } from '../../common/config/env.schema';
import { ConfigError } from '../../common/config/secrets';
import { AppException } from '../../common/errors/app.exception';
import { LOGGER } from '../../common/logging/logger';
import { nowIso } from '../../database/columns';
import { AuditService } from '../audit/audit.service';
import { AuthStateService } from '../auth/auth-state.service';
import { SessionsRepository } from '../auth/sessions.repository';
import { PasswordHasher } from './password-hasher';
import { passwordProblem } from './password-policy';
import type { UserEntity } from './user.entity';
import { UserDto, type CreateUserDto, type UpdateUserDto } from './users.dto';
import { UsersRepository } from './users.repository';

/** Team members: creation, role changes, disabling, and the first admin at first boot. */
@Injectable()
export class UsersService implements OnApplicationBootstrap {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly hasher: PasswordHasher,
    private readonly authState: AuthStateService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** First boot with no users: create the admin. No default credentials exist anywhere. */
  async onApplicationBootstrap(): Promise<void> {
    if ((await this.users.count()) > 0) return;
    const { adminUsername, adminPassword } = this.config.auth;
    let password = adminPassword;
    if (password !== undefined) {
      const problem = passwordProblem(password, adminUsername);
      if (problem) throw new ConfigError('ADMIN_PASSWORD', problem);
    } else {
      password = randomBytes(18).toString('base64url');
    }
    try {
      await this.insertUser(adminUsername, password, 'admin', adminPassword === undefined);
    } catch (error) {
      // Another replica created it first.
      if ((await this.users.count()) > 0) return;
      throw error;
    }
    await this.audit.record({ action: 'user.bootstrap', outcome: 'success', actorName: 'system', target: adminUsername });
    if (adminPassword === undefined) {
      // Shown once, on the console only (not in the JSON log); it must be changed at first login.
      process.stdout.write(
        `\n================ FIRST BOOT ================\n` +
          `Admin user:     ${adminUsername}\n` +
          `Admin password: ${password}\n` +
          `This password is shown once and must be changed at first login.\n` +
          `============================================\n\n`,
      );
      this.logger.warn({ username: adminUsername }, 'created the first admin with a one-time password printed to the console');
    } else {
      this.logger.info({ username: adminUsername }, 'created the first admin from ADMIN_PASSWORD');
    }
  }

  async list(): Promise<UserDto[]> {
    return (await this.users.list()).map((u) => UserDto.from(u));
  }

  async create(input: CreateUserDto, actor: Actor): Promise<UserDto> {
    this.assertPassword(input.password, input.username);
    if (await this.users.findByUsername(input.username)) {
      throw new AppException(409, 'CONFLICT', `username ${input.username} is taken`, [{ field: 'username', messages: ['is taken'] }]);
    }
    const user = await this.insertUser(input.username, input.password, input.role, true);
    await this.audit.record({ action: 'user.create', outcome: 'success', actor, target: user.username, after: UserDto.from(user) });
    return UserDto.from(user);
  }

  async update(id: string, input: UpdateUserDto, actor: Actor): Promise<UserDto> {
    const user = await this.mustFind(id);
    const before = UserDto.from(user);
    const demoting = input.role !== undefined && input.role !== 'admin' && user.role === 'admin';
    const disabling = input.is_active === false && user.isActive;
    if ((demoting || disabling) && user.role === 'admin' && user.isActive && (await this.users.countActiveAdminsExcept(id)) === 0) {
      throw new AppException(409, 'CONFLICT', 'the last active admin cannot be demoted or disabled', [
        { field: demoting ? 'role' : 'is_active', messages: ['would leave no active admin'] },
      ]);
    }
    const changes: Partial<UserEntity> = { updatedAt: nowIso() };
    if (input.role !== undefined) changes.role = input.role;
    if (input.is_active !== undefined) changes.isActive = input.is_active;
    if (input.password !== undefined) {
      this.assertPassword(input.password, user.username);
      changes.passwordHash = await this.hasher.hash(input.password);
      changes.mustChangePassword = true;
      changes.passwordChangedAt = changes.updatedAt!;
    }
    await this.users.update(id, changes);
    if (disabling || input.password !== undefined) {
      await this.sessions.revokeAllForUser(id, changes.updatedAt!, disabling ? 'user_disabled' : 'password_reset');
    }
    // Drop the cached state now, and tell live sockets: the change applies within a second.
    this.authState.revoke({
      userId: id,
      reason: disabling ? 'user_disabled' : input.password !== undefined ? 'password_changed' : 'role_changed',
    });
    const after = UserDto.from((await this.users.findById(id))!);
    await this.audit.record({ action: 'user.update', outcome: 'success', actor, target: user.username, before, after });
    return after;
  }

  async delete(id: string, actor: Actor): Promise<void> {
    const user = await this.mustFind(id);
    if (user.role === 'admin' && user.isActive && (await this.users.countActiveAdminsExcept(id)) === 0) {
      throw new AppException(409, 'CONFLICT', 'the last active admin cannot be removed');
    }
    if (user.id === actor.id) throw new AppException(409, 'CONFLICT', 'you cannot remove yourself; ask another admin');
    const apiKeysRemoved = await this.users.delete(id);
    this.authState.revoke({ userId: id, reason: 'user_deleted' });
    await this.audit.record({
      action: 'user.delete',
      outcome: 'success',
      actor,
      target: user.username,
      before: UserDto.from(user),
      detail: { keys_removed: apiKeysRemoved },
    });
  }

  /** `field` is the request field that carried the password (e.g. new_password), named in the 400. */
  assertPassword(password: string, username: string, field = 'password'): void {
    const problem = passwordProblem(password, username);
    if (problem) throw AppException.validation([{ field, messages: [`${field} ${problem}`] }]);
  }

  private async mustFind(id: string): Promise<UserEntity> {
    const user = await this.users.findById(id);
    if (!user) throw AppException.notFound(`no user ${id}`);
    return user;
  }

  private async insertUser(username: string, password: string, role: UserEntity['role'], mustChangePassword: boolean): Promise<UserEntity> {
    const at = nowIso();
    const user: UserEntity = {
      id: randomUUID(),
      username: username.toLowerCase(),
      passwordHash: await this.hasher.hash(password),
      role,
      isActive: true,
      mustChangePassword,
      mfaSecret: null,
      mfaEnabled: false,
      telegramUserId: null,
      createdAt: at,
      updatedAt: at,
      lastLoginAt: null,
      passwordChangedAt: at,
    };
    await this.users.insert(user);
    return user;
  }
}
