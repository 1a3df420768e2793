/**
 * The real-time feed (spec 3.2, 10.2, 11.2): Socket.IO at FEED_PATH (JSON) and
 * FEED_MSGPACK_PATH (MessagePack), fed by one stream. Every server message carries `type` and
 * `timestamp` (UTC ISO 8601 with Z); events also carry the one global, monotonic `seq`.
 * Messages travel as the Socket.IO event named FEED_MESSAGE; clients send theirs as
 * FEED_ACTION with an `action` field.
 */
import type { BotPauseState, BotPositionSummary, BotStats } from './bot';
import type { BotLifecycle, DataFreshness } from './api/bridge';
import type { DomainEvent } from './domain-events';
import type { AlertSeverity, AlertType } from './alerts';

export const FEED_PATH = '/ws/v1/feed';
export const FEED_MSGPACK_PATH = '/ws/v1/feed-msgpack';
/** The Socket.IO event name of every server -> client message. */
export const FEED_MESSAGE = 'message';
/** The Socket.IO event name of every client -> server message. */
export const FEED_ACTION = 'action';

/** What a client can subscribe to; each event type belongs to one channel. */
export const FEED_CHANNELS = ['positions', 'pause_state', 'stats', 'bot', 'config', 'alerts'] as const;
export type FeedChannel = (typeof FEED_CHANNELS)[number];

export const FEED_EVENT_TYPES = [
  'position_opened',
  'position_update',
  'position_closed',
  'pause_state_change',
  'bot_state_change',
  'stats_update',
  'config_changed',
  'alert',
] as const;
export type FeedEventType = (typeof FEED_EVENT_TYPES)[number];

export const CHANNEL_OF: Record<FeedEventType, FeedChannel> = {
  position_opened: 'positions',
  position_update: 'positions',
  position_closed: 'positions',
  pause_state_change: 'pause_state',
  bot_state_change: 'bot',
  stats_update: 'stats',
  config_changed: 'config',
  alert: 'alerts',
};

/**
 * Sent in 100 ms windows as one `batch` message (spec 10.2). Every other event goes at once:
 * alone, or, when updates are waiting, as the last event of their batch, sent right then; so
 * a client always receives events in seq order. Read events from `batch` messages too.
 */
export const BATCHED_EVENT_TYPES: ReadonlySet<FeedEventType> = new Set<FeedEventType>(['position_update', 'stats_update']);

/** The `data` of each event type on the feed. */
export interface FeedEventData {
  position_opened: { position: BotPositionSummary; recovered: boolean };
  /** Spec 3.2: the changed fields, flat, with the position id. */
  position_update: { position_id: string } & Partial<BotPositionSummary>;
  position_closed: { position_id: string; last_seen: BotPositionSummary; last_seen_at: string };
  /** Spec 3.2: the pause state now, flat, with what it was before. */
  pause_state_change: BotPauseState & { previous: BotPauseState | null };
  bot_state_change: { previous: BotLifecycle | null; current: BotLifecycle; reason: string | null };
  stats_update: { stats: BotStats; changes: Partial<BotStats> };
  config_changed: { version: number; author: string; reason: string; changed_keys: string[] };
  alert: {
    id: string;
    alert_type: AlertType;
    severity: AlertSeverity;
    title: string;
    message: string;
    position_id?: string | null;
    asset?: string | null;
  };
}

/** One sequenced event, as stored in the event log and as sent. */
export type FeedEvent<T extends FeedEventType = FeedEventType> = {
  [K in T]: { type: K; seq: number; timestamp: string; data: FeedEventData[K] };
}[T];

/** An event before the sequencer numbers it. */
export type UnsequencedFeedEvent<T extends FeedEventType = FeedEventType> = {
  [K in T]: { type: K; timestamp: string; data: FeedEventData[K] };
}[T];

/** The bot as the feed shows it. */
export interface FeedBotState {
  state: BotLifecycle;
  reason: string | null;
}

/** The full state at one seq: applying every later event to it gives the state at any later seq. */
export interface FeedState {
  /** By position id. */
  positions: Record<string, BotPositionSummary>;
  pause_state: BotPauseState | null;
  stats: BotStats | null;
  bot: FeedBotState;
}

export interface SnapshotMessage {
  type: 'snapshot';
  /** The state includes every event up to and including this seq. */
  seq: number;
  timestamp: string;
  /** True when the client asked to resume from a seq the server no longer keeps: replace everything. */
  reset: boolean;
  /** Only the subscribed channels' parts are filled; the others are absent. */
  data: Partial<FeedState>;
  /** How fresh the bridge's data was when the snapshot was taken. */
  freshness: DataFreshness;
}

export interface CatchUpMessage {
  type: 'catch_up';
  /** The first seq the client had not seen (its last_seq + 1). */
  from_seq: number;
  /** The last seq included; live events follow from to_seq + 1. */
  to_seq: number;
  timestamp: string;
  /** Every event from from_seq to to_seq on the subscribed channels, in seq order. */
  events: FeedEvent[];
}

