import { useQuery } from '@tanstack/react-query';
import { getLiveStateQueryOptions } from './get-live-state';
import { useFeedStatus } from './feed-status';
import type { LiveState } from './live-state';

/**
 * The bot's live state: kept by the socket when connected, polled over REST otherwise. With
 * `select` (a stable function, e.g. defined at module level), the component reads only that slice
 * and re-renders only when the slice changes (feed messages that touch other parts leave it alone).
 */
export function useLiveState(): ReturnType<typeof useQuery<LiveState>>;
export function useLiveState<T>(select: (state: LiveState) => T): ReturnType<typeof useQuery<LiveState, Error, T>>;
export function useLiveState<T>(select?: (state: LiveState) => T) {
  const status = useFeedStatus();
  return useQuery({ ...getLiveStateQueryOptions(status.state === 'live'), select });
}
