import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiKeyEntity } from '../api-keys/api-key.entity';
import { ApiKeysRepository } from '../api-keys/api-keys.repository';
import { AuthStateService } from '../auth/auth-state.service';
import { RefreshTokenEntity, SessionEntity } from '../auth/session.entity';
import { SessionsRepository } from '../auth/sessions.repository';
import { PasswordHasher } from '../users/password-hasher';
import { RecoveryCodeEntity, UserEntity } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';

/**
 * The stores behind identity (users, sessions, API keys) and the live auth state read on
 * every request. Shared by the users, API-key and auth features and by the global guards.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, RecoveryCodeEntity, SessionEntity, RefreshTokenEntity, ApiKeyEntity])],
  providers: [UsersRepository, SessionsRepository, ApiKeysRepository, AuthStateService, PasswordHasher],
  exports: [UsersRepository, SessionsRepository, ApiKeysRepository, AuthStateService, PasswordHasher],
})
export class IdentityModule {}
