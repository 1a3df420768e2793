import { useQuery } from '@tanstack/react-query';
import { getLiveStateQueryOptions } from './get-live-state';
import { useFeedStatus } from './feed-status';

/** The bot's live state: kept by the socket when connected, polled over REST otherwise. */
export function useLiveState() {
  const status = useFeedStatus();
  return useQuery(getLiveStateQueryOptions(status.state === 'live'));
}
