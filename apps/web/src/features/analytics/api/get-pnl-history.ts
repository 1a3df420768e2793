import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Schema } from '@/lib/api-types';

export type PnlHistory = Schema<'PnlHistoryDto'>;

/** GET /history/pnl?days=N: portfolio PnL points (oldest first) and the trades' summary. */
export function getPnlHistory(days: number, signal?: AbortSignal): Promise<PnlHistory> {
  return apiClient.get<PnlHistory>('/history/pnl', { query: { days }, signal });
}

export const pnlHistoryQueryOptions = (days: number) =>
  queryOptions({
    queryKey: ['history', 'pnl', days] as const,
    queryFn: ({ signal }) => getPnlHistory(days, signal),
    // A new point is recorded every minute.
    refetchInterval: 60_000,
  });

export function usePnlHistory(days: number) {
  return useQuery(pnlHistoryQueryOptions(days));
}
