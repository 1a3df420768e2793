import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Schema } from '@/lib/api-types';

export type Alert = Schema<'AlertDto'>;
type Page = Schema<'AlertHistoryDto'>;

export interface AlertFilters {
  severity?: Alert['severity'];
  acknowledged?: 'true' | 'false';
}

/** GET /alerts/history: newest first, filtered, paged by cursor. */
export const alertHistoryQueryOptions = (filters: AlertFilters) =>
  infiniteQueryOptions({
    queryKey: ['alerts', 'history', filters] as const,
    queryFn: ({ signal, pageParam }) =>
      apiClient.get<Page>('/alerts/history', { query: { ...filters, limit: 25, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    refetchInterval: 30_000,
  });

export function useAlertHistory(filters: AlertFilters) {
  return useInfiniteQuery(alertHistoryQueryOptions(filters));
}
