import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor';
import { AuthStateService } from './auth-state.service';
import { TokenService } from './token.service';

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
    const claims = this.tokens.tryVerifyAccess(token);
    if (!claims || typeof claims.sub !== 'string' || typeof claims.sid !== 'string') return false;
    // Only a cache miss waits for the database.
    const user = this.authState.cachedUser(claims.sub) ?? (await this.authState.user(claims.sub));
    if (!user?.isActive) return false;
    if (!(this.authState.cachedSessionActive(claims.sid) ?? (await this.authState.sessionActive(claims.sid)))) return false;
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
