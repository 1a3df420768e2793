import { Inject, Injectable } from '@nestjs/common';
import { FEED_REFUSALS, Permission, can } from '@dnb/contracts';
import type { Logger } from 'pino';
import type { Socket } from 'socket.io';
import type { Actor } from '../../common/auth/actor';
import { APP_CONFIG, type AppConfig } from '../../common/config/env.schema';
import { LOGGER } from '../../common/logging/logger';
import { ApiKeysService } from '../api-keys/api-keys.service';
import { AccessAuthenticator } from '../auth/access-authenticator';
import { AuthStateService } from '../auth/auth-state.service';
import { bearerToken } from '../auth/jwt.strategy';
import { FeedHub } from './feed-hub.service';

/** A refused handshake: the client's connect_error carries the message. */
export class FeedRefusal extends Error {
  constructor(
    readonly reason: keyof typeof FEED_REFUSALS,
    readonly data: { code: string; message: string } = { code: reason, message: FEED_REFUSALS[reason] },
  ) {
    super(FEED_REFUSALS[reason]);
  }
}

/**
 * Who may open the feed: the Origin (same host, or the CORS allowlist; none from non-browser
 * clients), a valid access JWT (`auth.token`) or API key (`auth.api_key` or X-API-Key), the
 * feed:subscribe permission, an account in order (password changed, admin MFA enrolled, as on
 * HTTP), and room under MAX_WS_CONNECTIONS and the per-user cap.
 */
@Injectable()
export class FeedAuthService {
  constructor(
    private readonly access: AccessAuthenticator,
    private readonly apiKeys: ApiKeysService,
    private readonly authState: AuthStateService,
    private readonly hub: FeedHub,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Socket.IO middleware: resolves to the actor, or throws a FeedRefusal. */
  async admit(socket: Socket): Promise<Actor> {
    const { headers, auth, address } = socket.handshake;
    try {
      if (!this.originAllowed(headers.origin, headers.host)) throw new FeedRefusal('origin');
      // Before any database work: a full server refuses cheaply.
      if (this.hub.connectionCount() > this.config.ws.maxConnections) throw new FeedRefusal('tooMany');
      const actor = await this.authenticate(auth as Record<string, unknown>, headers, address);
      if (!actor) throw new FeedRefusal('unauthenticated');
      if (!can(actor.role, Permission.FeedSubscribe)) throw new FeedRefusal('permission');
      await this.requireAccountInOrder(actor);
      const mine = this.hub.sockets().filter((s) => {
        const other = (s.data as { feed?: { actor: Actor } }).feed?.actor;
        return other && other.kind === actor.kind && other.id === actor.id;
      }).length;
      if (mine >= this.config.ws.maxConnectionsPerUser) throw new FeedRefusal('tooManyForUser');
      return actor;
    } catch (error) {
      if (error instanceof FeedRefusal) {
        this.hub.countRefusal(error.reason);
        this.logger.info({ reason: error.reason, origin: headers.origin, ip: address }, 'feed connection refused');
      }
      throw error;
    }
  }

  /** As on every HTTP route: a forced password change and admin MFA enrolment come first. */
  private async requireAccountInOrder(actor: Actor): Promise<void> {
    if (actor.kind !== 'user') return;
    const state = await this.authState.user(actor.id);
    if (state?.mustChangePassword) throw new FeedRefusal('passwordChange');
    if (this.config.auth.requireAdminMfa && actor.role === 'admin' && !state?.mfaEnabled) throw new FeedRefusal('mfaEnrolment');
  }

  /** A new access token for an open connection: it must be valid and belong to the same user. */
  async refreshed(current: Actor, token: unknown): Promise<Actor | false> {
    if (current.kind !== 'user' || typeof token !== 'string' || !token) return false;
    const actor = await this.access.actorFor(token);
    return actor && actor.id === current.id ? actor : false;
  }

  private async authenticate(
    auth: Record<string, unknown>,
    headers: Record<string, string | string[] | undefined>,
    ip: string,
  ): Promise<Actor | false> {
    const token = typeof auth?.token === 'string' ? auth.token : bearerToken(single(headers.authorization));
    if (token) return this.access.actorFor(token);
    const key = typeof auth?.api_key === 'string' ? auth.api_key : single(headers['x-api-key']);
    if (!key) return false;
    const result = await this.apiKeys.authenticate(key, ip);
    return typeof result === 'string' ? false : result;
  }

  /** Browsers always send Origin on a WebSocket: it must be this host or an allowed one. */
  private originAllowed(origin: string | undefined, host: string | undefined): boolean {
    if (origin === undefined) return true; // not a browser: the credential decides
    if (this.config.http.corsOrigins.includes(origin)) return true;
    try {
      return host !== undefined && new URL(origin).host === host;
    } catch {
      return false;
    }
  }
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
