import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Schema } from '@/lib/api-types';

export type CircuitBreakerEvent = Schema<'CircuitBreakerEventDto'>;
type Page = Schema<'CircuitBreakersPageDto'>;

/** GET /history/circuit-breakers: newest first, from the start of the range, paged by cursor. */
export const circuitBreakersQueryOptions = (from: string, days: number) =>
  infiniteQueryOptions({
    // Keyed by the window, not by `from` (which moves with the clock).
    queryKey: ['history', 'circuit-breakers', days] as const,
    queryFn: ({ signal, pageParam }) =>
      apiClient.get<Page>('/history/circuit-breakers', { query: { from, limit: 100, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });

export function useCircuitBreakers(from: string, days: number) {
  return useInfiniteQuery(circuitBreakersQueryOptions(from, days));
}
