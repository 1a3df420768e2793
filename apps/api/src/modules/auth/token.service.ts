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

/** Verified access tokens remembered at most (each a few hundred bytes). */
const VERIFIED_CACHE_MAX = 5_000;

@Injectable()
export class TokenService {
  /**
   * Tokens that passed verifyAccess: the same token presented again is not parsed and verified
   * again until it expires. Keyed by the signature (hashing the whole ~300-character token for
   * the lookup cost more than the rest of the check) and matched on the exact text. Revocation
   * does not depend on this: the user and session are checked on every request.
   */
  private readonly verified = new Map<string, { token: string; claims: AccessClaims }>();

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

  /** verifyAccess for the request path: the claims, or null for any refused token; remembers verified tokens. */
  tryVerifyAccess(token: string): AccessClaims | null {
    const now = Math.floor(Date.now() / 1000);
    const key = token.slice(token.lastIndexOf('.') + 1);
    const known = this.verified.get(key);
    if (known?.token === token) {
      // Same expiry rule as jsonwebtoken: expired from the second `exp` on.
      if (now < known.claims.exp) return known.claims;
      this.verified.delete(key);
      return null;
    }
    let claims: AccessClaims;
    try {
      claims = this.verifyAccess(token);
    } catch {
      return null;
    }
    if (typeof claims.exp !== 'number' || now >= claims.exp) return null;
    if (this.verified.size >= VERIFIED_CACHE_MAX) this.evictVerified(now);
    this.verified.set(key, { token, claims: Object.freeze(claims) });
    return claims;
  }

  /** Drops expired tokens, then the oldest ones until a tenth of the room is free. */
  private evictVerified(now: number): void {
    for (const [key, { claims }] of this.verified) if (now >= claims.exp) this.verified.delete(key);
    for (const key of this.verified.keys()) {
      if (this.verified.size < VERIFIED_CACHE_MAX * 0.9) break;
      this.verified.delete(key);
    }
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
