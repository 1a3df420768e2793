import type {
  BotLifecycle,
  BotStateChangeEvent,
  BotPauseState,
  BotPositionSummary,
  BotStats,
  DomainEvent,
  PauseStateChangeEvent,
  StatsUpdateEvent,
} from '@dnb/contracts';
import { SUMMARY_KEYS } from './bot-answers';

/**
 * Pure functions that compare one poll with the last and say which domain events that makes.
 * The first observation is the baseline and makes none: subscribers start from snapshot().
 */

export interface SeenPosition {
  position: BotPositionSummary;
  /** When it was last read (UTC Z). */
  seenAt: string;
}

/** While the bot (re)starts or shuts down its position list is incomplete: an absence then is not a close. */
export const LIST_INCOMPLETE_STATES: ReadonlySet<BotLifecycle> = new Set(['starting', 'recovering', 'shutdown']);

export interface PositionDiff {
  events: DomainEvent[];
  /** What is known after this poll (positions missing during a restart are kept). */
  known: Map<string, SeenPosition>;
}

/**
 * @param known what the last polls showed, or null before the first poll (baseline)
 * @param current the positions the bot reports now, keyed by id
 * @param lifecycle the bot's state at this poll
 * @param now when this poll was read (UTC Z); also the events' timestamp
 */
export function diffPositions(
  known: ReadonlyMap<string, SeenPosition> | null,
  current: Readonly<Record<string, BotPositionSummary>>,
  lifecycle: BotLifecycle,
  now: string,
): PositionDiff {
  const next = new Map<string, SeenPosition>();
  const events: DomainEvent[] = [];
  const restarting = LIST_INCOMPLETE_STATES.has(lifecycle);
  for (const [id, position] of Object.entries(current)) {
    next.set(id, { position, seenAt: now });
    if (known === null) continue;
    const previous = known.get(id);
    if (!previous) {
      events.push({ type: 'position_opened', timestamp: now, payload: { position, recovered: restarting } });
      continue;
    }
    const changes = changedFields(previous.position, position);
    if (changes) events.push({ type: 'position_update', timestamp: now, payload: { position_id: id, changes } });
  }
  if (known !== null) {
    for (const [id, seen] of known) {
      if (id in current) continue;
      if (restarting) {
        next.set(id, seen); // not recovered yet: still held as last seen, not closed
        continue;
      }
      events.push({
        type: 'position_closed',
        timestamp: now,
        payload: { position_id: id, last_seen: seen.position, last_seen_at: seen.seenAt },
      });
    }
  }
  return { events, known: next };
}

/** Only the fields whose values differ, or undefined when none does. */
export function changedFields(previous: BotPositionSummary, current: BotPositionSummary): Partial<BotPositionSummary> | undefined {
  const changes: Record<string, unknown> = {};
  for (const key of SUMMARY_KEYS) if (previous[key] !== current[key]) changes[key] = current[key];
  return Object.keys(changes).length ? (changes as Partial<BotPositionSummary>) : undefined;
}

export function diffPauseState(previous: BotPauseState | null, current: BotPauseState, now: string): PauseStateChangeEvent | undefined {
  if (previous === null || samePauseState(previous, current)) return undefined;
  return { type: 'pause_state_change', timestamp: now, payload: { previous, current } };
}

export function samePauseState(a: BotPauseState, b: BotPauseState): boolean {
  return (
    a.paused === b.paused &&
    a.scope === b.scope &&
    (a.reason ?? null) === (b.reason ?? null) &&
    (a.paused_at ?? null) === (b.paused_at ?? null) &&
    (a.paused_by ?? null) === (b.paused_by ?? null) &&
    a.active_breakers.length === b.active_breakers.length &&
    a.active_breakers.every((breaker, i) => breaker === b.active_breakers[i])
  );
}

export function diffStats(previous: BotStats | null, current: BotStats, now: string): StatsUpdateEvent | undefined {
  if (previous === null) return undefined;
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(current) as Array<keyof BotStats>) if (previous[key] !== current[key]) changes[key] = current[key];
  if (Object.keys(changes).length === 0) return undefined;
  return { type: 'stats_update', timestamp: now, payload: { stats: current, changes: changes as Partial<BotStats> } };
}

/** The event for a lifecycle transition, or undefined when the state did not change. */
export function diffLifecycle(
  previous: BotLifecycle | null,
  current: BotLifecycle,
  reason: string | null,
  now: string,
): BotStateChangeEvent | undefined {
  if (previous === current) return undefined;
  return { type: 'bot_state_change', timestamp: now, payload: { previous, current, reason } };
}