export interface BatchMessage {
  type: 'batch';
  timestamp: string;
  /** Seq of the first and last event in it. */
  from_seq: number;
  to_seq: number;
  events: FeedEvent[];
}

export interface HeartbeatMessage {
  type: 'heartbeat';
  /** The latest seq; a client whose last seq is lower has missed something (reconnect with last_seq). */
  seq: number;
  timestamp: string;
}

export interface TokenRefreshRequiredMessage {
  type: 'token_refresh_required';
  timestamp: string;
  /** When the connection's token expires (UTC Z); the socket is closed then unless refreshed. */
  expires_at: string;
  refresh_url: string;
}

export interface TokenRefreshSuccessMessage {
  type: 'token_refresh_success';
  timestamp: string;
  expires_at: string;
}

export interface SubscribedMessage {
  type: 'subscribed';
  timestamp: string;
  channels: FeedChannel[];
}

/** A refused action (the connection stays open) or the reason the server is about to disconnect. */
export interface FeedErrorMessage {
  type: 'error';
  timestamp: string;
  code: FeedErrorCode;
  message: string;
  /** The field of the action at fault, when there is one. */
  field?: string;
}

export type FeedErrorCode =
  | 'INVALID_ACTION'
  | 'PERMISSION_DENIED'
  | 'TOKEN_INVALID'
  | 'TOKEN_EXPIRED'
  | 'ACCESS_REVOKED'
  | 'SLOW_CONSUMER'
  | 'UNAUTHENTICATED'
  | 'INTERNAL_ERROR';

export type FeedServerMessage =
  | FeedEvent
  | SnapshotMessage
  | CatchUpMessage
  | BatchMessage
  | HeartbeatMessage
  | TokenRefreshRequiredMessage
  | TokenRefreshSuccessMessage
  | SubscribedMessage
  | FeedErrorMessage;

export interface SubscribeAction {
  action: 'subscribe';
  /** Default: every channel the caller may read. */
  channels?: FeedChannel[];
  /** 0 (or absent) for a fresh client; else the last seq it applied. */
  last_seq?: number;
}

export interface RefreshTokenAction {
  action: 'refresh_token';
  token: string;
}

export type FeedClientAction = SubscribeAction | RefreshTokenAction;

/** Reasons the server gives when it refuses a connection (connect_error message) or closes one. */
export const FEED_REFUSALS = {
  unauthenticated: 'UNAUTHENTICATED: send auth.token (access JWT) or auth.api_key',
  origin: 'ORIGIN_NOT_ALLOWED: this origin may not open the feed',
  permission: 'PERMISSION_DENIED: your role may not subscribe to the feed',
  passwordChange: 'PASSWORD_CHANGE_REQUIRED: change your password first (POST /api/v1/auth/password)',
  mfaEnrolment: 'MFA_ENROLMENT_REQUIRED: admins must enrol in two-factor authentication first',
  tooMany: 'TOO_MANY_CONNECTIONS: the server is at MAX_WS_CONNECTIONS; retry later',
  tooManyForUser: 'TOO_MANY_CONNECTIONS_FOR_USER: close another tab or client first',
} as const;

/** The feed's view of a domain event from the bridge; null for the bridge's baseline (not an event on the feed). */
export function feedEventOf(event: DomainEvent): UnsequencedFeedEvent | null {
  switch (event.type) {
    case 'position_update':
      return { type: event.type, timestamp: event.timestamp, data: { ...event.payload.changes, position_id: event.payload.position_id } };
    case 'pause_state_change':
      return { type: event.type, timestamp: event.timestamp, data: { ...event.payload.current, previous: event.payload.previous } };
    case 'position_opened':
      return { type: event.type, timestamp: event.timestamp, data: event.payload };
    case 'position_closed':
      return { type: event.type, timestamp: event.timestamp, data: event.payload };
    case 'bot_state_change':
      return { type: event.type, timestamp: event.timestamp, data: event.payload };
    case 'stats_update':
      return { type: event.type, timestamp: event.timestamp, data: event.payload };
    case 'bridge_baseline':
      return null;
  }
}

/**
 * Applies one event to a feed state in place (positions, pause state, stats, bot), as the
 * server's projection and every client do: a snapshot at seq N plus the events after N gives
 * the state a fresh snapshot would.
 */
export function applyFeedEvent(state: Partial<FeedState>, event: FeedEvent): void {
  switch (event.type) {
    case 'position_opened':
      state.positions = { ...state.positions, [event.data.position.position_id]: event.data.position };
      break;
    case 'position_update': {
      const { position_id: id, ...changes } = event.data;
      const known = state.positions?.[id];
      if (known) state.positions![id] = { ...known, ...changes };
      break;
    }
    case 'position_closed':
      if (state.positions) delete state.positions[event.data.position_id];
      break;
    case 'pause_state_change': {
      const { previous: _previous, ...current } = event.data;
      state.pause_state = current;
      break;
    }
    case 'bot_state_change':
      state.bot = { state: event.data.current, reason: event.data.reason };
      break;
    case 'stats_update':
      state.stats = event.data.stats;
      break;
    case 'config_changed':
    case 'alert':
      break; // not part of the state: clients read them from the REST API
  }
}
