import {
  applyFeedEvent,
  FEED_EVENT_TYPES,
  type FeedEvent,
  type FeedServerMessage,
  type FeedState,
  type SnapshotMessage,
} from '@dnb/contracts';
import { isRecovering, type LiveState } from './live-state';

/**
 * The feed's client side as a pure function (Q4, Q16): a snapshot replaces the state; events
 * (alone, in a batch or in a catch-up) apply in seq order; a seq already applied is a duplicate
 * and ignored; a seq further on than the next one means something was missed: nothing more is
 * applied and the client resubscribes with the last seq it applied (the server answers a
 * catch-up with exactly the missing events, or a reset snapshot). A heartbeat whose seq is
 * ahead of ours means the same.
 */
export interface FeedReduction {
  /** The last seq applied (unchanged when nothing was). */
  lastSeq: number;
  /** The new state, or the same object when nothing changed. */
  state: LiveState | undefined;
  /** True when the client must resubscribe with `lastSeq` to fill a gap. */
  resync: boolean;
  /** Events applied by this message, in order (for effects such as invalidating other queries). */
  applied: FeedEvent[];
}

const EVENT_TYPES = new Set<string>(FEED_EVENT_TYPES);

export function isFeedEvent(message: FeedServerMessage): message is FeedEvent {
  return EVENT_TYPES.has(message.type);
}

/** The state a snapshot describes, keeping what only REST knows while it still applies. */
export function stateFromSnapshot(message: SnapshotMessage, previous: LiveState | undefined, now: number): LiveState {
  const data = message.data;
  const bot = data.bot ?? previous?.bot ?? { state: 'unavailable' as const, reason: null };
  return {
    seq: message.seq,
    positions: { ...(data.positions ?? {}) },
    pause_state: data.pause_state ?? null,
    stats: data.stats ?? null,
    bot,
    freshness: message.freshness,
    recovery_progress: isRecovering(bot.state) ? (previous?.recovery_progress ?? null) : null,
    uptime_seconds: data.stats?.uptime_seconds ?? previous?.uptime_seconds ?? null,
    complete: !isRecovering(bot.state),
    bot_unavailable: bot.state === 'unavailable',
    updated_at: now,
  };
}

/** One event applied to the state (the contracts' applyFeedEvent, on a copy). */
export function applyEvent(state: LiveState, event: FeedEvent, now: number): LiveState {
  const draft: Partial<FeedState> = {
    positions: { ...state.positions },
    pause_state: state.pause_state,
    stats: state.stats,
    bot: state.bot,
  };
  applyFeedEvent(draft, event);
  const bot = draft.bot ?? state.bot;
  const unavailable = bot.state === 'unavailable';
  return {
    ...state,
    seq: event.seq,
    positions: draft.positions ?? {},
    pause_state: draft.pause_state ?? null,
    stats: draft.stats ?? null,
    bot,
    uptime_seconds: draft.stats?.uptime_seconds ?? state.uptime_seconds,
    complete: !isRecovering(bot.state),
    bot_unavailable: unavailable,
    // An event is the bridge reading the bot just now, unless it says the bot is gone.
    freshness: unavailable ? (state.freshness ?? null) : { source: 'live', as_of: event.timestamp, age_ms: null },
    recovery_progress: isRecovering(bot.state) ? state.recovery_progress : null,
    updated_at: now,
  };
}

/** Applies events in order from lastSeq; stops at the first gap. `contiguous` false for a catch-up's own range. */
function applyInOrder(
  lastSeq: number,
  state: LiveState | undefined,
  events: readonly FeedEvent[],
  now: number,
  contiguous: boolean,
): FeedReduction {
  let seq = lastSeq;
  let current = state;
  const applied: FeedEvent[] = [];
  for (const event of events) {
    if (event.seq <= seq) continue; // already applied: a duplicate
    if (contiguous && event.seq !== seq + 1) return { lastSeq: seq, state: current, resync: true, applied };
    if (current) current = applyEvent(current, event, now);
    seq = event.seq;
    applied.push(event);
  }
  return { lastSeq: seq, state: current, resync: false, applied };
}

export function reduceFeedMessage(
  lastSeq: number,
  state: LiveState | undefined,
  message: FeedServerMessage,
  now: number = Date.now(),
): FeedReduction {
  const unchanged: FeedReduction = { lastSeq, state, resync: false, applied: [] };
  switch (message.type) {
    case 'snapshot':
      return { lastSeq: message.seq, state: stateFromSnapshot(message, state, now), resync: false, applied: [] };
    case 'catch_up': {
      // It must start right after what we have; events inside it may skip seqs of channels we
      // do not read (the server filtered them), so its own range counts as complete.
      if (message.from_seq > lastSeq + 1) return { ...unchanged, resync: true };
      const result = applyInOrder(lastSeq, state, message.events, now, false);
      return { ...result, lastSeq: Math.max(result.lastSeq, message.to_seq) };
    }
    case 'batch':
      return applyInOrder(lastSeq, state, message.events, now, true);
    case 'heartbeat':
      return message.seq > lastSeq ? { ...unchanged, resync: true } : unchanged;
    default:
      return isFeedEvent(message) ? applyInOrder(lastSeq, state, [message], now, true) : unchanged;
  }
}
