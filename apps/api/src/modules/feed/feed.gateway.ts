import { Inject } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  type OnGatewayConnection,
  type OnGatewayInit,
} from '@nestjs/websockets';
import { FEED_ACTION, FEED_CHANNELS, FEED_MSGPACK_PATH, FEED_PATH, Permission, type FeedChannel } from '@dnb/contracts';
import type { Logger } from 'pino';
import type { Server, Socket } from 'socket.io';
import * as msgpackParser from 'socket.io-msgpack-parser';
import { RequirePermission } from '../../common/auth/auth.decorators';
import { APP_CONFIG, type AppConfig } from '../../common/config/env.schema';
import { LOGGER } from '../../common/logging/logger';
import { AuthStateService, type AccessRevocation } from '../auth/auth-state.service';
import { FeedAuthService, FeedRefusal } from './feed-auth.service';
import { channelsAllowed, clientOf, FeedHub, type FeedClient } from './feed-hub.service';

const now = () => new Date().toISOString();

/**
 * The feed's Socket.IO endpoint (spec 3.2). The handshake authenticates (FeedAuthService);
 * each client action is a FEED_ACTION event with an `action` field, checked by the global
 * PermissionGuard like a route. What is sent, and when, is the hub's business.
 */
abstract class FeedGatewayBase implements OnGatewayInit, OnGatewayConnection {
  constructor(
    protected readonly hub: FeedHub,
    protected readonly auth: FeedAuthService,
    protected readonly authState: AuthStateService,
    protected readonly config: AppConfig,
    protected readonly logger: Logger,
  ) {}

  afterInit(server: Server): void {
    this.hub.attach(server);
    server.use((socket, next) => {
      this.auth.admit(socket).then(
        (actor) => {
          const client: FeedClient = { actor, channels: null, pending: null };
          (socket.data as { feed?: FeedClient }).feed = client;
          next();
        },
        (error: unknown) => {
          if (error instanceof FeedRefusal) {
            const refusal = new Error(error.message) as Error & { data?: unknown };
            refusal.data = error.data;
            return next(refusal);
          }
          this.logger.error({ err: error }, 'feed handshake failed');
          next(new Error('INTERNAL_ERROR: could not check the credentials; retry'));
        },
      );
    });
    const subscription = this.authState.revocations$.subscribe((revocation) => this.revoke(server, revocation));
    server.engine.on('close', () => subscription.unsubscribe());
  }

  handleConnection(socket: Socket): void {
    const client = clientOf(socket);
    if (!client) return void socket.disconnect(true);
    socket.on('disconnecting', () => this.hub.forget(socket));
    this.scheduleExpiry(socket, client);
    this.logger.debug({ actor: client.actor.name, transport: socket.conn.transport.name }, 'feed client connected');
  }

