import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { permissionsOf, type Role } from '@dnb/contracts';
import { APP_CONFIG, type AppConfig } from '../../common/config/env.schema';
import { InstanceSecrets } from '../../common/security/instance-secrets';

export const JWT_ISSUER = 'dnb-control-center';
export const JWT_AUDIENCE = 'dnb-control-center';

/** Claims of an access token: spec 5.1 plus the session, auth_time and a token type. */
export interface AccessClaims {
  sub: string;
  username: string;
  role: Role;
  permissions: string[];
  sid: string;
  auth_time: number;
  typ: 'access';
  iat: number;
  exp: number;
}

@Injectable()
export class TokenService {
  constructor(
    private readonly secrets: InstanceSecrets,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get accessTtlS(): number {
    return this.config.auth.accessTokenTtlS;
  }

  signAccess(
    user: { id: string; username: string; role: Role },
    sessionId: string,
    authTime: number,
  ): { token: string; expiresIn: number } {
    const token = jwt.sign(
      {
        username: user.username,
        role: user.role,
        permissions: permissionsOf(user.role),
        sid: sessionId,
        auth_time: authTime,
        typ: 'access',
      },
      this.secrets.jwtKey,
      { algorithm: 'HS256', subject: user.id, expiresIn: this.accessTtlS, issuer: JWT_ISSUER, audience: JWT_AUDIENCE },
    );
    return { token, expiresIn: this.accessTtlS };
  }

  /** Verifies signature (HS256 only: no `none`, no header-supplied key), expiry, issuer, audience, type. */
  verifyAccess(token: string): AccessClaims {
    const claims = jwt.verify(token, this.secrets.jwtKey, {
      algorithms: ['HS256'],
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
    }) as AccessClaims;
    if (claims.typ !== 'access') throw new jwt.JsonWebTokenError('not an access token');
    return claims;
  }

  /** An opaque refresh token "<session id>.<256 random bits>"; only its hash is stored. */
  newRefreshToken(sessionId: string): { token: string; hash: string } {
    const token = `${sessionId}.${randomBytes(32).toString('base64url')}`;
    return { token, hash: hashToken(token) };
  }
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
