import type { PositionsResponse, StatusResponse } from '@dnb/contracts';
import { queryOptions } from '@tanstack/react-query';
import { apiClient, isApiError } from '@/lib/api-client';
import { cachedPositions, isRecovering, LIVE_QUERY_KEY, positionsById, type LiveState } from './live-state';

/** How often REST is asked while the socket is down (Q18: the pause banner must not depend on it). */
export const LIVE_POLL_MS = 10_000;
/** Q6: while the bot starts or recovers, ask more often until it runs. */
export const RECOVERY_POLL_MS = 2_000;

/** The live state from REST: /status (always 200) and /positions (503 with the last known list). */
export async function getLiveState({ signal }: { signal?: AbortSignal } = {}): Promise<LiveState> {
  const [status, positions] = await Promise.all([
    apiClient.get<StatusResponse>('/status', { signal }),
    apiClient.get<PositionsResponse>('/positions', { signal }).catch((error: unknown) => {
      if (isApiError(error) && error.status >= 502 && error.status <= 504 && error.kind === 'http') return error;
      throw error;
    }),
  ]);
  const unavailable = isApiError(positions);
  const cached = unavailable ? cachedPositions(positions.body) : null;
  const list = unavailable ? (cached?.positions ?? []) : positions.positions;
  return {
    seq: null,
    positions: positionsById(list),
    pause_state: status.pause_state,
    stats: null,
    bot: { state: status.bot.state, reason: status.bot.error },
    freshness: unavailable ? { source: 'cached', as_of: cached?.cachedAt ?? status.freshness.as_of, age_ms: null } : positions.freshness,
    recovery_progress: unavailable ? status.bot.recovery_progress : positions.recovery_progress,
    uptime_seconds: status.bot.uptime_seconds,
    complete: unavailable ? !isRecovering(status.bot.state) && cached !== null : positions.complete,
    bot_unavailable: unavailable || status.bot.state === 'unavailable',
    updated_at: Date.now(),
  };
}

/**
 * The live state. The socket keeps it current while connected (`socketLive`); otherwise REST
 * is polled (every 2 s while the bot recovers, else every 10 s).
 */
export const getLiveStateQueryOptions = (socketLive: boolean) =>
  queryOptions({
    queryKey: LIVE_QUERY_KEY,
    queryFn: ({ signal }) => getLiveState({ signal }),
    staleTime: socketLive ? Infinity : LIVE_POLL_MS - 1_000,
    refetchInterval: (query) => {
      if (socketLive) return false;
      const state = query.state.data?.bot.state;
      return state && isRecovering(state) ? RECOVERY_POLL_MS : LIVE_POLL_MS;
    },
    refetchOnWindowFocus: !socketLive,
  });
