import { FEED_ACTION, FEED_MESSAGE, FEED_PATH, type FeedEvent, type FeedServerMessage } from '@dnb/contracts';
import type { QueryClient } from '@tanstack/react-query';
import type { io, Socket } from 'socket.io-client';
import { env } from '@/config/env';
import { getAccessToken, notifySessionExpired, refreshAccessToken } from '../access-token';
import { backoffDelay } from './backoff';
import { getFeedStatus, setFeedStatus } from './feed-status';
import { reduceFeedMessage } from './feed-reducer';
import { LIVE_QUERY_KEY, type LiveState } from './live-state';

/** Close reasons after which a new access token may get us back in. */
const AUTH_ERRORS = /^(UNAUTHENTICATED|TOKEN_INVALID|TOKEN_EXPIRED)/;
/** The server will not take us back whatever we do (until the user acts). */
const FINAL_ERRORS = /^(PERMISSION_DENIED|PASSWORD_CHANGE_REQUIRED|MFA_ENROLMENT_REQUIRED|ORIGIN_NOT_ALLOWED)/;

/** socket.io-client loads with the first connection: nothing needs it before sign-in. */
let loadingIo: Promise<typeof io> | undefined;
function loadIo(): Promise<typeof io> {
  loadingIo ??= import('socket.io-client').then(
    (module) => module.io,
    (error: unknown) => {
      loadingIo = undefined; // a later attempt fetches it again
      throw error;
    },
  );
  return loadingIo;
}

export interface FeedConnectionOptions {
  /** Other queries to refresh when an event says their data changed. */
  onEvents?: (events: FeedEvent[]) => void;
  /** For tests: a socket factory. */
  connect?: (url: string, options: Parameters<typeof io>[1]) => Socket;
}

/**
 * The one socket to the feed (Q16). Subscribes with the last seq it applied, applies what
 * arrives into the live query's cache entry (no other store), resubscribes on a gap, reconnects
 * with backoff (1 s -> 30 s) after any loss, and renews its token over the socket when the server
 * asks (Q8).
 */
export class FeedConnection {
  private socket: Socket | null = null;
  private lastSeq = 0;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private resyncing = false;
  private stopped = false;
  /** Counts open() calls, so a socket.io-client load that ends after a newer open() or stop() is dropped. */
  private opening = 0;

  constructor(
    private readonly queryClient: QueryClient,
    private readonly options: FeedConnectionOptions = {},
  ) {}

  start(): void {
    this.stopped = false;
    setFeedStatus({ state: 'connecting', reason: null, retryAt: null });
    this.open();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
    setFeedStatus({ state: 'offline', staleSince: null, reason: null, retryAt: null });
  }

  private open(): void {
    const opening = ++this.opening;
    const { connect } = this.options;
    if (connect) return this.attach(connect);
    loadIo().then(
      (io) => {
        if (!this.stopped && opening === this.opening) this.attach(io);
      },
      (error: unknown) => {
        if (!this.stopped && opening === this.opening) void this.lost(error instanceof Error ? error.message : String(error));
      },
    );
  }

  private attach(connect: NonNullable<FeedConnectionOptions['connect']>): void {
    const socket = connect(env.apiOrigin || window.location.origin, {
      path: FEED_PATH,
      transports: ['websocket'],
      // Reconnection is ours: the built-in one gives up after a refusal or a server close.
      reconnection: false,
      // Read at each attempt, so a refreshed token is used.
      auth: (cb) => cb({ token: getAccessToken() ?? '' }),
      timeout: 10_000,
    });
    this.socket = socket;
    this.resyncing = false;
    socket.on('connect', () => this.subscribe());
    socket.on(FEED_MESSAGE, (message: FeedServerMessage) => this.receive(message));
    socket.on('connect_error', (error: Error) => void this.lost(error.message));
    socket.on('disconnect', (reason: string) => void this.lost(reason));
  }

  private subscribe(): void {
    this.resyncing = true;
    this.socket?.emit(FEED_ACTION, { action: 'subscribe', last_seq: this.lastSeq });
  }

  private receive(message: FeedServerMessage): void {
    switch (message.type) {
      case 'token_refresh_required':
        void this.renewToken();
        return;
      case 'error':
        // The server says why before it closes; keep it for the indicator.
        setFeedStatus({ reason: `${message.code}: ${message.message}` });
        return;
      case 'snapshot':
      case 'catch_up':
        this.resyncing = false;
        this.attempt = 0;
        setFeedStatus({ state: 'live', staleSince: null, reason: null, retryAt: null });
        break;
    }
    const current = this.queryClient.getQueryData<LiveState>(LIVE_QUERY_KEY);
    const result = reduceFeedMessage(this.lastSeq, current, message);
    this.lastSeq = result.lastSeq;
    if (result.state !== current && result.state) this.queryClient.setQueryData(LIVE_QUERY_KEY, result.state);
    if (result.applied.length) this.options.onEvents?.(result.applied);
    if (result.resync && !this.resyncing) {
      setFeedStatus({ gaps: getFeedStatus().gaps + 1 });
      this.subscribe();
    }
  }

  private async renewToken(): Promise<void> {
    try {
      const token = await refreshAccessToken();
      if (!token) return notifySessionExpired();
      this.socket?.emit(FEED_ACTION, { action: 'refresh_token', token });
    } catch {
      // The API could not refresh now; the server closes at expiry and we reconnect then.
    }
  }

  private async lost(reason: string): Promise<void> {
    if (this.stopped) return;
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
    const previous = getFeedStatus();
    const why = previous.reason && reason === 'io server disconnect' ? previous.reason : reason;
    if (FINAL_ERRORS.test(why)) {
      setFeedStatus({ state: 'offline', staleSince: previous.staleSince ?? Date.now(), reason: why, retryAt: null });
      return;
    }
    if (AUTH_ERRORS.test(why) || /ACCESS_REVOKED/.test(why)) {
      try {
        if (!(await refreshAccessToken())) {
          this.stop();
          notifySessionExpired();
          return;
        }
      } catch {
        // The API is unreachable: retry later like any other loss.
      }
      if (this.stopped) return;
    }
    const delay = backoffDelay(this.attempt++);
    setFeedStatus({
      state: 'reconnecting',
      staleSince: previous.staleSince ?? Date.now(),
      reason: why,
      retryAt: Date.now() + delay,
    });
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      if (!this.stopped) this.open();
    }, delay);
  }
}
