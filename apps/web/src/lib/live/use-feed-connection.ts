import type { FeedEvent } from '@dnb/contracts';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { FeedConnection } from './feed-connection';

/** Query key prefixes whose data an event makes out of date (they are read over REST). */
function invalidateFor(queryClient: QueryClient, events: FeedEvent[]): void {
  const types = new Set(events.map((e) => e.type));
  if (types.has('alert')) void queryClient.invalidateQueries({ queryKey: ['alerts'] });
  if (types.has('config_changed')) void queryClient.invalidateQueries({ queryKey: ['config'] });
  if (types.has('position_closed') || types.has('pause_state_change')) {
    void queryClient.invalidateQueries({ queryKey: ['history'] });
    void queryClient.invalidateQueries({ queryKey: ['activity'] });
  }
  if (types.has('position_opened')) void queryClient.invalidateQueries({ queryKey: ['activity'] });
}

/** Keeps the one feed socket open while `enabled` (signed in, with feed:subscribe). */
export function useFeedConnection(enabled: boolean): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    const connection = new FeedConnection(queryClient, { onEvents: (events) => invalidateFor(queryClient, events) });
    connection.start();
    return () => connection.stop();
  }, [enabled, queryClient]);
}
