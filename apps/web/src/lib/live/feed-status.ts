import { useSyncExternalStore } from 'react';

/**
 * The socket's connection state (transport, not data: the data is in the query cache).
 * - connecting: first connection in progress
 * - live: subscribed, events flowing
 * - reconnecting: lost, retrying with backoff; `staleSince` says since when data is old
 * - offline: not connected and not trying (signed out, or refused for good)
 */
export type FeedConnectionState = 'connecting' | 'live' | 'reconnecting' | 'offline';

export interface FeedStatus {
  state: FeedConnectionState;
  /** When the data stopped being live (ms since epoch); null while live. */
  staleSince: number | null;
  /** The reason of the last refusal or disconnect, when there is one. */
  reason: string | null;
  /** When the next reconnection attempt is due (ms since epoch). */
  retryAt: number | null;
  /** Gaps found in this page's life (each answered by a resubscription): a health figure. */
  gaps: number;
}

let status: FeedStatus = { state: 'offline', staleSince: null, reason: null, retryAt: null, gaps: 0 };
const listeners = new Set<() => void>();

export function getFeedStatus(): FeedStatus {
  return status;
}

export function setFeedStatus(next: Partial<FeedStatus>): void {
  const merged = { ...status, ...next };
  if (
    merged.state === status.state &&
    merged.staleSince === status.staleSince &&
    merged.reason === status.reason &&
    merged.retryAt === status.retryAt &&
    merged.gaps === status.gaps
  ) {
    return;
  }
  status = merged;
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useFeedStatus(): FeedStatus {
  return useSyncExternalStore(subscribe, getFeedStatus);
}
