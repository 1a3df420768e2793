/**
 * Domain events published in-process by the bot bridge when a poll differs from the last one.
 * They become the socket feed's messages later. Every event has a type, a UTC timestamp
 * (ISO 8601 with Z, when the control center observed the change) and a payload.
 */
import type { BotPauseState, BotPositionSummary, BotStats } from './bot';
import type { BotLifecycle } from './api/bridge';

export const DOMAIN_EVENT_TYPES = [
  'position_opened',
  'position_update',
  'position_closed',
  'pause_state_change',
  'bot_state_change',
  'stats_update',
  'bridge_baseline',
] as const;
export type DomainEventType = (typeof DOMAIN_EVENT_TYPES)[number];

interface EventOf<T extends DomainEventType, P> {
  type: T;
  /** When the control center observed it, UTC ISO 8601 with Z. */
  timestamp: string;
  payload: P;
}

/** A position the control center had not seen before. */
export type PositionOpenedEvent = EventOf<
  'position_opened',
  {
    position: BotPositionSummary;
    /** True when it appeared while the bot was recovering (it existed before the restart). */
    recovered: boolean;
  }
>;

/** Only the fields that changed since the last poll, plus the id. */
export type PositionUpdateEvent = EventOf<
  'position_update',
  {
    position_id: string;
    changes: Partial<BotPositionSummary>;
  }
>;

/** A position the bot no longer reports while running (never emitted while it starts or recovers). */
export type PositionClosedEvent = EventOf<
  'position_closed',
  {
    position_id: string;
    /** The figures as last seen. */
    last_seen: BotPositionSummary;
    /** When they were read (UTC Z). */
    last_seen_at: string;
  }
>;

export type PauseStateChangeEvent = EventOf<
  'pause_state_change',
  {
    previous: BotPauseState | null;
    current: BotPauseState;
  }
>;

export type BotStateChangeEvent = EventOf<
  'bot_state_change',
  {
    previous: BotLifecycle | null;
    current: BotLifecycle;
    /** Why, when the bot is not usable (e.g. "bot unreachable on /health: ECONNREFUSED"). */
    reason: string | null;
  }
>;

export type StatsUpdateEvent = EventOf<
  'stats_update',
  {
    stats: BotStats;
    /** Only the fields that changed. */
    changes: Partial<BotStats>;
  }
>;

/**
 * The bridge's whole view when it first observes the bot's positions, stats or pause state
 * (after an API start, or once the bot first answers): those first observations make no
 * change events, so a subscriber that keeps state (the feed) resets to this, in bus order.
 */
export type BridgeBaselineEvent = EventOf<
  'bridge_baseline',
  {
    positions: Record<string, BotPositionSummary>;
    pause_state: BotPauseState | null;
    stats: BotStats | null;
    lifecycle: BotLifecycle;
    reason: string | null;
  }
>;

export type DomainEvent =
  | PositionOpenedEvent
  | PositionUpdateEvent
  | PositionClosedEvent
  | PauseStateChangeEvent
  | BotStateChangeEvent
  | StatsUpdateEvent
  | BridgeBaselineEvent;
