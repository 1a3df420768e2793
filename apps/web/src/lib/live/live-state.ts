import type {
  BotLifecycle,
  BotPauseState,
  BotPositionSummary,
  BotStats,
  BotUnavailableBody,
  DataFreshness,
  PositionsResponse,
  RecoveryProgress,
} from '@dnb/contracts';

/**
 * What the dashboard shows of the bot, in one TanStack Query entry: the socket's snapshot and
 * events are applied to it, and when the socket is down the REST poll fills it. There is no
 * other store of live data.
 */
export interface LiveState {
  /** The feed seq this state includes every event up to; null when it came from REST. */
  seq: number | null;
  positions: Record<string, BotPositionSummary>;
  pause_state: BotPauseState | null;
  stats: BotStats | null;
  bot: { state: BotLifecycle; reason: string | null };
  /** How fresh the bridge's data was (REST answers and snapshots say; events mean live). */
  freshness: DataFreshness | null;
  /** Known only from REST (/status, /positions). */
  recovery_progress: RecoveryProgress | null;
  uptime_seconds: number | null;
  /** False while the bot starts or recovers: the positions may be incomplete (Q6). */
  complete: boolean;
  /** The bot gave no usable answer: positions are the last known ones, as of freshness.as_of. */
  bot_unavailable: boolean;
  /** When this browser last changed the state (ms since epoch). */
  updated_at: number;
}

export const LIVE_QUERY_KEY = ['live', 'state'] as const;

/** States in which an empty position list does not mean "no positions". */
export function isRecovering(state: BotLifecycle): boolean {
  return state === 'starting' || state === 'recovering';
}

export function positionsById(list: readonly BotPositionSummary[]): Record<string, BotPositionSummary> {
  return Object.fromEntries(list.map((p) => [p.position_id, p]));
}

/** The list a BOT_UNAVAILABLE answer carries as its last known data, if any. */
export function cachedPositions(body: unknown): { positions: BotPositionSummary[]; cachedAt: string | null } | null {
  const unavailable = body as Partial<BotUnavailableBody<PositionsResponse>> | undefined;
  const cached = unavailable?.cached_data;
  if (!cached || !Array.isArray(cached.positions)) return null;
  return { positions: cached.positions, cachedAt: unavailable?.cached_at ?? null };
}