  @SubscribeMessage(FEED_ACTION)
  @RequirePermission(Permission.FeedSubscribe)
  async onAction(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<void> {
    const client = clientOf(socket)!;
    const action = body as Record<string, unknown> | null;
    if (typeof action !== 'object' || action === null) return this.invalid(socket, 'action', 'must be an object with an `action` field');
    if (action.action === 'subscribe') return this.subscribe(socket, client, action);
    if (action.action === 'refresh_token') return this.refreshToken(socket, client, action.token);
    return this.invalid(socket, 'action', 'must be "subscribe" or "refresh_token"');
  }

  private async subscribe(socket: Socket, client: FeedClient, action: Record<string, unknown>): Promise<void> {
    const allowed = channelsAllowed(client.actor);
    let channels: FeedChannel[] = allowed;
    if (action.channels !== undefined) {
      if (
        !Array.isArray(action.channels) ||
        !action.channels.length ||
        action.channels.some((c) => !FEED_CHANNELS.includes(c as FeedChannel))
      ) {
        return this.invalid(socket, 'channels', `must be a non-empty list of ${FEED_CHANNELS.join(', ')}`);
      }
      const denied = action.channels.filter((c) => !allowed.includes(c as FeedChannel));
      if (denied.length) {
        return this.hub.send(socket, {
          type: 'error',
          timestamp: now(),
          code: 'PERMISSION_DENIED',
          message: `your role (${client.actor.role}) may not read ${denied.join(', ')}`,
          field: 'channels',
        });
      }
      channels = [...new Set(action.channels as FeedChannel[])];
    }
    const lastSeq = action.last_seq ?? 0;
    if (typeof lastSeq !== 'number' || !Number.isSafeInteger(lastSeq) || lastSeq < 0) {
      return this.invalid(socket, 'last_seq', 'must be a whole number >= 0');
    }
    this.hub.send(socket, { type: 'subscribed', timestamp: now(), channels });
    await this.hub.subscribe(socket, new Set(channels), lastSeq);
  }

  private async refreshToken(socket: Socket, client: FeedClient, token: unknown): Promise<void> {
    if (typeof token !== 'string' || !token) return this.invalid(socket, 'token', 'must be an access token');
    const actor = await this.auth.refreshed(client.actor, token);
    if (!actor) return this.hub.disconnect(socket, 'TOKEN_INVALID', 'the new token is not valid for this user; sign in again');
    client.actor = actor;
    this.scheduleExpiry(socket, client);
    this.hub.send(socket, { type: 'token_refresh_success', timestamp: now(), expires_at: new Date(actor.expiresAt! * 1000).toISOString() });
  }

  /** token_refresh_required ahead of the token's expiry, and the close at expiry (Q8). */
  private scheduleExpiry(socket: Socket, client: FeedClient): void {
    clearTimeout(client.refreshTimer);
    clearTimeout(client.expiryTimer);
    const expiresAt = client.actor.expiresAt;
    if (client.actor.kind !== 'user' || expiresAt === undefined) return; // API keys do not expire mid-connection
    const expiresIso = new Date(expiresAt * 1000).toISOString();
    const untilExpiry = expiresAt * 1000 - Date.now();
    const untilRefresh = Math.max(0, untilExpiry - this.config.ws.tokenRefreshLeadS * 1000);
    client.refreshTimer = setTimeout(
      () =>
        this.hub.send(socket, {
          type: 'token_refresh_required',
          timestamp: now(),
          expires_at: expiresIso,
          refresh_url: '/api/v1/auth/refresh',
        }),
      untilRefresh,
    );
    client.expiryTimer = setTimeout(
      () => this.hub.disconnect(socket, 'TOKEN_EXPIRED', 'your token expired; refresh it and reconnect'),
      Math.max(0, untilExpiry),
    );
  }

  /** A disabled user, a revoked session or API key: their sockets close at once. */
  private revoke(server: Server, revocation: AccessRevocation): void {
    for (const socket of server.sockets.sockets.values()) {
      const actor = clientOf(socket)?.actor;
      if (!actor) continue;
      const hit =
        (revocation.userId !== undefined && (actor.id === revocation.userId || actor.ownerId === revocation.userId)) ||
        (revocation.sessionId !== undefined && actor.sessionId === revocation.sessionId) ||
        (revocation.apiKeyId !== undefined && actor.kind === 'api_key' && actor.id === revocation.apiKeyId);
      if (hit) this.hub.disconnect(socket, 'ACCESS_REVOKED', `access revoked (${revocation.reason})`);
    }
  }

  private invalid(socket: Socket, field: string, message: string): void {
    this.hub.send(socket, { type: 'error', timestamp: now(), code: 'INVALID_ACTION', message: `${field} ${message}`, field });
  }
}

/** JSON frames at /ws/v1/feed. */
@WebSocketGateway({ path: FEED_PATH })
export class FeedGateway extends FeedGatewayBase {
  constructor(
    hub: FeedHub,
    auth: FeedAuthService,
    authState: AuthStateService,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    super(hub, auth, authState, config, logger);
  }
}

/** The same stream as MessagePack frames at /ws/v1/feed-msgpack (smaller; spec 10.2). */
@WebSocketGateway({ path: FEED_MSGPACK_PATH, parser: msgpackParser })
export class FeedMsgpackGateway extends FeedGatewayBase {
  constructor(
    hub: FeedHub,
    auth: FeedAuthService,
    authState: AuthStateService,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    super(hub, auth, authState, config, logger);
  }
}
