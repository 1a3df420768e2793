import { QueryClient, type DefaultOptions } from '@tanstack/react-query';
import { isApiError } from './api-client';

const MAX_RETRIES = 2;

/** Retry what may heal (no answer, 5xx, 408, 429) a couple of times; never retry other 4xx. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES) return false;
  if (!isApiError(error)) return false;
  if (error.kind === 'invalid-response') return false;
  if (error.kind === 'http' && error.status < 500 && error.status !== 408 && error.status !== 429) return false;
  return true;
}

export const queryDefaults = {
  queries: {
    // Live data comes from polling (and later the socket); a remount or refocus does not refetch fresh data.
    staleTime: 15_000,
    gcTime: 5 * 60_000,
    retry: shouldRetry,
    retryDelay: (attempt) => Math.min(1_000 * 2 ** attempt, 10_000),
    refetchOnWindowFocus: true,
    refetchOnReconnect: true,
  },
  mutations: {
    // Control actions must never be sent twice behind the operator's back.
    retry: false,
  },
} satisfies DefaultOptions;

export function createQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: queryDefaults });
}
