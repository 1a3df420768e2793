import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { Actor } from '../../common/auth/actor';
import { InstanceSecrets } from '../../common/security/instance-secrets';
import { AuthStateService } from './auth-state.service';
import { JWT_AUDIENCE, JWT_ISSUER, type AccessClaims } from './token.service';

/** Authorization: Bearer <access JWT>. HS256 only; the user and session must still be live. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    secrets: InstanceSecrets,
    private readonly authState: AuthStateService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A prebuilt KeyObject: jsonwebtoken would otherwise build one per verify (~0.5 ms).
      secretOrKey: secrets.jwtKey as unknown as string,
      algorithms: ['HS256'],
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessClaims): Promise<Actor | false> {
    if (claims.typ !== 'access' || typeof claims.sub !== 'string' || typeof claims.sid !== 'string') return false;
    const user = await this.authState.user(claims.sub);
    if (!user?.isActive) return false;
    if (!(await this.authState.sessionActive(claims.sid))) return false;
    return {
      kind: 'user',
      id: user.id,
      name: user.username,
      role: user.role,
      sessionId: claims.sid,
      authTime: claims.auth_time,
      expiresAt: claims.exp,
    };
  }
}
