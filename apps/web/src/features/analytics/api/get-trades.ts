import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Schema } from '@/lib/api-types';

export type Trade = Schema<'TradeDto'>;
type Page = Schema<'TradesPageDto'>;

export const TRADES_PAGE_SIZE = 25;

/** GET /history/trades: closed positions, newest first, paged by cursor. */
export const tradesQueryOptions = (from: string, days: number) =>
  infiniteQueryOptions({
    queryKey: ['history', 'trades', days] as const,
    queryFn: ({ signal, pageParam }) =>
      apiClient.get<Page>('/history/trades', {
        query: { from, limit: TRADES_PAGE_SIZE, sort: 'closed_at:desc', cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });

export function useTrades(from: string, days: number) {
  return useInfiniteQuery(tradesQueryOptions(from, days));
}
