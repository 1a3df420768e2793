import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor';
import { AuthStateService, type UserState } from './auth-state.service';
import { TokenService, type AccessClaims } from './token.service';

/**
 * An access JWT -> the signed-in user, for HTTP (JwtStrategy) and the socket feed's handshake
 * and token refresh alike. HS256 with the prebuilt key (TokenService); the user must still be
 * active and the session open, read through AuthStateService's 1 s cache.
 */
@Injectable()
export class AccessAuthenticator {
  constructor(
    private readonly tokens: TokenService,
    private readonly authState: AuthStateService,
  ) {}

  /** The actor, or false for any refused token (never throws). */
  async actorFor(token: string): Promise<Actor | false> {
    const claims = this.claimsOf(token);
    if (!claims) return false;
    // Only a cache miss waits for the database.
    const user = this.authState.cachedUser(claims.sub) ?? (await this.authState.user(claims.sub));
    if (!user?.isActive) return false;
    if (!(this.authState.cachedSessionActive(claims.sid) ?? (await this.authState.sessionActive(claims.sid)))) return false;
    return actorOf(claims, user);
  }

  /**
   * The same answer without waiting: undefined when the user or session must first be read from
   * the database (then call actorFor).
   */
  actorNow(token: string): Actor | false | undefined {
    const claims = this.claimsOf(token);
    if (!claims) return false;
    const user = this.authState.cachedUser(claims.sub);
    if (user === undefined) return undefined;
    if (!user?.isActive) return false;
    const sessionActive = this.authState.cachedSessionActive(claims.sid);
    if (sessionActive === undefined) return undefined;
    return sessionActive && actorOf(claims, user);
  }

  /** Verified claims that name a user and a session (checked at run time: the token is input). */
  private claimsOf(token: string): AccessClaims | null {
    const claims = this.tokens.tryVerifyAccess(token);
    return claims && typeof claims.sub === 'string' && typeof claims.sid === 'string' ? claims : null;
  }
}

function actorOf(claims: AccessClaims, user: UserState): Actor {
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
