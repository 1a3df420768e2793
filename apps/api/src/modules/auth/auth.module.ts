import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { ApiKeysModule } from '../api-keys/api-keys.module';
import { UsersModule } from '../users/users.module';
import { AccessAuthenticator } from './access-authenticator';
import { ApiKeyStrategy } from './api-key.strategy';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { JwtStrategy } from './jwt.strategy';
import { LoginLimiter } from './login-limiter';
import { MfaEnrolmentService } from './mfa-enrolment.service';
import { MfaController } from './mfa.controller';
import { MfaService } from './mfa.service';
import { TokenService } from './token.service';

@Module({
  imports: [PassportModule.register({ session: false }), UsersModule, ApiKeysModule],
  controllers: [AuthController, MfaController],
  providers: [AuthService, TokenService, AccessAuthenticator, MfaService, MfaEnrolmentService, LoginLimiter, JwtStrategy, ApiKeyStrategy],
  exports: [AuthService, TokenService, AccessAuthenticator],
})
export class AuthModule {}
